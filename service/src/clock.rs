//! "Now" for everything that depends on the time of day: scheduled publication above all.
//! The server uses the system clock; tests pin it and move it forward instead of sleeping.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, Utc};

/// Asia/Ho_Chi_Minh: UTC+7 all year (Vietnam has no daylight saving time).
pub fn site_time_zone() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("UTC+7 is a valid offset")
}

/// The calendar day in Vietnam at `at`: days turn over at local midnight.
pub fn site_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&site_time_zone()).date_naive()
}

#[derive(Clone, Debug, Default)]
pub struct Clock {
    pinned: Option<Arc<Mutex<DateTime<Utc>>>>,
}

impl Clock {
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock that stays at `at` until moved with [`Clock::advance`].
    pub fn pinned(at: DateTime<Utc>) -> Self {
        Self { pinned: Some(Arc::new(Mutex::new(at))) }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &self.pinned {
            Some(at) => *at.lock().expect("the clock's lock is never poisoned"),
            None => Utc::now(),
        }
    }

    /// Moves a pinned clock forward; the system clock cannot be moved.
    pub fn advance(&self, by: TimeDelta) {
        let at = self.pinned.as_ref().expect("only a pinned clock can be moved");
        *at.lock().expect("the clock's lock is never poisoned") += by;
    }
}
