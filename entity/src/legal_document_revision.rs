use sea_orm::entity::prelude::*;

/// A document as it was saved at `version`, to compare with and restore.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "legal_document_revision")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub document_id: i32,
    pub version: i32,
    pub saved_at: DateTimeUtc,
    pub saved_by: Option<i32>,
    /// Every field as saved, as JSON.
    #[sea_orm(column_type = "Text")]
    pub fields: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
