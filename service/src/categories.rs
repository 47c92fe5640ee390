//! Queries and mutations for the category tree.

use entity::category;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::text::slugify;

/// Every category, siblings in their editorial order.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<category::Model>, DbErr> {
    category::Entity::find().order_by_asc(category::Column::Position).order_by_asc(category::Column::Id).all(db).await
}

pub async fn find_by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<Option<category::Model>, DbErr> {
    category::Entity::find().filter(category::Column::Slug.eq(slug)).one(db).await
}

pub async fn find_by_id(db: &impl ConnectionTrait, id: i32) -> Result<Option<category::Model>, DbErr> {
    category::Entity::find_by_id(id).one(db).await
}

/// What a new category needs.
pub struct NewCategory<'a> {
    pub parent_id: Option<i32>,
    pub name: &'a str,
    pub description: &'a str,
    pub position: i32,
}

/// Creates a category with a slug made from its name, made unique with a numeric suffix.
pub async fn create(db: &impl ConnectionTrait, new: NewCategory<'_>) -> Result<category::Model, DbErr> {
    let slug = unique_slug(db, &slugify(new.name)).await?;
    category::ActiveModel {
        parent_id: Set(new.parent_id),
        name: Set(new.name.trim().to_owned()),
        slug: Set(slug),
        description: Set(new.description.to_owned()),
        position: Set(new.position),
        show_in_menu: Set(true),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// The category with this name, created at the top level (last in order) if there is none.
pub async fn find_or_create_by_name(db: &impl ConnectionTrait, name: &str) -> Result<category::Model, DbErr> {
    let name = name.trim();
    if let Some(existing) = category::Entity::find().filter(category::Column::Name.eq(name)).one(db).await? {
        return Ok(existing);
    }
    let position = category::Entity::find()
        .order_by_desc(category::Column::Position)
        .one(db)
        .await?
        .map_or(0, |last| last.position + 1);
    create(db, NewCategory { parent_id: None, name, description: "", position }).await
}

async fn unique_slug(db: &impl ConnectionTrait, base: &str) -> Result<String, DbErr> {
    let base = if base.is_empty() { "chuyen-muc" } else { base };
    let mut candidate = base.to_owned();
    let mut suffix = 2;
    while find_by_slug(db, &candidate).await?.is_some() {
        candidate = format!("{base}-{suffix}");
        suffix += 1;
    }
    Ok(candidate)
}
