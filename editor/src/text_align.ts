// Paragraph and heading alignment stored as the classes the sanitiser allows (text-center, …)
// rather than Tiptap's inline style, which the server would strip and the page's policy blocks.
import { Extension } from "@tiptap/core";

export const TEXT_ALIGNMENTS = ["left", "center", "right", "justify"] as const;
export type TextAlignment = (typeof TEXT_ALIGNMENTS)[number];

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    alignClass: {
      setTextAlignment: (alignment: TextAlignment) => ReturnType;
    };
  }
}

export const AlignClass = Extension.create({
  name: "alignClass",

  addGlobalAttributes() {
    return [
      {
        types: ["paragraph", "heading"],
        attributes: {
          textAlign: {
            default: null,
            parseHTML: (element) => {
              const alignment = TEXT_ALIGNMENTS.find((a) => element.classList.contains(`text-${a}`)) ?? null;
              return alignment === "left" ? null : alignment;
            },
            renderHTML: (attributes) => (attributes.textAlign ? { class: `text-${attributes.textAlign}` } : {}),
          },
        },
      },
    ];
  },

  addCommands() {
    return {
      setTextAlignment:
        (alignment) =>
        ({ commands }) => {
          const textAlign = alignment === "left" ? null : alignment;
          const paragraph = commands.updateAttributes("paragraph", { textAlign });
          const heading = commands.updateAttributes("heading", { textAlign });
          return paragraph || heading;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      "Mod-Shift-l": () => this.editor.commands.setTextAlignment("left"),
      "Mod-Shift-e": () => this.editor.commands.setTextAlignment("center"),
      "Mod-Shift-r": () => this.editor.commands.setTextAlignment("right"),
      "Mod-Shift-j": () => this.editor.commands.setTextAlignment("justify"),
    };
  },
});
