//! The media library's data: an upload is checked and processed by the `media` crate, its files
//! are put in a [`MediaStore`] and a row describes them; the library lists, searches and filters
//! rows, edits their alt text, caption and credit, and deletes only files no article uses.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use entity::{article, media as media_row};
use media::{ImageLimits, MediaError, MediaKind, MediaStore, content_name, process_image, read_document_text};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::Database;
use crate::audit::{self, Actor, Entry};
use crate::search::contains_every_term;

/// Files are served under this path: `/media/<stored name>`.
pub const MEDIA_URL_PREFIX: &str = "/media/";
const MAX_ALT_CHARS: usize = 300;
const MAX_CAPTION_CHARS: usize = 1000;
const MAX_CREDIT_CHARS: usize = 200;
const MAX_ORIGINAL_NAME_CHARS: usize = 200;

/// The store and the limits uploads are held to.
#[derive(Clone)]
pub struct MediaLibrary {
    pub store: Arc<dyn MediaStore>,
    pub limits: UploadLimits,
}

impl std::fmt::Debug for MediaLibrary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MediaLibrary").field("limits", &self.limits).finish_non_exhaustive()
    }
}

#[derive(Clone, Copy, Debug)]
pub struct UploadLimits {
    /// The largest file accepted (`PORTAL_MAX_UPLOAD_MB`, default 20 MB).
    pub max_file_bytes: u64,
    pub image: ImageLimits,
}

impl Default for UploadLimits {
    fn default() -> Self {
        Self { max_file_bytes: 20 * 1_000_000, image: ImageLimits::default() }
    }
}

/// A resized WebP copy of an image, as stored in the row's `variants`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredVariant {
    pub width: u32,
    pub height: u32,
    pub file_name: String,
}

/// The variants of a row; a row written by this module always has valid JSON there.
pub fn variants(row: &media_row::Model) -> Vec<StoredVariant> {
    serde_json::from_str(&row.variants).unwrap_or_default()
}

pub fn url(file_name: &str) -> String {
    format!("{MEDIA_URL_PREFIX}{file_name}")
}

/// One file an editor sent.
pub struct Upload<'a> {
    pub original_name: &'a str,
    pub bytes: Vec<u8>,
    pub alt_text: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error("{0}")]
    Refused(#[from] MediaError),
    #[error("Mô tả ảnh (alt) dài quá {MAX_ALT_CHARS} ký tự.")]
    AltTooLong,
    #[error("could not store the file: {0}")]
    Storage(#[from] std::io::Error),
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// Checks, processes and stores one upload, and records it in the audit log. The same content
/// uploaded again gives back the row it already has. When anything fails nothing is kept.
pub async fn store_upload(
    db: &Database,
    library: &MediaLibrary,
    upload: Upload<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<media_row::Model, UploadError> {
    let size = upload.bytes.len() as u64;
    if size > library.limits.max_file_bytes {
        return Err(MediaError::TooLarge { size, limit: library.limits.max_file_bytes }.into());
    }
    let alt_text = upload.alt_text.trim();
    if alt_text.chars().count() > MAX_ALT_CHARS {
        return Err(UploadError::AltTooLong);
    }
    let kind = MediaKind::sniff(&upload.bytes)?;
    let original_name = display_name(upload.original_name, kind);

    // Decoding and encoding images takes a CPU for a while: keep it off the request threads.
    let image_limits = library.limits.image;
    // So is reading a PDF's text, done once here so that document searches can find it.
    let (stored, width, height, variants, document_text) = tokio::task::spawn_blocking(move || {
        if kind.is_image() {
            let processed = process_image(&upload.bytes, kind, image_limits)?;
            let variants: Vec<(u32, u32, Vec<u8>)> =
                processed.variants.into_iter().map(|v| (v.width, v.height, v.webp)).collect();
            let no_text = read_document_text(kind, &[]);
            Ok::<_, MediaError>((processed.original, Some(processed.width), Some(processed.height), variants, no_text))
        } else {
            let document_text = read_document_text(kind, &upload.bytes);
            Ok((upload.bytes, None, None, Vec::new(), document_text))
        }
    })
    .await
    .map_err(|error| std::io::Error::other(error.to_string()))??;

    let file_name = content_name(&stored, "", kind.extension());
    let stem = file_name.trim_end_matches(&format!(".{}", kind.extension())).to_owned();
    let mut files = vec![(file_name.clone(), stored)];
    let mut stored_variants = Vec::new();
    for (width, height, webp) in variants {
        let name = format!("{stem}-{width}.webp");
        stored_variants.push(StoredVariant { width, height, file_name: name.clone() });
        files.push((name, webp));
    }
    // The same content always gets the same names. Checking for a row, writing the files and
    // recording the row all happen under a lock on the name, so of two identical uploads the
    // second finds the first's row, and files are only ever deleted while nobody can be using them.
    let txn = db.begin_write().await?;
    Database::lock_name(&txn, &file_name).await?;
    if let Some(existing) = find_stored(&txn, &file_name).await? {
        return Ok(existing);
    }
    let mut written = Vec::new();
    let outcome = async {
        for (name, bytes) in &files {
            library.store.put(name, bytes).await?;
            written.push(name.clone());
        }
        let row = media_row::ActiveModel {
            file_name: Set(file_name.clone()),
            original_name: Set(original_name.clone()),
            content_type: Set(kind.mime().to_owned()),
            size_bytes: Set(files[0].1.len() as i64),
            width: Set(width.map(|w| w as i32)),
            height: Set(height.map(|h| h as i32)),
            alt_text: Set(alt_text.to_owned()),
            caption: Set(String::new()),
            credit: Set(String::new()),
            variants: Set(serde_json::to_string(&stored_variants).expect("variants serialise")),
            search_text: Set(search_text(&original_name, alt_text, "")),
            document_text: Set(document_text.text),
            text_state: Set(document_text.state.code().to_owned()),
            sha256: Set(hex::encode(Sha256::digest(&files[0].1))),
            uploaded_by: Set(actor.user_id),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let summary = format!("Tải lên “{}” ({})", row.original_name, row.file_name);
        let entry = Entry { action: "media.upload", target_kind: "media", target_id: Some(row.id), summary };
        audit::record(&txn, actor, entry, now).await?;
        Ok::<_, UploadError>(row)
    }
    .await;
    match outcome {
        // Should the commit itself fail, the files stay unreferenced: harmless, and the next
        // identical upload uses them.
        Ok(row) => Ok(txn.commit().await.map(|()| row)?),
        Err(error) => {
            // Still under the lock and with no row of this name: nobody else uses these files.
            for name in &written {
                library.store.delete(name).await.ok();
            }
            Err(error)
        }
    }
}

async fn find_stored(db: &impl ConnectionTrait, file_name: &str) -> Result<Option<media_row::Model>, DbErr> {
    media_row::Entity::find().filter(media_row::Column::FileName.eq(file_name)).one(db).await
}

/// The uploaded file's name as the library shows it: no folders, no control characters, not too
/// long, and with the extension of what the file really is.
fn display_name(uploaded: &str, kind: MediaKind) -> String {
    let base = uploaded.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base.chars().filter(|c| !c.is_control()).take(MAX_ORIGINAL_NAME_CHARS).collect();
    let stem = cleaned.trim().rsplit_once('.').map_or(cleaned.trim(), |(stem, _)| stem).trim();
    let stem = if stem.is_empty() { "tep" } else { stem };
    format!("{stem}.{}", kind.extension())
}

fn search_text(original_name: &str, alt_text: &str, caption: &str) -> String {
    text::search_text(original_name, &format!("{alt_text} {caption}"), "")
}

/// What the library page shows.
#[derive(Clone, Debug, Default)]
pub struct MediaFilter {
    /// Words of the file name, alt text or caption, diacritics ignored.
    pub text: String,
    pub kind: Option<KindFilter>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindFilter {
    Images,
    Documents,
}

/// One page of the library, newest first, and how many rows match in all.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &MediaFilter,
    page: u64,
    per_page: u64,
) -> Result<(Vec<media_row::Model>, u64), DbErr> {
    let mut query = media_row::Entity::find();
    let terms = text::search_terms(&filter.text);
    if !terms.is_empty() {
        query = query.filter(contains_every_term(media_row::Column::SearchText, &terms));
    }
    if let Some(kind) = filter.kind {
        let images = media_row::Column::ContentType.starts_with("image/");
        query = query.filter(if kind == KindFilter::Images {
            Condition::all().add(images)
        } else {
            Condition::all().add(images.not())
        });
    }
    if let Some(from) = filter.from {
        query = query.filter(media_row::Column::CreatedAt.gte(from));
    }
    if let Some(until) = filter.until {
        query = query.filter(media_row::Column::CreatedAt.lt(until));
    }
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(media_row::Column::CreatedAt)
        .order_by_desc(media_row::Column::Id)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok((rows, total))
}

#[derive(Debug, thiserror::Error)]
pub enum MediaChangeError {
    #[error("Không tìm thấy tệp này trong thư viện.")]
    NotFound,
    #[error("{0}")]
    Invalid(String),
    #[error("Tệp đang được dùng trong {} bài viết: {}. Hãy gỡ tệp khỏi các bài này trước khi xoá.", .0.len(), .0.iter().map(|a| format!("“{}”", a.title)).collect::<Vec<_>>().join(", "))]
    InUse(Vec<ArticleUsingMedia>),
    #[error(transparent)]
    Database(#[from] DbErr),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleUsingMedia {
    pub id: i32,
    pub title: String,
}

/// Changes what describes a file. Returns the row before the change.
pub async fn update_details(
    db: &impl ConnectionTrait,
    id: i32,
    alt_text: &str,
    caption: &str,
    credit: &str,
) -> Result<media_row::Model, MediaChangeError> {
    let (alt_text, caption, credit) = (alt_text.trim(), caption.trim(), credit.trim());
    for (value, limit, field) in [
        (alt_text, MAX_ALT_CHARS, "Mô tả ảnh (alt)"),
        (caption, MAX_CAPTION_CHARS, "Chú thích"),
        (credit, MAX_CREDIT_CHARS, "Nguồn / tác giả"),
    ] {
        if value.chars().count() > limit {
            return Err(MediaChangeError::Invalid(format!("{field} dài quá {limit} ký tự.")));
        }
    }
    let before = media_row::Entity::find_by_id(id).one(db).await?.ok_or(MediaChangeError::NotFound)?;
    media_row::ActiveModel {
        id: Set(id),
        alt_text: Set(alt_text.to_owned()),
        caption: Set(caption.to_owned()),
        credit: Set(credit.to_owned()),
        search_text: Set(search_text(&before.original_name, alt_text, caption)),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(before)
}

/// The articles (in any state, the trash included, since it can be restored) whose body or cover
/// image uses the file or one of its variants.
pub async fn articles_using(
    db: &impl ConnectionTrait,
    row: &media_row::Model,
) -> Result<Vec<ArticleUsingMedia>, DbErr> {
    let stem = row.file_name.rsplit_once('.').map_or(row.file_name.as_str(), |(stem, _)| stem);
    let pattern = format!("%{MEDIA_URL_PREFIX}{stem}%");
    let used = article::Entity::find()
        .select_only()
        .columns([article::Column::Id, article::Column::Title])
        .filter(
            Condition::any()
                .add(Expr::col(article::Column::BodyHtml).like(&pattern))
                .add(Expr::col(article::Column::CoverImage).like(&pattern)),
        )
        .order_by_asc(article::Column::Id)
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?;
    Ok(used.into_iter().map(|(id, title)| ArticleUsingMedia { id, title }).collect())
}

/// Deletes the row of a file no article uses, in the caller's transaction, under the lock on its
/// name (see [`store_upload`]); once that has committed, [`delete_files`] removes the files.
/// Returns the deleted row.
pub async fn delete(db: &DatabaseTransaction, id: i32) -> Result<media_row::Model, MediaChangeError> {
    let row = media_row::Entity::find_by_id(id).one(db).await?.ok_or(MediaChangeError::NotFound)?;
    Database::lock_name(db, &row.file_name).await?;
    let used = articles_using(db, &row).await?;
    if !used.is_empty() {
        return Err(MediaChangeError::InUse(used));
    }
    if media_row::Entity::delete_by_id(id).exec(db).await?.rows_affected == 0 {
        return Err(MediaChangeError::NotFound);
    }
    Ok(row)
}

/// Removes a deleted row's files from the store, unless the same content was uploaded again
/// since the row went: that upload's new row points at the same names.
pub async fn delete_files(db: &Database, store: &dyn MediaStore, row: &media_row::Model) -> Result<(), UploadError> {
    let txn = db.begin_write().await?;
    Database::lock_name(&txn, &row.file_name).await?;
    if find_stored(&txn, &row.file_name).await?.is_none() {
        store.delete(&row.file_name).await?;
        for variant in variants(row) {
            store.delete(&variant.file_name).await?;
        }
    }
    txn.commit().await?;
    Ok(())
}

/// The row of a stored file or of one of its variants, to serve it.
pub async fn find_by_file_name(db: &impl ConnectionTrait, file_name: &str) -> Result<Option<media_row::Model>, DbErr> {
    let original = match file_name.rsplit_once('-') {
        // A variant: `<hash>-960.webp` belongs to `<hash>.<ext>`.
        Some((stem, _)) => format!("{stem}."),
        None => file_name.to_owned(),
    };
    if original.ends_with('.') {
        media_row::Entity::find().filter(media_row::Column::FileName.starts_with(&original)).one(db).await
    } else {
        media_row::Entity::find().filter(media_row::Column::FileName.eq(original)).one(db).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_drop_folders_and_take_the_real_extension() {
        assert_eq!(display_name("C:\\Users\\bt\\Ảnh hội nghị.JPG", MediaKind::Jpeg), "Ảnh hội nghị.jpg");
        assert_eq!(display_name("../../etc/passwd", MediaKind::Pdf), "passwd.pdf");
        assert_eq!(display_name("bao-cao.pdf.exe", MediaKind::Pdf), "bao-cao.pdf.pdf");
        assert_eq!(display_name("  \u{0}\u{7}.png ", MediaKind::Png), "tep.png");
    }
}
