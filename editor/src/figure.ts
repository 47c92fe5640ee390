// A photo as Vietnamese news pages show it: a <figure> with the image, its required alt text and
// an editable caption ("Ảnh: Đ/c … phát biểu"), plus alignment and size presets. The caption and
// alt text are edited in place, in fields under the picture.
import { Node, mergeAttributes } from "@tiptap/core";

export const ALIGNMENTS = ["left", "center", "right"] as const;
export const SIZES = ["small", "medium", "full"] as const;
export type FigureAlign = (typeof ALIGNMENTS)[number];
export type FigureSize = (typeof SIZES)[number];

export interface FigureAttributes {
  src: string;
  alt: string;
  caption: string;
  width?: number | null;
  height?: number | null;
  align?: FigureAlign;
  size?: FigureSize;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    figure: {
      insertFigure: (attributes: FigureAttributes) => ReturnType;
      setFigureAlign: (align: FigureAlign) => ReturnType;
      setFigureSize: (size: FigureSize) => ReturnType;
    };
  }
}

function classValue(element: HTMLElement, prefix: string, allowed: readonly string[], fallback: string): string {
  const found = Array.from(element.classList).find((c) => c.startsWith(prefix) && allowed.includes(c.slice(prefix.length)));
  return found ? found.slice(prefix.length) : fallback;
}

function numberAttribute(img: Element, name: string): number | null {
  const value = Number.parseInt(img.getAttribute(name) ?? "", 10);
  return Number.isFinite(value) && value > 0 ? value : null;
}

function attributesOfImage(img: HTMLImageElement, figure: HTMLElement | null, caption: string) {
  return {
    src: img.getAttribute("src") ?? "",
    alt: img.getAttribute("alt") ?? "",
    caption,
    width: numberAttribute(img, "width"),
    height: numberAttribute(img, "height"),
    align: figure ? classValue(figure, "align-", ALIGNMENTS, "center") : "center",
    size: figure ? classValue(figure, "size-", SIZES, "full") : "full",
  };
}

export const Figure = Node.create({
  name: "figure",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      src: { default: "" },
      alt: { default: "" },
      caption: { default: "" },
      width: { default: null },
      height: { default: null },
      align: { default: "center" },
      size: { default: "full" },
    };
  },

  parseHTML() {
    return [
      {
        tag: "figure",
        getAttrs: (element) => {
          const figure = element as HTMLElement;
          const img = figure.querySelector("img");
          if (!img) return false;
          const caption = figure.querySelector("figcaption")?.textContent?.trim() ?? "";
          return attributesOfImage(img, figure, caption);
        },
      },
      {
        tag: "img[src]",
        getAttrs: (element) => attributesOfImage(element as HTMLImageElement, null, ""),
      },
    ];
  },

  renderHTML({ node }) {
    const { src, alt, caption, width, height, align, size } = node.attrs;
    const img = ["img", mergeAttributes({ src, alt }, width ? { width } : {}, height ? { height } : {})];
    const figure: unknown[] = ["figure", { class: `align-${align} size-${size}` }, img];
    if (caption) figure.push(["figcaption", {}, caption]);
    return figure as never;
  },

  addCommands() {
    return {
      insertFigure:
        (attributes) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { align: "center", size: "full", ...attributes } }),
      setFigureAlign:
        (align) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { align }),
      setFigureSize:
        (size) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { size }),
    };
  },

  addNodeView() {
    return ({ node, getPos, editor }) => {
      let current = node;
      const dom = document.createElement("figure");
      const img = document.createElement("img");
      const alt = fieldInput("Mô tả ảnh cho người khiếm thị (bắt buộc)", "figure-alt");
      const caption = fieldInput("Chú thích ảnh, ví dụ: Ảnh: Đ/c … phát biểu", "figure-caption");
      dom.append(img, caption.label, alt.label);

      const render = () => {
        dom.className = `align-${current.attrs.align} size-${current.attrs.size}`;
        dom.classList.toggle("missing-alt", !current.attrs.alt.trim());
        img.src = current.attrs.src;
        img.alt = current.attrs.alt;
        if (alt.input.value !== current.attrs.alt) alt.input.value = current.attrs.alt;
        if (caption.input.value !== current.attrs.caption) caption.input.value = current.attrs.caption;
        alt.input.disabled = caption.input.disabled = !editor.isEditable;
      };
      const update = (name: "alt" | "caption", value: string) => {
        const pos = typeof getPos === "function" ? getPos() : undefined;
        if (pos === undefined) return;
        editor.view.dispatch(editor.view.state.tr.setNodeAttribute(pos, name, value));
      };
      alt.input.addEventListener("input", () => update("alt", alt.input.value));
      caption.input.addEventListener("input", () => update("caption", caption.input.value));
      render();

      return {
        dom,
        update: (updated) => {
          if (updated.type !== current.type) return false;
          current = updated;
          render();
          return true;
        },
        // Typing in the caption and alt fields is theirs, not the editor's.
        stopEvent: (event) => event.target instanceof HTMLInputElement,
        ignoreMutation: () => true,
      };
    };
  },
});

function fieldInput(placeholder: string, className: string) {
  const label = document.createElement("label");
  label.className = className;
  const input = document.createElement("input");
  input.type = "text";
  input.placeholder = placeholder;
  input.setAttribute("aria-label", placeholder);
  label.append(input);
  return { label, input };
}
