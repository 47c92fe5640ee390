//! Queries and mutations for articles.

use chrono::{DateTime, Utc};
use entity::article::{self, ArticleStatus};
use entity::article_revision;
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, DerivePartialModel, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Select, Set,
};

use text::search_text;

/// An article as lists show it: everything but the body.
#[derive(Clone, Debug, PartialEq, Eq, DerivePartialModel)]
#[sea_orm(entity = "article::Entity")]
pub struct ArticleListing {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub cover_image: Option<String>,
    pub category_id: i32,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// What readers may see at `now`: published, and the publication time has come.
fn visible_to_readers(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(article::Column::Status.eq(ArticleStatus::Published))
        .add(article::Column::PublishedAt.lte(now))
}

/// Published articles newest first (ties broken by id, so pages are stable).
pub(crate) fn newest_visible(now: DateTime<Utc>) -> Select<article::Entity> {
    newest_first(article::Entity::find().filter(visible_to_readers(now)))
}

/// `articles` newest first (ties broken by id, so pages are stable).
pub(crate) fn newest_first(articles: Select<article::Entity>) -> Select<article::Entity> {
    articles.order_by_desc(article::Column::PublishedAt).order_by_desc(article::Column::Id)
}

/// The newest articles readers can see, newest first.
pub async fn latest_published(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<ArticleListing>, DbErr> {
    newest_visible(now).limit(limit).into_partial_model().all(db).await
}

/// One page of the articles readers can see in any of `category_ids`, newest first.
pub async fn published_in_categories(
    db: &impl ConnectionTrait,
    category_ids: &[i32],
    now: DateTime<Utc>,
    page: u64,
    per_page: u64,
) -> Result<Vec<ArticleListing>, DbErr> {
    newest_visible(now)
        .filter(article::Column::CategoryId.is_in(category_ids.iter().copied()))
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .into_partial_model()
        .all(db)
        .await
}

/// How many articles readers can see in any of `category_ids`, for pagination.
pub async fn count_published_in_categories(
    db: &impl ConnectionTrait,
    category_ids: &[i32],
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    newest_visible(now).filter(article::Column::CategoryId.is_in(category_ids.iter().copied())).count(db).await
}

/// The article at `slug` if readers may see it at `now`.
pub async fn published_by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<Option<article::Model>, DbErr> {
    article::Entity::find().filter(article::Column::Slug.eq(slug)).filter(visible_to_readers(now)).one(db).await
}

pub async fn find_by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<Option<article::Model>, DbErr> {
    article::Entity::find().filter(article::Column::Slug.eq(slug)).one(db).await
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

pub(crate) async fn record_revision(
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
pub async fn revisions(db: &impl ConnectionTrait, article_id: i32) -> Result<Vec<article_revision::Model>, DbErr> {
    article_revision::Entity::find()
        .filter(article_revision::Column::ArticleId.eq(article_id))
        .order_by_asc(article_revision::Column::Version)
        .all(db)
        .await
}

/// How many of the newest articles of the same section are compared for "Tin liên quan".
const RELATED_CANDIDATES: u64 = 300;

/// Stories related to the article `id` titled `title`: among the newest of `category_ids`, those whose
/// titles share the most pairs of consecutive words with it (Vietnamese words are syllables; pairs carry
/// the meaning).
pub async fn related(
    db: &impl ConnectionTrait,
    id: i32,
    title: &str,
    category_ids: &[i32],
    now: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<ArticleListing>, DbErr> {
    let candidates: Vec<ArticleListing> = newest_visible(now)
        .filter(article::Column::CategoryId.is_in(category_ids.iter().copied()))
        .filter(article::Column::Id.ne(id))
        .limit(RELATED_CANDIDATES)
        .into_partial_model()
        .all(db)
        .await?;
    let own = title_word_pairs(title);
    let mut scored: Vec<(usize, ArticleListing)> = candidates
        .into_iter()
        .map(|candidate| (title_word_pairs(&candidate.title).intersection(&own).count(), candidate))
        .filter(|(shared, _)| *shared > 0)
        .collect();
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    Ok(scored.into_iter().take(limit).map(|(_, candidate)| candidate).collect())
}

fn title_word_pairs(title: &str) -> std::collections::HashSet<String> {
    let folded = text::fold_diacritics(title);
    let words: Vec<&str> = text::words(&folded).collect();
    words.windows(2).map(|pair| pair.join(" ")).collect()
}

/// An article's address and last change, for `/sitemap.xml`.
#[derive(Clone, Debug, PartialEq, Eq, DerivePartialModel)]
#[sea_orm(entity = "article::Entity")]
pub struct SitemapEntry {
    pub slug: String,
    pub updated_at: DateTime<Utc>,
}

/// How many articles readers can see.
pub async fn count_visible(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    article::Entity::find().filter(visible_to_readers(now)).count(db).await
}

/// `limit` articles readers can see from `offset`, oldest first: a sitemap file keeps its
/// addresses while new articles go to the last file.
pub async fn sitemap_entries(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    offset: u64,
    limit: u64,
) -> Result<Vec<SitemapEntry>, DbErr> {
    article::Entity::find()
        .filter(visible_to_readers(now))
        .order_by_asc(article::Column::PublishedAt)
        .order_by_asc(article::Column::Id)
        .offset(offset)
        .limit(limit)
        .into_partial_model()
        .all(db)
        .await
}

/// When an article readers can see last changed.
pub async fn last_visible_change(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    let newest: Option<SitemapEntry> = article::Entity::find()
        .filter(visible_to_readers(now))
        .order_by_desc(article::Column::UpdatedAt)
        .into_partial_model()
        .one(db)
        .await?;
    Ok(newest.map(|entry| entry.updated_at))
}

#[derive(Debug, thiserror::Error)]
pub enum ChangeSlugError {
    #[error("Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang.")]
    InvalidSlug,
    #[error("Đường dẫn này đã được bài viết khác sử dụng.")]
    Taken,
    #[error("Không tìm thấy bài viết.")]
    NotFound,
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// Gives article `id` a new slug. Its old slug keeps answering with a permanent redirect, and
/// so do all the slugs it had before.
pub async fn change_slug(
    db: &impl ConnectionTrait,
    id: i32,
    new_slug: &str,
    now: DateTime<Utc>,
) -> Result<(), ChangeSlugError> {
    use entity::article_slug_redirect as redirect;
    if !text::is_valid_slug(new_slug) {
        return Err(ChangeSlugError::InvalidSlug);
    }
    let current = article::Entity::find_by_id(id).one(db).await?.ok_or(ChangeSlugError::NotFound)?;
    if current.slug == new_slug {
        return Ok(());
    }
    let redirect_elsewhere =
        redirect::Entity::find_by_id(new_slug.to_owned()).one(db).await?.is_some_and(|r| r.article_id != id);
    if find_by_slug(db, new_slug).await?.is_some() || redirect_elsewhere {
        return Err(ChangeSlugError::Taken);
    }
    // Returning to a slug it had before: that address is the article's again, not a redirect.
    redirect::Entity::delete_by_id(new_slug.to_owned()).exec(db).await?;
    redirect::ActiveModel { old_slug: Set(current.slug.clone()), article_id: Set(id), created_at: Set(now) }
        .insert(db)
        .await?;
    let mut update: article::ActiveModel = current.into();
    update.slug = Set(new_slug.to_owned());
    update.updated_at = Set(now);
    update.update(db).await?;
    Ok(())
}

/// The current slug of the article readers may see that once lived at `old_slug`.
pub async fn moved_to(db: &impl ConnectionTrait, old_slug: &str, now: DateTime<Utc>) -> Result<Option<String>, DbErr> {
    use entity::article_slug_redirect as redirect;
    let Some(moved) = redirect::Entity::find_by_id(old_slug.to_owned()).one(db).await? else {
        return Ok(None);
    };
    Ok(article::Entity::find_by_id(moved.article_id)
        .filter(visible_to_readers(now))
        .one(db)
        .await?
        .map(|article| article.slug))
}
