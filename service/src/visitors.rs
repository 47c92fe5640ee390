//! The stored visitor statistics: the running total (with its starting offset) and daily counts.

use chrono::NaiveDate;
use entity::{visitor_counter, visitor_daily};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set};

/// The stored numbers behind "Thống kê truy cập".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoredVisitorStats {
    /// Visits whose start fell on the given day.
    pub today: i64,
    /// Every visit counted, plus the starting offset.
    pub total: i64,
    pub widget_visible: bool,
}

pub async fn stored_stats(db: &impl ConnectionTrait, today: NaiveDate) -> Result<StoredVisitorStats, DbErr> {
    let counter = visitor_counter::Entity::find_by_id(1).one(db).await?;
    let daily = visitor_daily::Entity::find_by_id(today).one(db).await?;
    Ok(StoredVisitorStats {
        today: daily.map_or(0, |d| d.visits),
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
