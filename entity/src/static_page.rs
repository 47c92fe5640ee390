use sea_orm::entity::prelude::*;

/// A page managed as content outside the news flow, such as "Giới thiệu" or "Liên hệ".
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "static_page")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub title: String,
    /// Sanitised HTML, like article bodies.
    #[sea_orm(column_type = "Text")]
    pub body_html: String,
    /// Order in the footer and the sitemap page.
    pub position: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
