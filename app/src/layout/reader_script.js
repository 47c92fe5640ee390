// The reader pages' one script, inline in the head (under the page's nonce): it counts the page
// view, applies the reader's text size before the first paint, loads the islands when the browser
// is idle, and opens other reader pages inside this document, so the live visitor widget keeps its
// one connection for the whole visit. Everything it does is an enhancement: without it every link
// and form works as a normal page load.
((islandsScript, islandsWasm) => {
  const root = document.documentElement;
  try {
    const size = localStorage.getItem("portal-text-size");
    if (size) root.dataset.textSize = size;
  } catch (_) {}

  // The same rule as `counts_as_page_view` on the server: not the back office, the API, the
  // bundle, media or any file (a last segment with a dot: feeds, the sitemap, downloads).
  const isReaderPage = (url) =>
    url.origin === location.origin &&
    !/^\/(quan-tri|api\/|pkg|media\/)/.test(url.pathname) &&
    !url.pathname.split("/").pop().includes(".");
  const countView = (path) => navigator.sendBeacon("/api/luot-xem?trang=" + encodeURIComponent(path));
  // After the page has loaded: nothing the reader came for waits behind the beacon.
  const afterLoad = (then) =>
    document.readyState === "complete" ? then() : addEventListener("load", then, { once: true });
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", () => afterLoad(() => countView(location.pathname)), {
      once: true,
    });
  } else {
    afterLoad(() => countView(location.pathname));
  }

  let islands = null;
  // Between steps the browser may paint and answer input: no step is one long task on a slow phone.
  const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve));
  const hydrateIsland = (island) => {
    const hydrate = islands[island.dataset.component];
    if (hydrate) hydrate(island);
  };
  const hydrateIslands = (within) => within.querySelectorAll("leptos-island").forEach(hydrateIsland);
  const loadIslands = async () => {
    const bundle = await import(islandsScript);
    await bundle.default({ module_or_path: islandsWasm });
    await yieldToBrowser();
    bundle.hydrate();
    islands = bundle;
    for (const island of document.body.querySelectorAll("leptos-island")) {
      await yieldToBrowser();
      hydrateIsland(island);
    }
    root.dataset.hydrated = "";
  };
  // The islands wait until the page has loaded and painted, so they never delay what the reader
  // came for.
  afterLoad(() => (window.requestIdleCallback || setTimeout)(loadIslands, { timeout: 2000 }));

  // Scroll positions of the entries this document opened, for back and forward.
  const scrolled = new Map();
  let entry = 0;
  let shown = location.pathname + location.search;
  let pending = null;
  const pageHead = 'meta[name]:not([name="viewport"]),meta[property],link[rel="canonical"],link[rel="alternate"]';

  const open = async (url, fromHistory) => {
    if (pending) pending.abort();
    const request = (pending = new AbortController());
    root.setAttribute("aria-busy", "true");
    let response, next;
    try {
      response = await fetch(url.href, { signal: request.signal, headers: { accept: "text/html" } });
      if (!/^text\/html/.test(response.headers.get("content-type") || "")) throw new Error("not a page");
      next = new DOMParser().parseFromString(await response.text(), "text/html");
    } catch (error) {
      if (request.signal.aborted) return;
      next = null;
    }
    if (request !== pending) return;
    pending = null;
    root.removeAttribute("aria-busy");
    const main = document.getElementById("noi-dung");
    const nextMain = next && next.getElementById("noi-dung");
    if (!main || !nextMain) {
      // Not a reader page after all (or the network failed): let the browser open it.
      fromHistory ? location.replace(url.href) : location.assign(url.href);
      return;
    }
    // A redirect (a moved article) shows its final address.
    const address = new URL(response.url);
    address.hash = url.hash;
    scrolled.set(entry, scrollY);
    if (fromHistory) {
      entry = (history.state && history.state.readerEntry) || 0;
    } else {
      entry = Date.now();
      history.pushState({ readerEntry: entry }, "", address.href);
    }
    shown = address.pathname + address.search;

    document.title = next.title;
    for (const old of document.head.querySelectorAll(pageHead)) old.remove();
    for (const tag of next.head.querySelectorAll(pageHead)) document.head.append(document.adoptNode(tag));
    main.replaceWith(document.adoptNode(nextMain));
    if (islands) hydrateIslands(nextMain);
    for (const menu of document.querySelectorAll("details[open]")) {
      if (!nextMain.contains(menu)) menu.open = false;
    }
    countView(address.pathname);

    const target = address.hash && document.getElementById(decodeURIComponent(address.hash.slice(1)));
    if (fromHistory) scrollTo(0, scrolled.get(entry) || 0);
    else if (target) target.scrollIntoView();
    else scrollTo(0, 0);
    // Screen readers start reading the new page's content, as after a page load.
    nextMain.focus({ preventScroll: true });
  };

  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest && event.target.closest("a[href]");
    if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
    const url = new URL(link.href);
    if (!isReaderPage(url)) return;
    // A link within this page (the skip link, a table of contents) is the browser's to scroll.
    if (url.hash && url.pathname + url.search === shown) return;
    event.preventDefault();
    open(url, false);
  });

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (event.defaultPrevented || form.method !== "get" || (form.target && form.target !== "_self")) return;
    const url = new URL(form.action);
    if (!isReaderPage(url)) return;
    url.search = new URLSearchParams(new FormData(form, event.submitter)).toString();
    event.preventDefault();
    open(url, false);
  });

  addEventListener("popstate", () => {
    const url = new URL(location.href);
    // A jump to an anchor of the page on screen changes only the fragment.
    if (url.pathname + url.search !== shown) open(url, true);
  });

  // This document restores the scroll position of the entries it opened itself; a reload or
  // another site coming back to this one is the browser's again.
  history.scrollRestoration = "manual";
  addEventListener("pagehide", () => (history.scrollRestoration = "auto"));
  addEventListener("pageshow", () => (history.scrollRestoration = "manual"));
})
