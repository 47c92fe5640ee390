use sea_orm::entity::prelude::*;

use crate::article::ArticleStatus;

/// A legal document (văn bản). Its workflow is the articles' (draft → pending → published →
/// unpublished, trash). `ended_on` and `partly_ended_on` are derived, never typed in: see
/// `service::legal_documents::effect`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "legal_document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    /// Số ký hiệu as shown: "15/2023/QĐ-UBND".
    pub number: String,
    /// The number folded, without spaces; unique per issuing body.
    pub number_key: String,
    pub type_id: i32,
    pub issuing_body_id: i32,
    pub signer_id: Option<i32>,
    /// Trích yếu.
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    /// Sanitised HTML, possibly empty (many documents are only their attachments).
    #[sea_orm(column_type = "Text")]
    pub body_html: String,
    #[sea_orm(column_type = "Text")]
    pub search_text: String,
    pub issued_on: Date,
    pub issued_year: i32,
    pub effective_from: Date,
    /// The end date written in the document itself, if any.
    pub effective_until: Option<Date>,
    /// From this day on the document is wholly out of force (its own end date, a replacement or a
    /// repeal, whichever comes first).
    pub ended_on: Option<Date>,
    /// From this day on part of it is out of force (a partial repeal).
    pub partly_ended_on: Option<Date>,
    pub status: ArticleStatus,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub published_at: Option<DateTimeUtc>,
    /// Incremented on every save; a save based on an older version is a conflict.
    pub version: i32,
    #[sea_orm(column_type = "Text", nullable)]
    pub review_note: Option<String>,
    pub view_count: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::document_type::Entity",
        from = "Column::TypeId",
        to = "super::document_type::Column::Id",
        on_delete = "Restrict"
    )]
    DocumentType,
    #[sea_orm(
        belongs_to = "super::issuing_body::Entity",
        from = "Column::IssuingBodyId",
        to = "super::issuing_body::Column::Id",
        on_delete = "Restrict"
    )]
    IssuingBody,
    #[sea_orm(
        belongs_to = "super::document_signer::Entity",
        from = "Column::SignerId",
        to = "super::document_signer::Column::Id",
        on_delete = "Restrict"
    )]
    DocumentSigner,
}

impl Related<super::document_type::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DocumentType.def()
    }
}

impl Related<super::issuing_body::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IssuingBody.def()
    }
}

impl Related<super::document_signer::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DocumentSigner.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
