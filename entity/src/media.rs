use sea_orm::entity::prelude::*;

/// An uploaded file of the media library. `file_name` is chosen by the server, never by the uploader.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "media")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub file_name: String,
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub alt_text: String,
    #[sea_orm(column_type = "Text")]
    pub caption: String,
    pub credit: String,
    /// The resized WebP copies, as JSON (`service::media::Variant`s).
    #[sea_orm(column_type = "Text")]
    pub variants: String,
    #[sea_orm(column_type = "Text")]
    pub search_text: String,
    /// The text of a PDF, DOCX or XLSX file, folded (see `text_state`).
    #[sea_orm(column_type = "Text")]
    pub document_text: String,
    /// "unread" (uploaded before text was read), "text", "no_text" (a scan) or "not_text" (an image).
    pub text_state: String,
    /// The stored file's SHA-256 in hex; empty for files uploaded before it was kept, until read.
    pub sha256: String,
    pub uploaded_by: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::UploadedBy",
        to = "super::user::Column::Id",
        on_delete = "SetNull"
    )]
    User,
}

impl ActiveModelBehavior for ActiveModel {}
