use sea_orm::entity::prelude::*;

/// A document's lĩnh vực (one row per field it belongs to).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "legal_document_field")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub document_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub field_id: i32,
    /// Filed under this field by an editor; `false`: under one of its sub-fields.
    pub direct: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
