//! Visitor statistics: the counting rules, the day's salted visitor hashes, page views gathered
//! in memory and stored in batches, and the numbers of "Thống kê truy cập".

mod batch;
mod rules;
mod tracker;
mod visitor_id;

pub use batch::{PendingBatch, Recorded, record};
pub use rules::{Activity, Presence, VisitRules, apply};
pub use tracker::{LiveConnection, VisitorTracker};
pub use visitor_id::{DaySalts, VisitorHash, VisitorId, forget_salts_before, salts_for};

use chrono::{DateTime, NaiveDate, Utc};
use entity::article::{self, ArticleStatus};
use entity::{visitor_counter, visitor_daily, visitor_presence};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::Database;

/// The numbers of "Thống kê truy cập" at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VisitorNumbers {
    /// "Đang online": visitors active within the online window.
    pub online: i64,
    /// "Hôm nay": visits that started today in the site's time zone.
    pub today: i64,
    /// "Đã truy cập": every visit counted, plus the starting offset.
    pub total: i64,
    pub widget_visible: bool,
}

/// Reads the current numbers from the database, as every server process sees them.
pub async fn current_numbers(
    db: &impl ConnectionTrait,
    rules: &VisitRules,
    now: DateTime<Utc>,
) -> Result<VisitorNumbers, DbErr> {
    let counter = visitor_counter::Entity::find_by_id(1).one(db).await?;
    let today = visitor_daily::Entity::find_by_id(rules.local_day(now)).one(db).await?;
    let online = visitor_presence::Entity::find()
        .filter(visitor_presence::Column::LastActive.gte(now - rules.online_window))
        .count(db)
        .await?;
    Ok(VisitorNumbers {
        online: online as i64,
        today: today.map_or(0, |d| d.visits),
        total: counter.as_ref().map_or(0, |c| c.starting_offset + c.counted_visits),
        widget_visible: counter.is_none_or(|c| c.widget_visible),
    })
}

/// Creates the counter row with this starting offset if it does not exist yet.
pub async fn ensure_counter(db: &impl ConnectionTrait, starting_offset: i64) -> Result<(), DbErr> {
    if visitor_counter::Entity::find_by_id(1).one(db).await?.is_none() {
        visitor_counter::ActiveModel {
            id: Set(1),
            starting_offset: Set(starting_offset),
            counted_visits: Set(0),
            widget_visible: Set(true),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// The counter's settings as an administrator sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CounterSettings {
    pub starting_offset: i64,
    pub counted_visits: i64,
    pub widget_visible: bool,
}

pub async fn counter_settings(db: &impl ConnectionTrait) -> Result<CounterSettings, DbErr> {
    let counter = visitor_counter::Entity::find_by_id(1)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("the visitor counter row".into()))?;
    Ok(CounterSettings {
        starting_offset: counter.starting_offset,
        counted_visits: counter.counted_visits,
        widget_visible: counter.widget_visible,
    })
}

/// The largest starting offset accepted: far above any real site, far below overflow.
pub const MAX_STARTING_OFFSET: i64 = 1_000_000_000_000;

#[derive(Debug, thiserror::Error)]
pub enum CounterError {
    #[error("Số bắt đầu phải là số nguyên từ 0 đến {MAX_STARTING_OFFSET}.")]
    OffsetOutOfRange,
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// Sets the number "Đã truy cập" continues from (for a site moving from an old system).
pub async fn set_starting_offset(db: &Database, offset: i64) -> Result<(), CounterError> {
    if !(0..=MAX_STARTING_OFFSET).contains(&offset) {
        return Err(CounterError::OffsetOutOfRange);
    }
    update_counter(db, visitor_counter::Column::StartingOffset, Expr::value(offset)).await?;
    Ok(())
}

pub async fn set_widget_visible(db: &Database, visible: bool) -> Result<(), DbErr> {
    update_counter(db, visitor_counter::Column::WidgetVisible, Expr::value(visible)).await
}

/// Forgets every counted visit and the daily history: "Đã truy cập" goes back to the starting
/// offset and "Hôm nay" to zero. Article view counts and the online list are kept.
pub async fn reset_counts(db: &Database) -> Result<(), DbErr> {
    let txn = db.begin_write().await?;
    batch::lock_counters(&txn, db.backend()).await?;
    visitor_counter::Entity::update_many()
        .col_expr(visitor_counter::Column::CountedVisits, Expr::value(0i64))
        .filter(visitor_counter::Column::Id.eq(1))
        .exec(&txn)
        .await?;
    visitor_daily::Entity::delete_many().exec(&txn).await?;
    txn.commit().await
}

async fn update_counter(db: &Database, column: visitor_counter::Column, value: Expr) -> Result<(), DbErr> {
    let txn = db.begin_write().await?;
    visitor_counter::Entity::update_many()
        .col_expr(column, value)
        .filter(visitor_counter::Column::Id.eq(1))
        .exec(&txn)
        .await?;
    txn.commit().await
}

/// One day of history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayCount {
    pub day: NaiveDate,
    pub visits: i64,
    pub page_views: i64,
}

/// Every day from `first` to `last` inclusive, with zeros for days nobody visited.
pub async fn daily_history(
    db: &impl ConnectionTrait,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<DayCount>, DbErr> {
    let stored = visitor_daily::Entity::find().filter(visitor_daily::Column::Day.between(first, last)).all(db).await?;
    Ok(first
        .iter_days()
        .take_while(|day| *day <= last)
        .map(|day| {
            let row = stored.iter().find(|row| row.day == day);
            DayCount { day, visits: row.map_or(0, |r| r.visits), page_views: row.map_or(0, |r| r.page_views) }
        })
        .collect())
}

/// A published article with its view count.
#[derive(Clone, Debug, PartialEq, Eq, FromQueryResult)]
pub struct ArticleViews {
    pub slug: String,
    pub title: String,
    pub view_count: i64,
}

/// The most-read published articles.
pub async fn most_read(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<ArticleViews>, DbErr> {
    article::Entity::find()
        .select_only()
        .columns([article::Column::Slug, article::Column::Title, article::Column::ViewCount])
        .filter(article::Column::Status.eq(ArticleStatus::Published))
        .filter(article::Column::ViewCount.gt(0))
        .order_by_desc(article::Column::ViewCount)
        .order_by_asc(article::Column::Id)
        .limit(limit)
        .into_model::<ArticleViews>()
        .all(db)
        .await
}
