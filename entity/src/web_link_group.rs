use sea_orm::entity::prelude::*;

/// A group of the "Liên kết website" widget, e.g. "Liên kết chính phủ".
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "web_link_group")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::web_link::Entity")]
    WebLink,
}

impl Related<super::web_link::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::WebLink.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
