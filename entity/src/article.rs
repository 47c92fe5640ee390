use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Where an article is in the editorial workflow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum ArticleStatus {
    #[sea_orm(string_value = "draft")]
    Draft,
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "published")]
    Published,
    #[sea_orm(string_value = "unpublished")]
    Unpublished,
    #[sea_orm(string_value = "trashed")]
    Trashed,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "article")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub title: String,
    /// The lead paragraph ("sapo") shown apart from the body.
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    /// Sanitised HTML; never stored unsanitised.
    #[sea_orm(column_type = "Text")]
    pub body_html: String,
    /// Title, lead and body text, lower-cased with Vietnamese diacritics folded, for search.
    #[sea_orm(column_type = "Text")]
    pub search_text: String,
    pub cover_image: Option<String>,
    pub category_id: i32,
    /// The byline or source line shown to readers.
    pub author: Option<String>,
    pub created_by: Option<i32>,
    pub status: ArticleStatus,
    pub featured: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub published_at: Option<DateTimeUtc>,
    /// Incremented on every save; a save based on an older version is a conflict.
    pub version: i32,
    pub view_count: i64,
    /// What an editor wrote when sending the article back to its author.
    #[sea_orm(column_type = "Text", nullable)]
    pub review_note: Option<String>,
    /// Keywords, comma-separated, as the editor typed them (trimmed, without repeats).
    #[sea_orm(column_type = "Text")]
    pub tags: String,
    /// Overrides the title in search results and shares.
    pub seo_title: Option<String>,
    /// Overrides the lead as the page description.
    #[sea_orm(column_type = "Text", nullable)]
    pub seo_description: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::category::Entity",
        from = "Column::CategoryId",
        to = "super::category::Column::Id",
        on_delete = "Restrict"
    )]
    Category,
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::CreatedBy",
        to = "super::user::Column::Id",
        on_delete = "SetNull"
    )]
    User,
    #[sea_orm(has_many = "super::article_revision::Entity")]
    ArticleRevision,
}

impl Related<super::category::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Category.def()
    }
}

impl Related<super::article_revision::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ArticleRevision.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
