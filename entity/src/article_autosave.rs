use sea_orm::entity::prelude::*;

/// An editor's unsaved changes to an article, kept by autosave; never shown to readers.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "article_autosave")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub article_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    pub based_on_version: i32,
    /// The form's fields as JSON.
    #[sea_orm(column_type = "Text")]
    pub fields: String,
    pub saved_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
