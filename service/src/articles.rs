//! Queries and mutations for articles.

use chrono::{DateTime, Utc};
use entity::article::{self, ArticleStatus};
use entity::article_revision;
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::text::search_text;

/// What readers may see at `now`: published, and the publication time has come.
fn visible_to_readers(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(article::Column::Status.eq(ArticleStatus::Published))
        .add(article::Column::PublishedAt.lte(now))
}

/// The newest articles readers can see, newest first.
pub async fn latest_published(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<article::Model>, DbErr> {
    article::Entity::find()
        .filter(visible_to_readers(now))
        .order_by_desc(article::Column::PublishedAt)
        .order_by_desc(article::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// One page of the articles readers can see in any of `category_ids`, newest first, and how many there are.
pub async fn published_in_categories(
    db: &impl ConnectionTrait,
    category_ids: &[i32],
    now: DateTime<Utc>,
    page: u64,
    per_page: u64,
) -> Result<(Vec<article::Model>, u64), DbErr> {
    let query = article::Entity::find()
        .filter(visible_to_readers(now))
        .filter(article::Column::CategoryId.is_in(category_ids.iter().copied()))
        .order_by_desc(article::Column::PublishedAt)
        .order_by_desc(article::Column::Id);
    let total = query.clone().count(db).await?;
    let items = query
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok((items, total))
}

/// The article at `slug` if readers may see it at `now`.
pub async fn published_by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<Option<article::Model>, DbErr> {
    article::Entity::find()
        .filter(article::Column::Slug.eq(slug))
        .filter(visible_to_readers(now))
        .one(db)
        .await
}

pub async fn find_by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
) -> Result<Option<article::Model>, DbErr> {
    article::Entity::find()
        .filter(article::Column::Slug.eq(slug))
        .one(db)
        .await
}

pub async fn count(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    article::Entity::find().count(db).await
}

/// An article's content as it arrives from an import. `body_html` must already be sanitised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleContent {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body_html: String,
    pub category_id: i32,
    pub author: Option<String>,
    pub cover_image: Option<String>,
    pub published_at: DateTime<Utc>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpsertOutcome {
    Inserted,
    Updated,
    Unchanged,
}

/// Inserts the article or, when its slug exists, updates it in place (a new version with a revision).
/// An existing article keeps its workflow status, so an editor's decision to unpublish survives a re-import.
pub async fn upsert_published(
    db: &impl ConnectionTrait,
    content: ArticleContent,
    now: DateTime<Utc>,
) -> Result<UpsertOutcome, DbErr> {
    let search = search_text(&content.title, &content.summary, &content.body_html);
    let Some(existing) = find_by_slug(db, &content.slug).await? else {
        let inserted = article::ActiveModel {
            slug: Set(content.slug),
            title: Set(content.title),
            summary: Set(content.summary),
            body_html: Set(content.body_html),
            search_text: Set(search),
            cover_image: Set(content.cover_image),
            category_id: Set(content.category_id),
            author: Set(content.author),
            created_by: Set(None),
            status: Set(ArticleStatus::Published),
            featured: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            published_at: Set(Some(content.published_at)),
            version: Set(1),
            view_count: Set(0),
            ..Default::default()
        }
        .insert(db)
        .await?;
        record_revision(db, &inserted, None, now).await?;
        return Ok(UpsertOutcome::Inserted);
    };
    let unchanged = existing.title == content.title
        && existing.summary == content.summary
        && existing.body_html == content.body_html
        && existing.category_id == content.category_id
        && existing.author == content.author
        && existing.cover_image == content.cover_image
        && existing.published_at == Some(content.published_at);
    if unchanged {
        return Ok(UpsertOutcome::Unchanged);
    }
    let version = existing.version + 1;
    let mut update: article::ActiveModel = existing.into();
    update.title = Set(content.title);
    update.summary = Set(content.summary);
    update.body_html = Set(content.body_html);
    update.search_text = Set(search);
    update.category_id = Set(content.category_id);
    update.author = Set(content.author);
    update.cover_image = Set(content.cover_image);
    update.published_at = Set(Some(content.published_at));
    update.updated_at = Set(now);
    update.version = Set(version);
    let updated = update.update(db).await?;
    record_revision(db, &updated, None, now).await?;
    Ok(UpsertOutcome::Updated)
}

async fn record_revision(
    db: &impl ConnectionTrait,
    saved: &article::Model,
    saved_by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    article_revision::ActiveModel {
        article_id: Set(saved.id),
        version: Set(saved.version),
        title: Set(saved.title.clone()),
        summary: Set(saved.summary.clone()),
        body_html: Set(saved.body_html.clone()),
        saved_by: Set(saved_by),
        saved_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// All revisions of an article, oldest first.
pub async fn revisions(
    db: &impl ConnectionTrait,
    article_id: i32,
) -> Result<Vec<article_revision::Model>, DbErr> {
    article_revision::Entity::find()
        .filter(article_revision::Column::ArticleId.eq(article_id))
        .order_by_asc(article_revision::Column::Version)
        .all(db)
        .await
}
