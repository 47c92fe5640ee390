//! The per-process side of counting: page views gathered in memory, stored every half second,
//! and the current numbers published to everyone watching them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::{RwLock, watch};

use super::batch::{PendingBatch, record};
use super::rules::VisitRules;
use super::visitor_id::{DaySalts, VisitorId, forget_salts_before, salts_for};
use super::{VisitorNumbers, current_numbers};
use crate::Database;
use crate::DbErr;

/// How often counts are stored and the numbers re-read. A crash loses at most this much.
pub const TICK: Duration = Duration::from_millis(500);

/// Counts page views for one server process. Cheap to clone; all clones share one state.
#[derive(Clone, Debug)]
pub struct VisitorTracker {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    db: Database,
    rules: VisitRules,
    pending: Mutex<PendingBatch>,
    salts: RwLock<DaySalts>,
    live: Mutex<HashMap<VisitorId, usize>>,
    numbers: watch::Sender<VisitorNumbers>,
    closing: watch::Sender<bool>,
}

impl VisitorTracker {
    /// Loads today's salt and the current numbers. Call [`VisitorTracker::run`] to keep them current.
    pub async fn start(db: Database, rules: VisitRules, now: DateTime<Utc>) -> Result<Self, DbErr> {
        let salts = load_salts(&db, &rules, now).await?;
        let numbers = current_numbers(db.reader(), &rules, now).await?;
        Ok(Self {
            inner: Arc::new(Inner {
                db,
                rules,
                pending: Mutex::default(),
                salts: RwLock::new(salts),
                live: Mutex::default(),
                numbers: watch::Sender::new(numbers),
                closing: watch::Sender::new(false),
            }),
        })
    }

    pub fn rules(&self) -> &VisitRules {
        &self.inner.rules
    }

    /// The visitor behind an address and user agent, by today's salt.
    pub async fn visitor(&self, address: &str, user_agent: &str, now: DateTime<Utc>) -> Result<VisitorId, DbErr> {
        let rules = &self.inner.rules;
        let day = rules.local_day(now);
        {
            let salts = self.inner.salts.read().await;
            if salts.day == day {
                return Ok(salts.visitor(rules, address, user_agent, now));
            }
        }
        let mut salts = self.inner.salts.write().await;
        if salts.day != day {
            *salts = load_salts(&self.inner.db, rules, now).await?;
        }
        Ok(salts.visitor(rules, address, user_agent, now))
    }

    /// Counts one page view; it is stored with the next batch.
    pub fn count_page_view(&self, visitor: VisitorId, at: DateTime<Utc>, article_slug: Option<&str>) {
        self.pending().add_page_view(&self.inner.rules, visitor, at, article_slug);
    }

    /// Registers an open live connection: its visitor stays online while it is open.
    pub fn connect_live(&self, visitor: VisitorId, now: DateTime<Utc>) -> LiveConnection {
        *self.live().entry(visitor).or_default() += 1;
        self.pending().add_heartbeat(visitor, now);
        LiveConnection { tracker: self.clone(), visitor }
    }

    /// How many live connections this process holds.
    pub fn live_connections(&self) -> usize {
        self.live().values().sum()
    }

    /// The numbers as of the last refresh.
    pub fn numbers(&self) -> VisitorNumbers {
        *self.inner.numbers.borrow()
    }

    /// Changes to the numbers; consecutive changes between two reads arrive as one.
    pub fn subscribe(&self) -> watch::Receiver<VisitorNumbers> {
        self.inner.numbers.subscribe()
    }

    /// Becomes true when the server is shutting down, so live connections can end.
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.inner.closing.subscribe()
    }

    /// Stores what has been counted. A batch that fails to store is kept for the next try.
    pub async fn flush(&self, now: DateTime<Utc>) -> Result<(), DbErr> {
        let batch = std::mem::take(&mut *self.pending());
        if batch.is_empty() {
            return Ok(());
        }
        if let Err(error) = record(&self.inner.db, &batch, &self.inner.rules, now).await {
            self.pending().absorb(batch);
            return Err(error);
        }
        Ok(())
    }

    /// Re-reads the numbers every server shares and tells subscribers if they changed.
    pub async fn refresh(&self, now: DateTime<Utc>) -> Result<(), DbErr> {
        let numbers = current_numbers(self.inner.db.reader(), &self.inner.rules, now).await?;
        self.inner.numbers.send_if_modified(|current| std::mem::replace(current, numbers) != numbers);
        Ok(())
    }

    /// Stores counts and refreshes the numbers every [`TICK`] until [`VisitorTracker::close`].
    pub async fn run(self) {
        let mut ticker = tokio::time::interval(TICK);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut closing = self.closing();
        // An open live connection tells the database its visitor is still here three times per
        // online window, so the visitor never drops out while the page is open.
        let heartbeat_every =
            (self.inner.rules.online_window.num_milliseconds() / 3 / TICK.as_millis() as i64).max(1) as u32;
        let mut ticks: u32 = 0;
        loop {
            tokio::select! {
                _ = ticker.tick() => {}
                _ = closing.wait_for(|closing| *closing) => return,
            }
            ticks = ticks.wrapping_add(1);
            let now = Utc::now();
            if ticks.is_multiple_of(heartbeat_every) {
                self.heartbeat_live_connections(now);
            }
            if let Err(error) = self.tick(now).await {
                tracing::warn!(%error, "visitor counts could not be stored yet; they are kept and retried");
            }
        }
    }

    async fn tick(&self, now: DateTime<Utc>) -> Result<(), DbErr> {
        self.forget_yesterday_when_done(now).await?;
        self.flush(now).await?;
        self.refresh(now).await
    }

    fn heartbeat_live_connections(&self, now: DateTime<Utc>) {
        let visitors: Vec<VisitorId> = self.live().keys().copied().collect();
        let mut pending = self.pending();
        for visitor in visitors {
            pending.add_heartbeat(visitor, now);
        }
    }

    /// Once no visit can cross from yesterday any more, yesterday's salt is deleted everywhere.
    async fn forget_yesterday_when_done(&self, now: DateTime<Utc>) -> Result<(), DbErr> {
        let rules = &self.inner.rules;
        if rules.yesterday_still_matters(now) {
            return Ok(());
        }
        let mut salts = self.inner.salts.write().await;
        if salts.day != rules.local_day(now) {
            *salts = load_salts(&self.inner.db, rules, now).await?;
        }
        if salts.has_yesterday() {
            let txn = self.inner.db.begin_write().await?;
            forget_salts_before(&txn, salts.day).await?;
            txn.commit().await?;
            salts.forget_yesterday();
        }
        Ok(())
    }

    /// Ends the live connections and the periodic task; call [`VisitorTracker::flush`] once
    /// requests have finished to store the last counts.
    pub fn close_live_connections(&self) {
        self.inner.closing.send_replace(true);
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, PendingBatch> {
        self.inner.pending.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn live(&self) -> std::sync::MutexGuard<'_, HashMap<VisitorId, usize>> {
        self.inner.live.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// An open live connection; dropping it unregisters the connection.
#[derive(Debug)]
pub struct LiveConnection {
    tracker: VisitorTracker,
    visitor: VisitorId,
}

impl Drop for LiveConnection {
    fn drop(&mut self) {
        let mut live = self.tracker.live();
        if let Some(count) = live.get_mut(&self.visitor) {
            *count -= 1;
            if *count == 0 {
                live.remove(&self.visitor);
            }
        }
    }
}

async fn load_salts(db: &Database, rules: &VisitRules, now: DateTime<Utc>) -> Result<DaySalts, DbErr> {
    let txn = db.begin_write().await?;
    let salts = salts_for(&txn, rules.local_day(now)).await?;
    txn.commit().await?;
    Ok(salts)
}
