use sea_orm::entity::prelude::*;

/// A node of the lĩnh vực tree ("Kinh tế" › "Đầu tư"); a document belongs to one or several.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_field")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub parent_id: Option<i32>,
    pub name: String,
    #[sea_orm(unique)]
    pub slug: String,
    /// Order among siblings, smallest first.
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "Entity", from = "Column::ParentId", to = "Column::Id", on_delete = "Restrict")]
    Parent,
}

impl ActiveModelBehavior for ActiveModel {}
