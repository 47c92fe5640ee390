use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A file of the media library as the back office shows it and the upload answers with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaItem {
    pub id: i32,
    /// `/media/<stored name>`: the file as uploaded (re-encoded without metadata, for images).
    pub url: String,
    /// The name the uploader's file had, for people; never used to find the file.
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// The size as people read it ("850 KB", "2,4 MB").
    pub size: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub alt_text: String,
    pub caption: String,
    pub credit: String,
    /// Resized WebP copies, narrowest first (images only).
    pub variants: Vec<MediaVariant>,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaVariant {
    pub url: String,
    pub width: u32,
    pub height: u32,
}

impl MediaItem {
    pub fn is_image(&self) -> bool {
        self.content_type.starts_with("image/")
    }

    /// `srcset` for an `<img>`: every WebP variant with its width.
    pub fn srcset(&self) -> String {
        self.variants.iter().map(|v| format!("{} {}w", v.url, v.width)).collect::<Vec<_>>().join(", ")
    }

    /// The variant closest above `width`, for a thumbnail; the original when there is none.
    pub fn url_for_width(&self, width: u32) -> &str {
        self.variants.iter().find(|v| v.width >= width).or(self.variants.last()).map_or(&self.url, |v| &v.url)
    }
}

/// What an upload request stored and what it refused, file by file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadOutcome {
    pub uploaded: Vec<MediaItem>,
    pub refused: Vec<RefusedUpload>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedUpload {
    pub file_name: String,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(variants: &[u32]) -> MediaItem {
        MediaItem {
            id: 1,
            url: "/media/abc.jpg".into(),
            original_name: "anh.jpg".into(),
            content_type: "image/jpeg".into(),
            size_bytes: 1,
            size: "1 KB".into(),
            width: Some(2000),
            height: Some(1000),
            alt_text: String::new(),
            caption: String::new(),
            credit: String::new(),
            variants: variants
                .iter()
                .map(|&width| MediaVariant { url: format!("/media/abc-{width}.webp"), width, height: width / 2 })
                .collect(),
            created_at: DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn srcset_lists_every_variant_and_thumbnails_take_the_next_size_up() {
        let photo = item(&[480, 960, 1600]);
        assert_eq!(photo.srcset(), "/media/abc-480.webp 480w, /media/abc-960.webp 960w, /media/abc-1600.webp 1600w");
        assert_eq!(photo.url_for_width(300), "/media/abc-480.webp");
        assert_eq!(photo.url_for_width(500), "/media/abc-960.webp");
        assert_eq!(photo.url_for_width(4000), "/media/abc-1600.webp");
        assert_eq!(item(&[]).url_for_width(300), "/media/abc.jpg");
    }
}
