//! The text inside an uploaded document, read once so that searches find a decision by a phrase
//! of its attached PDF. Only the text is kept, folded like every other searched text.
//!
//! PDF: the text the file's fonts map to Unicode (what a reader can select and copy); a scanned
//! PDF holds pictures of pages and no text, which the library says rather than pretending to
//! search it. DOCX: the runs of the main document part. XLSX: the workbook's shared strings (what
//! people type into cells). The readers run on untrusted files: they are bounded in what they
//! inflate and keep, and a file they cannot read counts as having no text instead of failing the
//! upload.

use std::io::Read;

use crate::MediaKind;

/// Text beyond this is not kept: the first megabyte of a document finds it as well as the rest.
pub const MAX_TEXT_BYTES: usize = 1_000_000;
/// Pages beyond this are not read.
const MAX_PAGES: u32 = 300;
/// The largest part inflated from a DOCX or XLSX (a compressed bomb must not be inflated whole).
const MAX_PART_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextState {
    /// Text was read.
    Text,
    /// A document with no text in it: a scan, or an empty file.
    NoText,
    /// Not a document (an image).
    NotText,
}

impl TextState {
    /// The value stored in `media.text_state`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::NoText => "no_text",
            Self::NotText => "not_text",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentText {
    /// Folded words separated by single spaces.
    pub text: String,
    pub state: TextState,
}

/// The searchable text of a file of `kind`.
pub fn read_document_text(kind: MediaKind, bytes: &[u8]) -> DocumentText {
    let raw = match kind {
        MediaKind::Pdf => pdf_text(bytes),
        MediaKind::Docx => office_text(bytes, "word/document.xml", "t"),
        MediaKind::Xlsx => office_text(bytes, "xl/sharedStrings.xml", "t"),
        _ => return DocumentText { text: String::new(), state: TextState::NotText },
    };
    let text = folded_words(&raw.unwrap_or_default());
    let state = if text.is_empty() { TextState::NoText } else { TextState::Text };
    DocumentText { text, state }
}

fn folded_words(raw: &str) -> String {
    let folded = text::fold_diacritics(raw);
    let mut kept = String::with_capacity(folded.len().min(MAX_TEXT_BYTES));
    for word in text::words(&folded) {
        if kept.len() + word.len() + 1 > MAX_TEXT_BYTES {
            break;
        }
        if !kept.is_empty() {
            kept.push(' ');
        }
        kept.push_str(word);
    }
    kept
}

fn pdf_text(bytes: &[u8]) -> Option<String> {
    // The parser is not ours: a file that makes it panic is a file without text, not a crash.
    std::panic::catch_unwind(|| {
        let document = lopdf::Document::load_mem(bytes).ok()?;
        if document.is_encrypted() {
            return None;
        }
        let pages: Vec<u32> = document.get_pages().into_keys().take_while(|page| *page <= MAX_PAGES).collect();
        let mut text = String::new();
        for page in pages {
            if let Ok(page_text) = document.extract_text(&[page]) {
                text.push_str(&page_text);
                text.push('\n');
            }
            if text.len() > MAX_TEXT_BYTES {
                break;
            }
        }
        Some(text)
    })
    .ok()
    .flatten()
}

/// The text of the elements named `text_element` in `part` of an Office file, a space after each
/// paragraph or cell string.
fn office_text(bytes: &[u8], part: &str, text_element: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut xml = String::new();
    archive.by_name(part).ok()?.take(MAX_PART_BYTES).read_to_string(&mut xml).ok()?;
    let document = roxmltree::Document::parse_with_options(
        &xml,
        roxmltree::ParsingOptions { allow_dtd: false, nodes_limit: 5_000_000 },
    )
    .ok()?;
    let mut text = String::new();
    for node in document.descendants() {
        if node.is_element() && node.tag_name().name() == text_element {
            text.push_str(node.text().unwrap_or_default());
        } else if node.is_element() && matches!(node.tag_name().name(), "p" | "si" | "tab" | "br") {
            text.push(' ');
        }
        if text.len() > MAX_TEXT_BYTES {
            break;
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn office_file(part: &str, xml: &str) -> Vec<u8> {
        let mut bytes = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut bytes);
        zip.start_file(part, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap();
        bytes.into_inner()
    }

    #[test]
    fn the_runs_of_a_word_file_are_read_and_folded() {
        let xml = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Quyết </w:t></w:r><w:r><w:t>định</w:t></w:r></w:p><w:p><w:r><w:t>Điều 1.</w:t></w:r></w:p></w:body></w:document>"#;
        let text = read_document_text(MediaKind::Docx, &office_file("word/document.xml", xml));
        assert_eq!(text, DocumentText { text: "quyet dinh dieu 1".into(), state: TextState::Text });
    }

    #[test]
    fn the_strings_of_a_workbook_are_read() {
        let xml = r#"<sst xmlns="x"><si><t>Danh mục</t></si><si><t>thủ tục</t></si></sst>"#;
        let text = read_document_text(MediaKind::Xlsx, &office_file("xl/sharedStrings.xml", xml));
        assert_eq!(text.text, "danh muc thu tuc");
    }

    #[test]
    fn a_pdf_made_by_a_browser_gives_its_vietnamese_text() {
        let text = read_document_text(MediaKind::Pdf, include_bytes!("../tests/quyet-dinh.pdf"));
        assert_eq!(text.state, TextState::Text);
        assert!(text.text.contains("15 2023 qd ubnd"), "{}", text.text);
        assert!(text.text.contains("cong thong tin dien tu tinh thanh hoa"), "{}", text.text);
    }

    #[test]
    fn a_scan_has_no_text_and_a_broken_file_neither() {
        let scan = read_document_text(MediaKind::Pdf, include_bytes!("../tests/ban-scan.pdf"));
        assert_eq!(scan, DocumentText { text: String::new(), state: TextState::NoText });
        let broken = read_document_text(MediaKind::Pdf, b"%PDF-1.7\n1 0 obj <<");
        assert_eq!(broken.state, TextState::NoText);
        let not_a_zip = read_document_text(MediaKind::Docx, b"PK\x03\x04garbage");
        assert_eq!(not_a_zip.state, TextState::NoText);
        assert_eq!(read_document_text(MediaKind::Png, b"\x89PNG").state, TextState::NotText);
    }

    #[test]
    fn what_is_kept_is_bounded() {
        let many = "chữ ".repeat(MAX_TEXT_BYTES);
        assert!(folded_words(&many).len() <= MAX_TEXT_BYTES);
    }
}
