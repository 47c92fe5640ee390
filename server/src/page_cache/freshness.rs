//! Knowing when cached pages stop being current. The cache reads the content revision
//! (`service::reader_content`) again right after a signed-in account's write in this process,
//! when a scheduled publication comes due, and at least every `check_interval` (writes by another
//! app server or by the import command); each time it differs, the generation goes up and pages
//! of older generations are dropped.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use service::reader_content::{self, ReaderContentRevision};
use service::{Database, DbErr, clock::Clock};

/// What readers see, as one number that changes whenever it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Generation {
    pub number: u64,
    /// When the content last changed, for `Last-Modified`.
    pub changed_at: Option<DateTime<Utc>>,
}

pub struct Freshness {
    db: Database,
    clock: Clock,
    check_interval: Duration,
    known: Mutex<Known>,
    /// One database read at a time; requests arriving meanwhile wait for its answer.
    reading: tokio::sync::Mutex<()>,
    recheck: AtomicBool,
}

#[derive(Default)]
struct Known {
    number: u64,
    revision: Option<ReaderContentRevision>,
    read_at: Option<Instant>,
}

impl Freshness {
    pub fn new(db: Database, clock: Clock, check_interval: Duration) -> Self {
        Self {
            db,
            clock,
            check_interval,
            known: Mutex::default(),
            reading: tokio::sync::Mutex::new(()),
            recheck: AtomicBool::new(false),
        }
    }

    /// Something may have changed: read the revision before answering from the cache again.
    pub fn recheck(&self) {
        self.recheck.store(true, Ordering::SeqCst);
    }

    pub async fn current(&self) -> Result<Generation, DbErr> {
        if let Some(generation) = self.known_current() {
            return Ok(generation);
        }
        let _reading = self.reading.lock().await;
        if let Some(generation) = self.known_current() {
            return Ok(generation);
        }
        // Cleared before reading: a write that ends during the read asks for another one.
        self.recheck.store(false, Ordering::SeqCst);
        let revision = reader_content::revision(self.db.reader(), self.clock.now()).await?;
        let mut known = self.known.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if known.revision != Some(revision) {
            known.number += 1;
            known.revision = Some(revision);
        }
        known.read_at = Some(Instant::now());
        Ok(Generation { number: known.number, changed_at: revision.changed_at() })
    }

    fn known_current(&self) -> Option<Generation> {
        if self.recheck.load(Ordering::SeqCst) {
            return None;
        }
        let known = self.known.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let revision = known.revision?;
        let recent = known.read_at.is_some_and(|at| at.elapsed() < self.check_interval);
        (recent && !revision.outdated_by_schedule(self.clock.now()))
            .then_some(Generation { number: known.number, changed_at: revision.changed_at() })
    }
}
