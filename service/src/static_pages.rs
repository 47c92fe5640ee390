//! Pages managed as content outside the news flow ("Giới thiệu", "Liên hệ").

use chrono::{DateTime, Utc};
use entity::static_page;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};

use text::sanitize::sanitize_body_html;

pub async fn find_by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<Option<static_page::Model>, DbErr> {
    static_page::Entity::find().filter(static_page::Column::Slug.eq(slug)).one(db).await
}

/// Every page in its order.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<static_page::Model>, DbErr> {
    static_page::Entity::find()
        .order_by_asc(static_page::Column::Position)
        .order_by_asc(static_page::Column::Id)
        .all(db)
        .await
}

/// Creates a page; its HTML is sanitised like an article body.
pub async fn create(
    db: &impl ConnectionTrait,
    slug: &str,
    title: &str,
    body_html: &str,
    position: i32,
    now: DateTime<Utc>,
) -> Result<static_page::Model, DbErr> {
    static_page::ActiveModel {
        slug: Set(slug.to_owned()),
        title: Set(title.to_owned()),
        body_html: Set(sanitize_body_html(body_html)),
        position: Set(position),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}
