//! What an uploaded file is, decided from its first bytes (and, for Office documents, from the
//! names inside the ZIP container), never from the name or the type the browser sent.

use crate::MediaError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MediaKind {
    Jpeg,
    Png,
    Gif,
    WebP,
    Pdf,
    Docx,
    Xlsx,
}

impl MediaKind {
    /// Reads the kind from the content. Office documents with macros are refused.
    pub fn sniff(bytes: &[u8]) -> Result<Self, MediaError> {
        if bytes.is_empty() {
            return Err(MediaError::Empty);
        }
        let kind = if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Self::Jpeg
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Self::Png
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Self::Gif
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Self::WebP
        } else if bytes.starts_with(b"%PDF-") {
            Self::Pdf
        } else if bytes.starts_with(b"PK\x03\x04") {
            return office_document(bytes);
        } else {
            return Err(MediaError::UnsupportedType);
        };
        Ok(kind)
    }

    pub fn is_image(self) -> bool {
        matches!(self, Self::Jpeg | Self::Png | Self::Gif | Self::WebP)
    }

    /// The type the file is served with.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Gif => "image/gif",
            Self::WebP => "image/webp",
            Self::Pdf => "application/pdf",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    /// The extension of the names the server gives the file.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Gif => "gif",
            Self::WebP => "webp",
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::Xlsx => "xlsx",
        }
    }

    pub fn from_extension(extension: &str) -> Option<Self> {
        [Self::Jpeg, Self::Png, Self::Gif, Self::WebP, Self::Pdf, Self::Docx, Self::Xlsx]
            .into_iter()
            .find(|kind| kind.extension() == extension)
    }
}

/// The largest part read to check a document (`[Content_Types].xml`, relationship files): real
/// ones are a few kilobytes, and a compressed bomb must not be inflated whole.
const LARGEST_CHECKED_PART: u64 = 1024 * 1024;

/// A Word or Excel document, read as the ZIP package it is: its content types name the main part
/// (a macro-enabled or template type is refused), and no part may carry a macro project, ActiveX
/// controls or a relationship that makes Office fetch something from elsewhere on opening (a
/// remote template, an external OLE object or frame, a picture from a server: hyperlinks are fine).
fn office_document(bytes: &[u8]) -> Result<MediaKind, MediaError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| MediaError::UnsupportedType)?;
    let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
    let lower: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
    let active_parts = ["vbaproject.bin", "vbadata.xml"];
    if lower.iter().any(|n| active_parts.iter().any(|p| n.ends_with(p)) || n.contains("activex/")) {
        return Err(MediaError::MacroDocument);
    }
    let content_types = read_part(&mut archive, "[Content_Types].xml")?;
    let types = xml_attribute_values(&content_types, "ContentType")?;
    if types.iter().any(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("macroenabled") || t.contains("vbaproject") || t.contains("activex")
    }) {
        return Err(MediaError::MacroDocument);
    }
    for rels in names.iter().filter(|n| n.to_ascii_lowercase().ends_with(".rels")) {
        let xml = read_part(&mut archive, rels)?;
        if fetches_from_elsewhere(&xml)? {
            return Err(MediaError::MacroDocument);
        }
    }
    let main = |suffix: &str| types.iter().any(|t| t.ends_with(suffix));
    if main("wordprocessingml.document.main+xml") {
        Ok(MediaKind::Docx)
    } else if main("spreadsheetml.sheet.main+xml") {
        Ok(MediaKind::Xlsx)
    } else {
        Err(MediaError::UnsupportedType)
    }
}

fn read_part(archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Result<String, MediaError> {
    use std::io::Read;
    let part = archive.by_name(name).map_err(|_| MediaError::UnsupportedType)?;
    let mut text = String::new();
    part.take(LARGEST_CHECKED_PART).read_to_string(&mut text).map_err(|_| MediaError::UnsupportedType)?;
    Ok(text)
}

/// Every value of `attribute` on the elements of an XML part.
fn xml_attribute_values(xml: &str, attribute: &str) -> Result<Vec<String>, MediaError> {
    let document = roxmltree::Document::parse(xml).map_err(|_| MediaError::UnsupportedType)?;
    Ok(document.descendants().filter_map(|node| node.attribute(attribute)).map(str::to_owned).collect())
}

/// Whether a relationship part points outside the package at anything but a hyperlink.
fn fetches_from_elsewhere(xml: &str) -> Result<bool, MediaError> {
    let document = roxmltree::Document::parse(xml).map_err(|_| MediaError::UnsupportedType)?;
    Ok(document.descendants().filter(|node| node.has_tag_name("Relationship")).any(|relationship| {
        let external = relationship.attribute("TargetMode").is_some_and(|mode| mode.eq_ignore_ascii_case("External"));
        let hyperlink = relationship.attribute("Type").is_some_and(|kind| kind.ends_with("/hyperlink"));
        external && !hyperlink
    }))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A ZIP with the given entries, compressed as Office writes them.
    pub(crate) fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        use std::io::Write;
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in entries {
            writer.start_file(*name, options).unwrap();
            writer.write_all(content).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn images_and_pdf_are_known_by_their_first_bytes() {
        assert_eq!(MediaKind::sniff(b"\xFF\xD8\xFF\xE0rest"), Ok(MediaKind::Jpeg));
        assert_eq!(MediaKind::sniff(b"\x89PNG\r\n\x1a\nrest"), Ok(MediaKind::Png));
        assert_eq!(MediaKind::sniff(b"GIF89a..."), Ok(MediaKind::Gif));
        assert_eq!(MediaKind::sniff(b"RIFF\x10\x00\x00\x00WEBPVP8 "), Ok(MediaKind::WebP));
        assert_eq!(MediaKind::sniff(b"%PDF-1.7\n"), Ok(MediaKind::Pdf));
    }

    #[test]
    fn a_name_or_a_script_pretending_to_be_an_image_is_refused() {
        assert_eq!(MediaKind::sniff(b"<svg onload=alert(1)>"), Err(MediaError::UnsupportedType));
        assert_eq!(MediaKind::sniff(b"<!DOCTYPE html><script>"), Err(MediaError::UnsupportedType));
        assert_eq!(MediaKind::sniff(b"MZ\x90\x00"), Err(MediaError::UnsupportedType));
        assert_eq!(MediaKind::sniff(b"RIFF\x10\x00\x00\x00AVI "), Err(MediaError::UnsupportedType));
        assert_eq!(MediaKind::sniff(b""), Err(MediaError::Empty));
    }

    const DOCX_TYPES: &[u8] = br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    const XLSX_TYPES: &[u8] = br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#;

    fn relationships(target: &str, kind: &str) -> Vec<u8> {
        format!(
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}" TargetMode="External"/></Relationships>"#
        )
        .into_bytes()
    }

    #[test]
    fn office_documents_are_known_by_their_content_types() {
        let types: (&str, &[u8]) = ("[Content_Types].xml", DOCX_TYPES);
        assert_eq!(MediaKind::sniff(&zip(&[types, ("word/document.xml", b"<w:document/>")])), Ok(MediaKind::Docx));
        let sheet: (&str, &[u8]) = ("[Content_Types].xml", XLSX_TYPES);
        assert_eq!(MediaKind::sniff(&zip(&[sheet, ("xl/workbook.xml", b"<workbook/>")])), Ok(MediaKind::Xlsx));
        let link = relationships("https://thanhhoa.gov.vn", "hyperlink");
        let with_link = zip(&[types, ("word/document.xml", b""), ("word/_rels/document.xml.rels", &link)]);
        assert_eq!(MediaKind::sniff(&with_link), Ok(MediaKind::Docx), "a hyperlink is fine");
        assert_eq!(MediaKind::sniff(&zip(&[("bai-viet.txt", b"x")])), Err(MediaError::UnsupportedType));
        let truncated = &zip(&[types, ("word/document.xml", b"")])[..40];
        assert_eq!(MediaKind::sniff(truncated), Err(MediaError::UnsupportedType));
        let no_main_part: (&str, &[u8]) = ("[Content_Types].xml", b"<Types/>");
        assert_eq!(
            MediaKind::sniff(&zip(&[no_main_part, ("word/document.xml", b"")])),
            Err(MediaError::UnsupportedType)
        );
    }

    #[test]
    fn macros_activex_and_anything_fetched_on_opening_are_refused() {
        let types: (&str, &[u8]) = ("[Content_Types].xml", DOCX_TYPES);
        let macro_project = zip(&[types, ("word/document.xml", b""), ("word/vbaProject.bin", b"")]);
        assert_eq!(MediaKind::sniff(&macro_project), Err(MediaError::MacroDocument));
        // A .docm renamed .docx: the project under another name, the type still says so.
        let docm_types = String::from_utf8(DOCX_TYPES.to_vec())
            .unwrap()
            .replace("wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml");
        let renamed = zip(&[("[Content_Types].xml", docm_types.as_bytes()), ("word/document.xml", b"")]);
        assert_eq!(MediaKind::sniff(&renamed), Err(MediaError::MacroDocument));
        let activex = zip(&[types, ("word/document.xml", b""), ("word/activeX/activeX1.xml", b"<ax/>")]);
        assert_eq!(MediaKind::sniff(&activex), Err(MediaError::MacroDocument));
        for (target, kind) in [
            ("https://evil.example/template.dotm", "attachedTemplate"),
            ("file://server/share/payload.xls", "oleObject"),
            ("https://evil.example/frame.html", "frame"),
            ("https://tracker.example/pixel.png", "image"),
        ] {
            let rels = relationships(target, kind);
            let remote = zip(&[types, ("word/document.xml", b""), ("word/_rels/settings.xml.rels", &rels)]);
            assert_eq!(MediaKind::sniff(&remote), Err(MediaError::MacroDocument), "{kind}");
        }
    }

    #[test]
    fn extensions_round_trip() {
        for kind in [MediaKind::Jpeg, MediaKind::Gif, MediaKind::Docx] {
            assert_eq!(MediaKind::from_extension(kind.extension()), Some(kind));
        }
        assert_eq!(MediaKind::from_extension("svg"), None);
    }
}
