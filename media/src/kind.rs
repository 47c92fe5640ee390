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

/// A Word or Excel file: a ZIP whose central directory lists the part that makes it one.
fn office_document(bytes: &[u8]) -> Result<MediaKind, MediaError> {
    let names = zip_entry_names(bytes).ok_or(MediaError::UnsupportedType)?;
    let has = |name: &str| names.iter().any(|n| n.eq_ignore_ascii_case(name));
    if !has("[Content_Types].xml") {
        return Err(MediaError::UnsupportedType);
    }
    if names.iter().any(|n| n.to_ascii_lowercase().ends_with("vbaproject.bin")) {
        return Err(MediaError::MacroDocument);
    }
    if has("word/document.xml") {
        Ok(MediaKind::Docx)
    } else if has("xl/workbook.xml") {
        Ok(MediaKind::Xlsx)
    } else {
        Err(MediaError::UnsupportedType)
    }
}

/// The file names in a ZIP archive's central directory, or `None` when it is not a well-formed ZIP.
fn zip_entry_names(bytes: &[u8]) -> Option<Vec<String>> {
    const END_RECORD: &[u8] = b"PK\x05\x06";
    const ENTRY: &[u8] = b"PK\x01\x02";
    let u16_at = |at: usize| bytes.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize);
    let u32_at = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    // The end record is the last 22 bytes, or more when the archive has a comment (up to 64 KB).
    let search_from = bytes.len().saturating_sub(22 + u16::MAX as usize);
    let end = search_from + bytes[search_from..].windows(4).rposition(|w| w == END_RECORD)?;
    let count = u16_at(end + 10)?;
    let mut at = u32_at(end + 16)?;
    let mut names = Vec::with_capacity(count);
    for _ in 0..count {
        if bytes.get(at..at + 4)? != ENTRY {
            return None;
        }
        let (name_length, extra_length, comment_length) = (u16_at(at + 28)?, u16_at(at + 30)?, u16_at(at + 32)?);
        let name = bytes.get(at + 46..at + 46 + name_length)?;
        names.push(String::from_utf8_lossy(name).into_owned());
        at += 46 + name_length + extra_length + comment_length;
    }
    Some(names)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A stored (uncompressed) ZIP with the given entries, as Office writes them.
    pub(crate) fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut file = Vec::new();
        let mut directory = Vec::new();
        for (name, content) in entries {
            let offset = file.len() as u32;
            file.extend_from_slice(b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00");
            file.extend_from_slice(&(content.len() as u32).to_le_bytes());
            file.extend_from_slice(&(content.len() as u32).to_le_bytes());
            file.extend_from_slice(&(name.len() as u16).to_le_bytes());
            file.extend_from_slice(&0u16.to_le_bytes());
            file.extend_from_slice(name.as_bytes());
            file.extend_from_slice(content);
            directory.extend_from_slice(b"PK\x01\x02\x14\x00\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00");
            directory.extend_from_slice(&(content.len() as u32).to_le_bytes());
            directory.extend_from_slice(&(content.len() as u32).to_le_bytes());
            directory.extend_from_slice(&(name.len() as u16).to_le_bytes());
            directory.extend_from_slice(&[0; 12]);
            directory.extend_from_slice(&offset.to_le_bytes());
            directory.extend_from_slice(name.as_bytes());
        }
        let directory_offset = file.len() as u32;
        file.extend_from_slice(&directory);
        file.extend_from_slice(b"PK\x05\x06\x00\x00\x00\x00");
        file.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        file.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        file.extend_from_slice(&(directory.len() as u32).to_le_bytes());
        file.extend_from_slice(&directory_offset.to_le_bytes());
        file.extend_from_slice(&0u16.to_le_bytes());
        file
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

    #[test]
    fn office_documents_are_known_by_the_parts_inside() {
        let types: (&str, &[u8]) = ("[Content_Types].xml", b"<Types/>");
        assert_eq!(MediaKind::sniff(&zip(&[types, ("word/document.xml", b"<w:document/>")])), Ok(MediaKind::Docx));
        assert_eq!(MediaKind::sniff(&zip(&[types, ("xl/workbook.xml", b"<workbook/>")])), Ok(MediaKind::Xlsx));
        assert_eq!(
            MediaKind::sniff(&zip(&[types, ("word/document.xml", b""), ("word/vbaProject.bin", b"")])),
            Err(MediaError::MacroDocument)
        );
        assert_eq!(MediaKind::sniff(&zip(&[("bai-viet.txt", b"x")])), Err(MediaError::UnsupportedType));
        let truncated = &zip(&[types, ("word/document.xml", b"")])[..40];
        assert_eq!(MediaKind::sniff(truncated), Err(MediaError::UnsupportedType));
    }

    #[test]
    fn extensions_round_trip() {
        for kind in [MediaKind::Jpeg, MediaKind::Gif, MediaKind::Docx] {
            assert_eq!(MediaKind::from_extension(kind.extension()), Some(kind));
        }
        assert_eq!(MediaKind::from_extension("svg"), None);
    }
}
