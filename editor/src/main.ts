// The bridge between the back office (Rust/Leptos, app/src/admin/editor_script/) and Tiptap.
// It is loaded (a classic script defining `PortalEditor`) only on the article editing page. Everything crosses as strings:
// commands by name with one text argument, events as JSON (see `EditorEvent` on the Rust side).
import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import Subscript from "@tiptap/extension-subscript";
import Superscript from "@tiptap/extension-superscript";
import { TableKit } from "@tiptap/extension-table";
import { CharacterCount, Placeholder } from "@tiptap/extensions";
import { Figure, ALIGNMENTS, SIZES, type FigureAlign, type FigureSize } from "./figure";
import { VideoEmbed } from "./video_embed";
import { AlignClass, TEXT_ALIGNMENTS, type TextAlignment } from "./text_align";
import { cleanPastedHtml, unreadableImageCount } from "./paste_cleaning";
import { foreignImages } from "./foreign_images";
import { isImageFile, reporter, uploadEach, type EventSink } from "./uploads";

const MARKS = ["bold", "italic", "underline", "strike", "subscript", "superscript", "link"] as const;
const BLOCKS = ["bulletList", "orderedList", "blockquote", "table", "figure", "videoEmbed"] as const;

export class EditorHandle {
  private readonly editor: Editor;
  private readonly emit: EventSink;

  constructor(element: HTMLElement, content: string, editable: boolean, emit: EventSink) {
    this.emit = emit;
    this.editor = new Editor({
      element,
      content,
      editable,
      injectCSS: false,
      extensions: [
        StarterKit.configure({
          heading: { levels: [2, 3, 4] },
          code: false,
          codeBlock: false,
          link: { openOnClick: false, autolink: true, protocols: ["mailto", "tel"], HTMLAttributes: { rel: "noopener noreferrer", target: null } },
        }),
        Subscript,
        Superscript,
        AlignClass,
        TableKit.configure({ table: { resizable: false } }),
        Figure,
        VideoEmbed,
        CharacterCount,
        Placeholder.configure({ placeholder: "Nội dung bài viết…" }),
        foreignImages(reporter(emit), (message) => this.notice(message)),
      ],
      editorProps: {
        attributes: { "aria-label": "Nội dung bài viết", "aria-multiline": "true", role: "textbox", class: "article-body rich-text" },
        transformPastedHTML: (html) => {
          const unreadable = unreadableImageCount(html);
          if (unreadable) this.notice(`${unreadable} ảnh dán từ Word nằm trên máy của bạn nên trình duyệt không đọc được; hãy tải ảnh đó lên thư viện.`);
          return cleanPastedHtml(html);
        },
        handlePaste: (_view, event) => {
          const files = Array.from(event.clipboardData?.files ?? []).filter(isImageFile);
          if (!files.length || event.clipboardData?.getData("text/html")) return false;
          this.uploadFiles(files);
          return true;
        },
        handleDrop: (view, event) => {
          const files = Array.from(event.dataTransfer?.files ?? []);
          if (!files.length) return false;
          event.preventDefault();
          const position = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
          this.uploadFiles(files, position);
          return true;
        },
      },
      onUpdate: () => this.emitState("change"),
      onSelectionUpdate: () => this.emitState("selection"),
      onCreate: () => this.emitState("ready"),
    });
  }

  getHTML(): string {
    return this.editor.isEmpty ? "" : this.editor.getHTML();
  }

  setContent(html: string) {
    this.editor.commands.setContent(html, { emitUpdate: false });
    this.emitState("selection");
  }

  destroy() {
    this.editor.destroy();
  }

  /** Runs a named command (the Rust `EditorCommand`); false when it does not apply here. */
  run(command: string, argument: string): boolean {
    const chain = () => this.editor.chain().focus();
    switch (command) {
      case "bold": return chain().toggleBold().run();
      case "italic": return chain().toggleItalic().run();
      case "underline": return chain().toggleUnderline().run();
      case "strike": return chain().toggleStrike().run();
      case "subscript": return chain().toggleSubscript().run();
      case "superscript": return chain().toggleSuperscript().run();
      case "paragraph": return chain().setParagraph().run();
      case "heading": return chain().toggleHeading({ level: Number(argument) as 2 | 3 | 4 }).run();
      case "bulletList": return chain().toggleBulletList().run();
      case "orderedList": return chain().toggleOrderedList().run();
      case "blockquote": return chain().toggleBlockquote().run();
      case "horizontalRule": return chain().setHorizontalRule().run();
      case "clearFormatting": return chain().unsetAllMarks().clearNodes().run();
      case "undo": return chain().undo().run();
      case "redo": return chain().redo().run();
      case "align": return TEXT_ALIGNMENTS.includes(argument as TextAlignment) && chain().setTextAlignment(argument as TextAlignment).run();
      case "link": return argument ? chain().extendMarkRange("link").setLink({ href: argument }).run() : chain().extendMarkRange("link").unsetLink().run();
      case "insertTable": return chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
      case "addRowAfter": return chain().addRowAfter().run();
      case "deleteRow": return chain().deleteRow().run();
      case "addColumnAfter": return chain().addColumnAfter().run();
      case "deleteColumn": return chain().deleteColumn().run();
      case "toggleHeaderRow": return chain().toggleHeaderRow().run();
      case "deleteTable": return chain().deleteTable().run();
      case "figureAlign": return ALIGNMENTS.includes(argument as FigureAlign) && chain().setFigureAlign(argument as FigureAlign).run();
      case "figureSize": return SIZES.includes(argument as FigureSize) && chain().setFigureSize(argument as FigureSize).run();
      case "insertFigure": return chain().insertFigure(JSON.parse(argument)).run();
      case "insertVideo": return chain().insertVideo(argument).run();
      default: throw new Error(`unknown editor command ${command}`);
    }
  }

  /** The link under the cursor, for the link dialog. */
  currentLink(): string {
    return this.editor.getAttributes("link").href ?? "";
  }

  /** Uploads pictures and documents to the media library, inserting each as it is stored. */
  uploadFiles(files: Iterable<File>, position?: number) {
    uploadEach(files, reporter(this.emit), (stored) => {
      const at = position ?? this.editor.state.selection.to;
      const content = stored.content_type.startsWith("image/")
        ? { type: "figure", attrs: { src: stored.url, alt: stored.alt_text, caption: stored.caption, width: stored.width, height: stored.height } }
        : { type: "paragraph", content: [{ type: "text", text: stored.original_name, marks: [{ type: "link", attrs: { href: stored.url } }] }] };
      this.editor.chain().insertContentAt(at, content).run();
    });
  }

  private notice(message: string) {
    this.emit(JSON.stringify({ kind: "notice", message }));
  }

  private emitState(reason: "ready" | "change" | "selection") {
    const editor = this.editor;
    const active: string[] = [
      ...MARKS.filter((mark) => editor.isActive(mark)),
      ...BLOCKS.filter((block) => editor.isActive(block)),
      ...[2, 3, 4].filter((level) => editor.isActive("heading", { level })).map((level) => `heading${level}`),
      ...TEXT_ALIGNMENTS.filter((a) => a !== "left" && (editor.isActive({ textAlign: a }))).map((a) => `align-${a}`),
    ];
    const storage = editor.storage.characterCount;
    this.emit(
      JSON.stringify({
        kind: "state",
        changed: reason === "change",
        active,
        words: storage.words(),
        characters: storage.characters(),
        can_undo: editor.can().undo(),
        can_redo: editor.can().redo(),
      }),
    );
  }
}

export function mount(element: HTMLElement, content: string, editable: boolean, emit: EventSink): EditorHandle {
  return new EditorHandle(element, content, editable, emit);
}

/** The media library page's uploads: each file stored on its own, with progress events. */
export function uploadToLibrary(files: FileList, alt: string, emit: EventSink) {
  uploadEach(Array.from(files), reporter(emit), () => {}, alt);
}
