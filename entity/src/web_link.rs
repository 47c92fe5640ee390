use sea_orm::entity::prelude::*;

/// One link to another agency's website.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "web_link")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub group_id: i32,
    pub title: String,
    pub url: String,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::web_link_group::Entity",
        from = "Column::GroupId",
        to = "super::web_link_group::Column::Id",
        on_delete = "Cascade"
    )]
    Group,
}

impl Related<super::web_link_group::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Group.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
