// Videos embedded from the hosts the server's sanitiser allows (text/src/sanitize.rs keeps the
// same list): a pasted watch address becomes the host's privacy-friendly player address.
import { Node } from "@tiptap/core";

const YOUTUBE_ID = /^[A-Za-z0-9_-]{6,20}$/;
const VIMEO_ID = /^[0-9]{3,12}$/;

/** The player address for a YouTube or Vimeo page address, or null for any other host. */
export function embedAddress(pasted: string): string | null {
  let url: URL;
  try {
    url = new URL(pasted.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = url.hostname.replace(/^(www\.|m\.)/, "");
  const path = url.pathname.split("/").filter(Boolean);
  let youtube: string | undefined;
  if (host === "youtube.com" || host === "youtube-nocookie.com") {
    youtube = path[0] === "watch" ? url.searchParams.get("v") ?? undefined : ["embed", "shorts", "live"].includes(path[0]) ? path[1] : undefined;
  } else if (host === "youtu.be") {
    youtube = path[0];
  }
  if (youtube && YOUTUBE_ID.test(youtube)) return `https://www.youtube-nocookie.com/embed/${youtube}`;
  const vimeo = host === "vimeo.com" ? path[0] : host === "player.vimeo.com" && path[0] === "video" ? path[1] : undefined;
  if (vimeo && VIMEO_ID.test(vimeo)) return `https://player.vimeo.com/video/${vimeo}`;
  return null;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    videoEmbed: {
      insertVideo: (address: string) => ReturnType;
    };
  }
}

export const VideoEmbed = Node.create({
  name: "videoEmbed",
  group: "block",
  atom: true,
  draggable: true,

  addAttributes() {
    return { src: { default: "" }, title: { default: "Video" } };
  },

  parseHTML() {
    return [
      {
        tag: "iframe[src]",
        getAttrs: (element) => {
          const src = embedAddress((element as HTMLIFrameElement).getAttribute("src") ?? "");
          return src ? { src, title: (element as HTMLElement).getAttribute("title") || "Video" } : false;
        },
      },
    ];
  },

  renderHTML({ node }) {
    return [
      "figure",
      { class: "video-embed" },
      ["iframe", { src: node.attrs.src, title: node.attrs.title, width: "640", height: "360", loading: "lazy", allowfullscreen: "true" }],
    ];
  },

  addCommands() {
    return {
      insertVideo:
        (address) =>
        ({ commands }) => {
          const src = embedAddress(address);
          return src !== null && commands.insertContent({ type: this.name, attrs: { src } });
        },
    };
  },
});
