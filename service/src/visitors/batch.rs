//! Page views gathered in memory and stored together, so counting a view costs no database
//! write of its own.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use entity::article::{self, ArticleStatus};
use entity::{visitor_counter, visitor_daily, visitor_presence};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, EntityTrait, QueryFilter,
    Set,
};

use super::rules::{Activity, Presence, VisitRules, apply};
use super::visitor_id::{VisitorHash, VisitorId};
use crate::Database;

/// Rows per statement, well under SQLite's and PostgreSQL's bound-parameter limits.
const CHUNK: usize = 500;

/// Activity not yet stored.
#[derive(Debug, Default)]
pub struct PendingBatch {
    visitors: HashMap<VisitorHash, (Option<VisitorHash>, Activity)>,
    page_views: BTreeMap<NaiveDate, i64>,
    article_views: HashMap<String, i64>,
}

impl PendingBatch {
    pub fn add_page_view(
        &mut self,
        rules: &VisitRules,
        visitor: VisitorId,
        at: DateTime<Utc>,
        article_slug: Option<&str>,
    ) {
        self.add_activity(visitor, Activity::page_view(at));
        *self.page_views.entry(rules.local_day(at)).or_default() += 1;
        if let Some(slug) = article_slug {
            match self.article_views.get_mut(slug) {
                Some(views) => *views += 1,
                None => {
                    self.article_views.insert(slug.to_owned(), 1);
                }
            }
        }
    }

    pub fn add_heartbeat(&mut self, visitor: VisitorId, at: DateTime<Utc>) {
        self.add_activity(visitor, Activity::heartbeat(at));
    }

    fn add_activity(&mut self, visitor: VisitorId, activity: Activity) {
        self.visitors
            .entry(visitor.current)
            .and_modify(|(previous, known)| {
                *previous = previous.or(visitor.previous);
                known.merge(activity);
            })
            .or_insert((visitor.previous, activity));
    }

    pub fn is_empty(&self) -> bool {
        self.visitors.is_empty()
    }

    pub fn page_view_count(&self) -> i64 {
        self.page_views.values().sum()
    }

    /// Takes back a batch that could not be stored, so its counts are tried again, not lost.
    pub fn absorb(&mut self, other: PendingBatch) {
        for (current, (previous, activity)) in other.visitors {
            self.add_activity(VisitorId { current, previous }, activity);
        }
        for (day, views) in other.page_views {
            *self.page_views.entry(day).or_default() += views;
        }
        for (slug, views) in other.article_views {
            *self.article_views.entry(slug).or_default() += views;
        }
    }
}

/// What storing a batch added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Recorded {
    pub visits: i64,
    pub page_views: i64,
}

/// Stores a batch in one transaction: visitor presence, new visits by the day they started,
/// page views by day, the running total and per-article view counts.
pub async fn record(
    db: &Database,
    batch: &PendingBatch,
    rules: &VisitRules,
    now: DateTime<Utc>,
) -> Result<Recorded, DbErr> {
    let txn = db.begin_write().await?;
    lock_counters(&txn, db.backend()).await?;
    let known = known_presence(&txn, batch).await?;
    let mut updated = Vec::with_capacity(batch.visitors.len());
    let mut replaced = Vec::new();
    let mut visits_by_day: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    for (current, (previous, activity)) in &batch.visitors {
        let mut before = known.get(current).copied();
        if before.is_none()
            && let Some(yesterday) = previous.and_then(|p| known.get(&p).map(|presence| (p, *presence)))
        {
            replaced.push(yesterday.0.to_hex());
            before = Some(yesterday.1);
        }
        let (presence, new_visit) = apply(rules, before, *activity);
        if let Some(started) = new_visit {
            *visits_by_day.entry(rules.local_day(started)).or_default() += 1;
        }
        updated.push(presence_row(*current, presence));
    }
    for rows in updated.chunks(CHUNK) {
        visitor_presence::Entity::insert_many(rows.to_vec())
            .on_conflict(
                OnConflict::column(visitor_presence::Column::Visitor)
                    .update_columns([
                        visitor_presence::Column::VisitStarted,
                        visitor_presence::Column::LastView,
                        visitor_presence::Column::LastActive,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
    }
    for hashes in replaced.chunks(CHUNK) {
        visitor_presence::Entity::delete_many()
            .filter(visitor_presence::Column::Visitor.is_in(hashes.iter().cloned()))
            .exec(&txn)
            .await?;
    }
    let days: std::collections::BTreeSet<NaiveDate> =
        visits_by_day.keys().chain(batch.page_views.keys()).copied().collect();
    for day in days {
        let visits = visits_by_day.get(&day).copied().unwrap_or(0);
        let page_views = batch.page_views.get(&day).copied().unwrap_or(0);
        add_to_day(&txn, day, visits, page_views).await?;
    }
    let visits: i64 = visits_by_day.values().sum();
    if visits > 0 {
        visitor_counter::Entity::update_many()
            .col_expr(
                visitor_counter::Column::CountedVisits,
                Expr::col(visitor_counter::Column::CountedVisits).add(visits),
            )
            .filter(visitor_counter::Column::Id.eq(1))
            .exec(&txn)
            .await?;
    }
    for (slug, views) in &batch.article_views {
        article::Entity::update_many()
            .col_expr(article::Column::ViewCount, Expr::col(article::Column::ViewCount).add(*views))
            .filter(article::Column::Slug.eq(slug.as_str()))
            .filter(article::Column::Status.eq(ArticleStatus::Published))
            .exec(&txn)
            .await?;
    }
    visitor_presence::Entity::delete_many()
        .filter(visitor_presence::Column::LastActive.lt(now - rules.presence_horizon()))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(Recorded { visits, page_views: batch.page_view_count() })
}

/// Serialises the servers that store counts into one database. On SQLite the write transaction
/// already holds the only write lock; PostgreSQL needs an explicit lock, or two servers could
/// both start a visit for the same visitor.
pub(super) async fn lock_counters(txn: &DatabaseTransaction, backend: DbBackend) -> Result<(), DbErr> {
    if backend == DbBackend::Postgres {
        txn.execute_unprepared("SELECT pg_advisory_xact_lock(5760576)").await?;
    }
    Ok(())
}

async fn known_presence(
    txn: &DatabaseTransaction,
    batch: &PendingBatch,
) -> Result<HashMap<VisitorHash, Presence>, DbErr> {
    let by_hex: HashMap<String, VisitorHash> = batch
        .visitors
        .iter()
        .flat_map(|(current, (previous, _))| std::iter::once(*current).chain(*previous))
        .map(|hash| (hash.to_hex(), hash))
        .collect();
    let keys: Vec<&String> = by_hex.keys().collect();
    let mut known = HashMap::with_capacity(keys.len());
    for chunk in keys.chunks(CHUNK) {
        let rows = visitor_presence::Entity::find()
            .filter(visitor_presence::Column::Visitor.is_in(chunk.iter().map(|k| k.as_str())))
            .all(txn)
            .await?;
        for row in rows {
            let presence =
                Presence { visit_started: row.visit_started, last_view: row.last_view, last_active: row.last_active };
            known.insert(by_hex[&row.visitor], presence);
        }
    }
    Ok(known)
}

fn presence_row(visitor: VisitorHash, presence: Presence) -> visitor_presence::ActiveModel {
    visitor_presence::ActiveModel {
        visitor: Set(visitor.to_hex()),
        visit_started: Set(presence.visit_started),
        last_view: Set(presence.last_view),
        last_active: Set(presence.last_active),
    }
}

async fn add_to_day(txn: &DatabaseTransaction, day: NaiveDate, visits: i64, page_views: i64) -> Result<(), DbErr> {
    let updated = visitor_daily::Entity::update_many()
        .col_expr(visitor_daily::Column::Visits, Expr::col(visitor_daily::Column::Visits).add(visits))
        .col_expr(visitor_daily::Column::PageViews, Expr::col(visitor_daily::Column::PageViews).add(page_views))
        .filter(visitor_daily::Column::Day.eq(day))
        .exec(txn)
        .await?;
    if updated.rows_affected == 0 {
        visitor_daily::ActiveModel { day: Set(day), visits: Set(visits), page_views: Set(page_views) }
            .insert(txn)
            .await?;
    }
    Ok(())
}
