//! Server-only glue of the media library, shared with the upload handler in `server/`.

use entity::media as media_row;
use service::media_library::{self, MediaChangeError};

use crate::models::{MediaItem, MediaVariant};

pub fn media_item(row: media_row::Model) -> MediaItem {
    let variants = media_library::variants(&row)
        .into_iter()
        .map(|v| MediaVariant { url: media_library::url(&v.file_name), width: v.width, height: v.height })
        .collect();
    MediaItem {
        id: row.id,
        url: media_library::url(&row.file_name),
        original_name: row.original_name,
        content_type: row.content_type,
        size: service::text::file_size(row.size_bytes.max(0) as u64),
        size_bytes: row.size_bytes,
        width: row.width,
        height: row.height,
        alt_text: row.alt_text,
        caption: row.caption,
        credit: row.credit,
        variants,
        created_at: row.created_at,
    }
}

pub fn refusal(error: MediaChangeError) -> leptos::prelude::ServerFnError {
    use http::StatusCode;

    use crate::ssr::{database_error, refuse};
    match error {
        MediaChangeError::Database(error) => database_error(error),
        MediaChangeError::NotFound => refuse(StatusCode::NOT_FOUND, error.to_string()),
        MediaChangeError::InUse(_) => refuse(StatusCode::CONFLICT, error.to_string()),
        MediaChangeError::Invalid(_) => refuse(StatusCode::UNPROCESSABLE_ENTITY, error.to_string()),
    }
}
