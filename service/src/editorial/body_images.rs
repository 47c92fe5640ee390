//! Gives the images of a body the sizes stored for them in the media library, so the public page
//! can offer the WebP variants (`srcset`/`sizes`), reserve the space (`width`/`height`) and load
//! them lazily. Done once when a body is saved, not on each page view.

use std::collections::HashMap;

use entity::media as media_row;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use text::body_images::{ImageDescription, describe_images, image_sources};

use crate::media_library::{MEDIA_URL_PREFIX, url, variants};

pub async fn describe_body_images(db: &impl ConnectionTrait, body_html: &str) -> Result<String, DbErr> {
    let file_names: Vec<String> = image_sources(body_html)
        .iter()
        .filter_map(|src| src.strip_prefix(MEDIA_URL_PREFIX).map(str::to_owned))
        .collect();
    let rows: HashMap<String, media_row::Model> = if file_names.is_empty() {
        HashMap::new()
    } else {
        media_row::Entity::find()
            .filter(media_row::Column::FileName.is_in(file_names))
            .all(db)
            .await?
            .into_iter()
            .map(|row| (url(&row.file_name), row))
            .collect()
    };
    Ok(describe_images(body_html, |src| {
        let row = rows.get(src)?;
        Some(ImageDescription {
            width: u32::try_from(row.width?).ok()?,
            height: u32::try_from(row.height?).ok()?,
            variants: variants(row).into_iter().map(|variant| (url(&variant.file_name), variant.width)).collect(),
        })
    }))
}
