//! The media library's file handling, apart from the database and the web server:
//! - `kind`: what an uploaded file really is, read from its content, never from its name;
//! - `images`: the image pipeline, run once at upload (orientation applied, EXIF/GPS dropped,
//!   resized WebP variants, decompression bombs and corrupt files refused);
//! - `store`: where the files live (local disk under the data directory), behind a trait that an
//!   S3-compatible store can implement when several servers share media.

pub mod document_text;
pub mod images;
pub mod kind;
pub mod store;

pub use document_text::{DocumentText, TextState, read_document_text};
pub use images::{ImageLimits, ProcessedImage, Variant, process_image};
pub use kind::MediaKind;
pub use store::{LocalDiskStore, MediaStore, content_name};

/// Why an upload is refused, in words an editor can act on.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MediaError {
    #[error("Không nhận loại tệp này. Chỉ nhận ảnh JPEG, PNG, WebP, GIF và tài liệu PDF, DOCX, XLSX.")]
    UnsupportedType,
    #[error("Tệp rỗng.")]
    Empty,
    #[error("Tệp quá lớn: {}, tối đa {}.", text::file_size(*size), text::file_size(*limit))]
    TooLarge { size: u64, limit: u64 },
    #[error(
        "Ảnh quá lớn: {width}×{height} điểm ảnh, tối đa {max_side} điểm ảnh mỗi chiều và {max_megapixels} triệu điểm ảnh."
    )]
    ImageTooLarge { width: u32, height: u32, max_side: u32, max_megapixels: u32 },
    #[error("Tệp ảnh bị hỏng hoặc không đọc được: {0}")]
    CorruptImage(String),
    #[error(
        "Tài liệu có macro, điều khiển ActiveX hoặc liên kết tải nội dung từ nơi khác khi mở; không được nhận vì lý do an toàn. Hãy lưu lại thành .docx/.xlsx thường rồi tải lên."
    )]
    MacroDocument,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_to_do() {
        let error = MediaError::TooLarge { size: 25_340_000, limit: 20_000_000 };
        assert_eq!(error.to_string(), "Tệp quá lớn: 25,3 MB, tối đa 20,0 MB.");
    }
}
