//! What the toolbar and dialogs ask the editor to do. Each command crosses the bridge as a name
//! and one text argument; `editor/src/main.ts` (`EditorHandle.run`) knows the same names.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextAlign {
    Left,
    Center,
    Right,
    Justify,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureAlign {
    Left,
    Center,
    Right,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureSize {
    Small,
    Medium,
    Full,
}

/// A picture from the media library to insert as a `<figure>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FigureInsert {
    pub src: String,
    pub alt: String,
    pub caption: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditorCommand {
    Bold,
    Italic,
    Underline,
    Strike,
    Subscript,
    Superscript,
    Paragraph,
    /// 2, 3 or 4.
    Heading(u8),
    BulletList,
    OrderedList,
    Blockquote,
    HorizontalRule,
    ClearFormatting,
    Undo,
    Redo,
    Align(TextAlign),
    /// Sets the link on the selection; an empty address removes it.
    Link(String),
    InsertTable,
    AddRowAfter,
    DeleteRow,
    AddColumnAfter,
    DeleteColumn,
    ToggleHeaderRow,
    DeleteTable,
    FigureAlign(FigureAlign),
    FigureSize(FigureSize),
    InsertFigure(FigureInsert),
    /// A YouTube or Vimeo page address.
    InsertVideo(String),
}

impl EditorCommand {
    pub fn name(&self) -> &'static str {
        match self {
            Self::Bold => "bold",
            Self::Italic => "italic",
            Self::Underline => "underline",
            Self::Strike => "strike",
            Self::Subscript => "subscript",
            Self::Superscript => "superscript",
            Self::Paragraph => "paragraph",
            Self::Heading(_) => "heading",
            Self::BulletList => "bulletList",
            Self::OrderedList => "orderedList",
            Self::Blockquote => "blockquote",
            Self::HorizontalRule => "horizontalRule",
            Self::ClearFormatting => "clearFormatting",
            Self::Undo => "undo",
            Self::Redo => "redo",
            Self::Align(_) => "align",
            Self::Link(_) => "link",
            Self::InsertTable => "insertTable",
            Self::AddRowAfter => "addRowAfter",
            Self::DeleteRow => "deleteRow",
            Self::AddColumnAfter => "addColumnAfter",
            Self::DeleteColumn => "deleteColumn",
            Self::ToggleHeaderRow => "toggleHeaderRow",
            Self::DeleteTable => "deleteTable",
            Self::FigureAlign(_) => "figureAlign",
            Self::FigureSize(_) => "figureSize",
            Self::InsertFigure(_) => "insertFigure",
            Self::InsertVideo(_) => "insertVideo",
        }
    }

    pub fn argument(&self) -> String {
        match self {
            Self::Heading(level) => level.to_string(),
            Self::Align(align) => match align {
                TextAlign::Left => "left",
                TextAlign::Center => "center",
                TextAlign::Right => "right",
                TextAlign::Justify => "justify",
            }
            .into(),
            Self::FigureAlign(align) => match align {
                FigureAlign::Left => "left",
                FigureAlign::Center => "center",
                FigureAlign::Right => "right",
            }
            .into(),
            Self::FigureSize(size) => match size {
                FigureSize::Small => "small",
                FigureSize::Medium => "medium",
                FigureSize::Full => "full",
            }
            .into(),
            Self::Link(address) | Self::InsertVideo(address) => address.clone(),
            Self::InsertFigure(figure) => serde_json::to_string(figure).expect("plain fields serialise"),
            _ => String::new(),
        }
    }
}

/// Why an address typed into the link dialog cannot be a link, if it cannot.
pub fn link_problem(address: &str) -> Option<&'static str> {
    let address = address.trim();
    let lower = address.to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:", "tel:"].iter().any(|scheme| lower.starts_with(scheme))
        || (address.starts_with('/') && !address.starts_with("//"));
    if address.is_empty() {
        Some("Hãy nhập địa chỉ liên kết.")
    } else if !allowed || address.chars().any(char::is_whitespace) {
        Some("Địa chỉ phải bắt đầu bằng https://, http://, mailto:, tel: hoặc / (trang trong cổng), không có dấu cách.")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_cross_as_the_names_and_arguments_the_script_knows() {
        assert_eq!((EditorCommand::Heading(3).name(), EditorCommand::Heading(3).argument()), ("heading", "3".into()));
        assert_eq!(EditorCommand::Align(TextAlign::Justify).argument(), "justify");
        assert_eq!(EditorCommand::FigureSize(FigureSize::Medium).argument(), "medium");
        let figure = EditorCommand::InsertFigure(FigureInsert {
            src: "/media/a.jpg".into(),
            alt: "Cầu \"Hàm Rồng\"".into(),
            caption: "Ảnh: T.H".into(),
            width: Some(1200),
            height: None,
        });
        assert_eq!(
            figure.argument(),
            r#"{"src":"/media/a.jpg","alt":"Cầu \"Hàm Rồng\"","caption":"Ảnh: T.H","width":1200,"height":null}"#
        );
        assert_eq!(EditorCommand::Undo.argument(), "");
    }

    #[test]
    fn only_web_mail_phone_and_site_addresses_make_links() {
        for good in [
            "https://thanhhoa.gov.vn",
            "HTTP://a.vn/x?y=1",
            "mailto:sotttt@thanhhoa.gov.vn",
            "tel:02373852222",
            "/tin-tuc",
        ] {
            assert_eq!(link_problem(good), None, "{good}");
        }
        for bad in
            ["", "javascript:alert(1)", "//evil.example", "thanhhoa.gov.vn", "https://a b.vn", "data:text/html,x"]
        {
            assert!(link_problem(bad).is_some(), "{bad}");
        }
    }
}
