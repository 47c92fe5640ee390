//! The back office's article list: every status, filtered, searched, sorted and paginated.

use chrono::{DateTime, Utc};
use entity::article::{self, ArticleStatus};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, DerivePartialModel, EntityTrait, Order, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use crate::search::ARTICLE_WORDS;

/// A row of the list.
#[derive(Clone, Debug, PartialEq, Eq, DerivePartialModel)]
#[sea_orm(entity = "article::Entity")]
pub struct ArticleRow {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub category_id: i32,
    pub created_by: Option<i32>,
    pub status: ArticleStatus,
    pub featured: bool,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub view_count: i64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    #[default]
    RecentlyUpdated,
    /// The review queue: what has waited longest first.
    OldestUpdated,
    RecentlyPublished,
    Title,
    MostRead,
}

#[derive(Clone, Debug, Default)]
pub struct ArticleFilter {
    /// `None`: every status but the trash, which is only listed when asked for.
    pub status: Option<ArticleStatus>,
    pub category_ids: Option<Vec<i32>>,
    pub created_by: Option<i32>,
    /// Last changed on or after / before (local days turned into instants by the caller).
    pub updated_from: Option<DateTime<Utc>>,
    pub updated_until: Option<DateTime<Utc>>,
    /// Words to find in the title, lead or body, ignoring case and diacritics.
    pub text: String,
    pub sort: SortOrder,
}

pub async fn list(
    db: &impl ConnectionTrait,
    filter: &ArticleFilter,
    page: u64,
    per_page: u64,
) -> Result<(Vec<ArticleRow>, u64), DbErr> {
    let mut query = article::Entity::find();
    query = match filter.status {
        Some(status) => query.filter(article::Column::Status.eq(status)),
        None => query.filter(article::Column::Status.ne(ArticleStatus::Trashed)),
    };
    if let Some(ids) = &filter.category_ids {
        query = query.filter(article::Column::CategoryId.is_in(ids.iter().copied()));
    }
    if let Some(user_id) = filter.created_by {
        query = query.filter(article::Column::CreatedBy.eq(user_id));
    }
    if let Some(from) = filter.updated_from {
        query = query.filter(article::Column::UpdatedAt.gte(from));
    }
    if let Some(until) = filter.updated_until {
        query = query.filter(article::Column::UpdatedAt.lt(until));
    }
    let terms = text::search_terms(&filter.text);
    if !terms.is_empty() {
        query = query.filter(ARTICLE_WORDS.has_every_word(db.get_database_backend(), &terms));
    }
    let total = query.clone().count(db).await?;
    query = match filter.sort {
        SortOrder::RecentlyUpdated => query.order_by(article::Column::UpdatedAt, Order::Desc),
        SortOrder::OldestUpdated => query.order_by(article::Column::UpdatedAt, Order::Asc),
        SortOrder::RecentlyPublished => query.order_by(article::Column::PublishedAt, Order::Desc),
        SortOrder::Title => query.order_by(article::Column::Title, Order::Asc),
        SortOrder::MostRead => query.order_by(article::Column::ViewCount, Order::Desc),
    };
    let rows = query
        .order_by_desc(article::Column::Id)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .into_partial_model()
        .all(db)
        .await?;
    Ok((rows, total))
}

/// How many articles are in each status (only `created_by`'s, if given), for the dashboard.
pub async fn count_by_status(
    db: &impl ConnectionTrait,
    created_by: Option<i32>,
) -> Result<Vec<(ArticleStatus, u64)>, DbErr> {
    let mut counts = Vec::new();
    for status in [
        ArticleStatus::Draft,
        ArticleStatus::Pending,
        ArticleStatus::Published,
        ArticleStatus::Unpublished,
        ArticleStatus::Trashed,
    ] {
        let mut query = article::Entity::find().filter(article::Column::Status.eq(status));
        if let Some(user_id) = created_by {
            query = query.filter(article::Column::CreatedBy.eq(user_id));
        }
        counts.push((status, query.count(db).await?));
    }
    Ok(counts)
}
