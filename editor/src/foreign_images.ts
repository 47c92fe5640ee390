// Pictures that arrive by paste or drop from elsewhere (data:, blob: or another site's address)
// are uploaded to the media library and pointed at the stored copy; a picture that cannot be
// read is removed with a notice, so no article ever shows a file from outside the site.
import { Extension, type Editor } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { uploadFile, type StoredMedia, type UploadReporter } from "./uploads";

export function isSitePath(src: string): boolean {
  return src.startsWith("/") && !src.startsWith("//");
}

// The page's policy lets scripts fetch from this site only, so a data: address is decoded here
// and anything else (another site's picture, another page's blob:) is reported as unreadable.
function fileFrom(src: string, index: number): File {
  const match = /^data:(image\/(?:jpeg|png|gif|webp));base64,(.*)$/is.exec(src.trim());
  if (!match) throw new Error("ảnh nằm ở nơi khác, trình duyệt không được phép đọc");
  const binary = atob(match[2].replace(/\s+/g, ""));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const type = match[1].toLowerCase();
  return new File([bytes], `anh-dan-${index}.${type.split("/")[1]}`, { type });
}

function replaceSource(editor: Editor, from: string, stored: StoredMedia | null) {
  const { state } = editor.view;
  const tr = state.tr;
  const found: { pos: number; node: ProseMirrorNode }[] = [];
  state.doc.descendants((node, pos) => {
    if (node.type.name === "figure" && node.attrs.src === from) found.push({ pos, node });
  });
  // Back to front, so earlier positions stay valid while later nodes are removed.
  found.reverse().forEach(({ pos, node }) => {
    if (stored) {
      tr.setNodeMarkup(pos, undefined, {
        ...node.attrs,
        src: stored.url,
        width: stored.width,
        height: stored.height,
        alt: node.attrs.alt || stored.alt_text,
      });
    } else {
      tr.delete(pos, pos + node.nodeSize);
    }
  });
  if (found.length) editor.view.dispatch(tr);
}

export function foreignImages(reporter: UploadReporter, notice: (message: string) => void) {
  const pending = new Set<string>();
  let counter = 0;
  return Extension.create({
    name: "foreignImages",
    addProseMirrorPlugins() {
      const editor = this.editor;
      return [
        new Plugin({
          view: () => ({
            update: (view) => {
              view.state.doc.descendants((node) => {
                const src: string = node.type.name === "figure" ? node.attrs.src : "";
                if (!src || isSitePath(src) || pending.has(src)) return;
                pending.add(src);
                counter += 1;
                const index = counter;
                const id = reporter.started(`Ảnh dán vào #${index}`);
                Promise.resolve()
                  .then(() => uploadFile(fileFrom(src, index), (loaded, total) => reporter.progress(id, loaded, total)))
                  .then((stored) => {
                    reporter.finished(id);
                    replaceSource(editor, src, stored);
                  })
                  .catch((error: Error) => {
                    reporter.finished(id, error.message);
                    notice(`Không lưu được một ảnh dán vào (${error.message}); ảnh đã bị bỏ, hãy tải ảnh lên thư viện.`);
                    replaceSource(editor, src, null);
                  })
                  .finally(() => pending.delete(src));
              });
            },
          }),
        }),
      ];
    },
  });
}
