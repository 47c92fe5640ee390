// Turns what Microsoft Word and Google Docs put on the clipboard into the plain structure the
// editor keeps: headings, paragraphs, lists, tables, links, images and inline emphasis survive;
// Office styles, fonts, colours, classes, conditional comments and empty paragraphs do not.

const DROPPED_ELEMENTS = "style, meta, link, script, title, xml, head, o\\:p, v\\:shapetype, v\\:shape, w\\:sdt";
const KEPT_ATTRIBUTES: Record<string, string[]> = {
  A: ["href"],
  IMG: ["src", "alt", "width", "height"],
  TD: ["colspan", "rowspan"],
  TH: ["colspan", "rowspan"],
  OL: ["start"],
};
const SAFE_LINK = /^(https?:|mailto:|tel:|\/(?!\/)|#)/i;

export function cleanPastedHtml(html: string): string {
  const document = new DOMParser().parseFromString(html, "text/html");
  const body = document.body;
  removeComments(body);
  body.querySelectorAll(DROPPED_ELEMENTS).forEach((element) => element.remove());
  unwrapGoogleDocsWrapper(body);
  convertWordLists(body);
  convertStyledEmphasis(body);
  renameHeadings(body);
  body.querySelectorAll("span, font, div, section, article, a:not([href])").forEach(unwrap);
  body.querySelectorAll("*").forEach(keepOnlyMeaningfulAttributes);
  body.querySelectorAll("img").forEach((img) => {
    if (img.getAttribute("src")?.toLowerCase().startsWith("file:")) img.remove();
  });
  removeEmptyParagraphs(body);
  // Google Docs separates blocks with a bare <br> at the top level.
  Array.from(body.children).forEach((child) => {
    if (child.tagName === "BR") child.remove();
  });
  return body.innerHTML.replace(/\u00a0/g, " ").trim();
}

/** How many pictures in `html` point at files on the writer's own computer, which no page can read. */
export function unreadableImageCount(html: string): number {
  const document = new DOMParser().parseFromString(html, "text/html");
  return Array.from(document.querySelectorAll("img")).filter((img) => img.getAttribute("src")?.toLowerCase().startsWith("file:")).length;
}

function removeComments(root: Node) {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((comment) => comment.parentNode?.removeChild(comment));
}

/**
 * The declarations of an element's style attribute, read from its text: the page's
 * Content-Security-Policy forbids inline styles, so the browser leaves `element.style` empty.
 */
function declarations(element: Element): Map<string, string> {
  const found = new Map<string, string>();
  for (const declaration of (element.getAttribute("style") ?? "").split(";")) {
    const colon = declaration.indexOf(":");
    if (colon > 0) found.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim().toLowerCase());
  }
  return found;
}

function unwrap(element: Element) {
  element.replaceWith(...Array.from(element.childNodes));
}

function unwrapGoogleDocsWrapper(root: HTMLElement) {
  // Docs wraps the whole fragment in <b style="font-weight:normal" id="docs-internal-guid-…">;
  // taken as bold it would make everything bold.
  root.querySelectorAll("b").forEach((b) => {
    const weight = declarations(b).get("font-weight");
    if (b.id.startsWith("docs-internal-guid") || weight === "normal" || weight === "400") unwrap(b);
  });
}

function wrapChildren(element: Element, tag: string) {
  const wrapper = element.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(element.childNodes));
  element.append(wrapper);
}

function convertStyledEmphasis(root: HTMLElement) {
  root.querySelectorAll<HTMLElement>("span[style], font[style]").forEach((span) => {
    const style = declarations(span);
    const fontWeight = style.get("font-weight") ?? "400";
    const weight = fontWeight.startsWith("bold") ? 700 : Number.parseInt(fontWeight, 10);
    if (weight >= 600) wrapChildren(span, "strong");
    if (style.get("font-style") === "italic") wrapChildren(span, "em");
    const decoration = `${style.get("text-decoration") ?? ""} ${style.get("text-decoration-line") ?? ""}`;
    // Docs underlines every link; the link itself says enough.
    if (decoration.includes("underline") && !span.closest("a")) wrapChildren(span, "u");
    if (decoration.includes("line-through")) wrapChildren(span, "s");
    if (style.get("vertical-align") === "super") wrapChildren(span, "sup");
    if (style.get("vertical-align") === "sub") wrapChildren(span, "sub");
  });
}

function renameHeadings(root: HTMLElement) {
  // The article's title is its only <h1>; the editor offers H2–H4.
  const renames: Record<string, string> = { H1: "h2", H5: "h4", H6: "h4" };
  root.querySelectorAll("h1, h5, h6, p.MsoTitle, p.MsoSubtitle").forEach((heading) => {
    const tag = heading.classList.contains("MsoTitle") ? "h2" : heading.classList.contains("MsoSubtitle") ? "h3" : renames[heading.tagName];
    const renamed = heading.ownerDocument.createElement(tag);
    renamed.append(...Array.from(heading.childNodes));
    heading.replaceWith(renamed);
  });
}

function keepOnlyMeaningfulAttributes(element: Element) {
  const kept = KEPT_ATTRIBUTES[element.tagName] ?? [];
  Array.from(element.attributes).forEach((attribute) => {
    if (!kept.includes(attribute.name)) element.removeAttribute(attribute.name);
  });
  const href = element.getAttribute("href");
  if (href !== null && !SAFE_LINK.test(href.trim())) element.removeAttribute("href");
}

function removeEmptyParagraphs(root: HTMLElement) {
  root.querySelectorAll("p, h2, h3, h4, li").forEach((block) => {
    const text = (block.textContent ?? "").replace(/\u00a0/g, " ").trim();
    if (!text && !block.querySelector("img, br + *")) block.remove();
  });
}

// Word writes each list item as a paragraph with `mso-list:l<list> level<n> lfo<k>` and the
// bullet or number as text in a `mso-list:Ignore` span; rebuild real nested <ul>/<ol>.
interface WordListItem {
  paragraph: HTMLElement;
  level: number;
  ordered: boolean;
}

function wordListItem(element: Element | null): WordListItem | null {
  if (!(element instanceof HTMLElement) || element.tagName !== "P") return null;
  const style = element.getAttribute("style") ?? "";
  const match = /mso-list:\s*l\d+\s+level(\d+)/i.exec(style);
  if (!match) return null;
  const marker = element.querySelector('[style*="mso-list:Ignore" i], [style*="mso-list: Ignore" i]');
  const markerText = (marker?.textContent ?? "").replace(/\u00a0/g, " ").trim();
  marker?.remove();
  return { paragraph: element, level: Number(match[1]), ordered: /^[0-9a-zA-Z]{1,5}[.)]$/.test(markerText) };
}

function convertWordLists(root: HTMLElement) {
  const document = root.ownerDocument;
  let paragraph = root.querySelector<HTMLElement>('p[style*="mso-list" i]');
  while (paragraph) {
    const first = wordListItem(paragraph);
    if (!first) {
      paragraph.removeAttribute("style");
      paragraph = root.querySelector<HTMLElement>('p[style*="mso-list" i]');
      continue;
    }
    const items: WordListItem[] = [first];
    for (let next = wordListItem(first.paragraph.nextElementSibling); next; next = wordListItem(next.paragraph.nextElementSibling)) {
      items.push(next);
    }
    const stack: { list: HTMLElement; level: number }[] = [];
    items.forEach((item) => {
      while (stack.length && stack[stack.length - 1].level > item.level) stack.pop();
      let top = stack[stack.length - 1];
      if (!top || top.level < item.level) {
        const list = document.createElement(item.ordered ? "ol" : "ul");
        const parentItem = top?.list.lastElementChild;
        if (parentItem) parentItem.append(list);
        else first.paragraph.before(list);
        top = { list, level: item.level };
        stack.push(top);
      }
      const li = document.createElement("li");
      li.append(...Array.from(item.paragraph.childNodes));
      top.list.append(li);
    });
    items.forEach((item) => item.paragraph.remove());
    paragraph = root.querySelector<HTMLElement>('p[style*="mso-list" i]');
  }
}
