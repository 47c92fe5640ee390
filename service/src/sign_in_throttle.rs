//! Slowing down repeated failed sign-ins, kept in the database so every server process sees the
//! same counts. Following the OWASP Authentication Cheat Sheet, nobody can lock an account's owner
//! out by failing on purpose:
//! - from a browser that has signed in to the account before (a known device, see
//!   [`crate::known_devices`]), only that browser's own failures count;
//! - from any other browser, failures count per account and address together (a guesser at one
//!   address slows down only themselves), per address (a guesser trying many accounts), and per
//!   account, where the wait grows but stays short (guessers spread over many addresses).
//!
//! Each attempt is counted before the password is checked, in the same transaction that checks
//! the wait, so parallel guesses cannot slip past it; a right password then forgives the count.

use chrono::{DateTime, TimeDelta, Utc};
use entity::sign_in_throttle;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, EntityTrait,
    QueryFilter, QuerySelect, Set,
};

/// How many failures cost nothing, and the longest wait the doubling reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub free_failures: i32,
    pub longest_wait: TimeDelta,
}

/// One account from one address, or one known browser: a person mistyping a few times is never
/// slowed; a guesser soon waits a quarter of an hour between tries.
pub const PER_PAIR: Limits = Limits { free_failures: 3, longest_wait: TimeDelta::minutes(15) };
/// Looser, because a whole office may share one address.
pub const PER_ADDRESS: Limits = Limits { free_failures: 10, longest_wait: TimeDelta::minutes(15) };
/// Failures at one account from browsers it does not know, from any address: the wait grows
/// but never past a minute, so the owner on a new computer is slowed, not locked out.
pub const PER_ACCOUNT: Limits = Limits { free_failures: 10, longest_wait: TimeDelta::minutes(1) };

/// Failures older than this are forgotten.
const FORGET_AFTER: TimeDelta = TimeDelta::minutes(15);

/// A counter an attempt is held to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counter {
    pub key: String,
    pub limits: Limits,
}

impl Counter {
    /// The counters a sign-in attempt at `login` from `address` is held to, by a browser that the
    /// account knows (its device token's hash) or not.
    pub fn for_attempt(login: &str, address: &str, known_device: Option<&str>) -> Vec<Counter> {
        let login = login.trim().to_lowercase();
        match known_device {
            Some(device) => vec![Counter { key: format!("device:{device}"), limits: PER_PAIR }],
            None => vec![
                Counter { key: format!("pair:{login}|{address}"), limits: PER_PAIR },
                Counter { key: format!("address:{address}"), limits: PER_ADDRESS },
                Counter { key: format!("account:{login}"), limits: PER_ACCOUNT },
            ],
        }
    }

    /// Whether a right password clears this counter (an address's count stays: it may hold
    /// other people's failures).
    fn cleared_by_success(&self) -> bool {
        !self.key.starts_with("address:")
    }
}

/// How long sign-in waits after the `failures`-th failure in a row: nothing at first, then
/// doubling from 2 seconds up to the longest wait.
pub fn wait_after(failures: i32, limits: Limits) -> Option<TimeDelta> {
    (failures > limits.free_failures).then(|| {
        let doublings = (failures - limits.free_failures).min(20) as u32;
        TimeDelta::seconds(1 << doublings).min(limits.longest_wait)
    })
}

/// What became of a sign-in attempt at the throttle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// Counted; should the password be wrong, the next attempt must wait until then.
    Counted { next_not_before: Option<DateTime<Utc>> },
    /// Refused and not counted: an earlier failure's wait lasts until then.
    MustWait(DateTime<Utc>),
}

/// Counts an attempt against every counter, unless one of them still makes it wait. Call it in a
/// write transaction and commit before checking the password.
pub async fn count_attempt(
    txn: &DatabaseTransaction,
    counters: &[Counter],
    now: DateTime<Utc>,
) -> Result<Attempt, DbErr> {
    let mut rows = Vec::new();
    for counter in counters {
        rows.push(locked_row(txn, &counter.key, now).await?);
    }
    if let Some(until) = rows.iter().filter_map(|row| row.blocked_until).filter(|until| *until > now).max() {
        return Ok(Attempt::MustWait(until));
    }
    let mut next_not_before = None;
    for (counter, row) in counters.iter().zip(rows) {
        let earlier = if now - row.last_failure_at < FORGET_AFTER { row.failures } else { 0 };
        let failures = earlier + 1;
        let blocked_until = wait_after(failures, counter.limits).map(|wait| now + wait);
        next_not_before = next_not_before.max(blocked_until);
        sign_in_throttle::ActiveModel {
            key: Set(row.key),
            failures: Set(failures),
            last_failure_at: Set(now),
            blocked_until: Set(blocked_until),
        }
        .update(txn)
        .await?;
    }
    Ok(Attempt::Counted { next_not_before })
}

/// Takes back a counted attempt whose password was right: the account's counters are cleared,
/// the address's loses this one attempt. Counters nobody has failed at for a while go too (every
/// name a guesser tried leaves one).
pub async fn forgive(txn: &DatabaseTransaction, counters: &[Counter], now: DateTime<Utc>) -> Result<(), DbErr> {
    sign_in_throttle::Entity::delete_many()
        .filter(sign_in_throttle::Column::LastFailureAt.lt(now - FORGET_AFTER))
        .filter(
            Condition::any()
                .add(sign_in_throttle::Column::BlockedUntil.is_null())
                .add(sign_in_throttle::Column::BlockedUntil.lt(now)),
        )
        .exec(txn)
        .await?;
    for counter in counters {
        if counter.cleared_by_success() {
            sign_in_throttle::Entity::delete_by_id(counter.key.clone()).exec(txn).await?;
            continue;
        }
        let row = locked_row(txn, &counter.key, now).await?;
        let failures = (row.failures - 1).max(0);
        sign_in_throttle::ActiveModel {
            key: Set(row.key),
            failures: Set(failures),
            last_failure_at: Set(row.last_failure_at),
            blocked_until: Set(wait_after(failures, counter.limits).map(|wait| row.last_failure_at + wait)),
        }
        .update(txn)
        .await?;
    }
    Ok(())
}

/// The counter's row, created empty if missing, and locked until the transaction ends
/// (PostgreSQL; SQLite's write transaction holds the whole database).
async fn locked_row(
    txn: &DatabaseTransaction,
    key: &str,
    now: DateTime<Utc>,
) -> Result<sign_in_throttle::Model, DbErr> {
    let empty = sign_in_throttle::ActiveModel {
        key: Set(key.to_owned()),
        failures: Set(0),
        last_failure_at: Set(now),
        blocked_until: Set(None),
    };
    sign_in_throttle::Entity::insert(empty)
        .on_conflict_do_nothing_on([sign_in_throttle::Column::Key])
        .exec(txn)
        .await?;
    let mut query = sign_in_throttle::Entity::find_by_id(key.to_owned());
    if txn.get_database_backend() == DbBackend::Postgres {
        query = query.lock_exclusive();
    }
    query.one(txn).await?.ok_or_else(|| DbErr::RecordNotFound(format!("sign-in counter {key}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_mistakes_cost_nothing_then_waits_double_up_to_the_longest() {
        let waits: Vec<_> = (1..=14).map(|n| wait_after(n, PER_PAIR).map(|w| w.num_seconds())).collect();
        assert_eq!(
            waits,
            [
                None,
                None,
                None,
                Some(2),
                Some(4),
                Some(8),
                Some(16),
                Some(32),
                Some(64),
                Some(128),
                Some(256),
                Some(512),
                Some(900),
                Some(900)
            ]
        );
    }

    #[test]
    fn an_account_is_slowed_from_unknown_browsers_but_never_for_long() {
        assert_eq!(wait_after(10, PER_ACCOUNT), None);
        assert_eq!(wait_after(11, PER_ACCOUNT), Some(TimeDelta::seconds(2)));
        assert_eq!(wait_after(1000, PER_ACCOUNT), Some(TimeDelta::minutes(1)));
        assert_eq!(wait_after(11, PER_ADDRESS), Some(TimeDelta::seconds(2)));
    }

    #[test]
    fn a_known_browser_answers_only_for_itself_and_logins_ignore_case_and_spaces() {
        let known = Counter::for_attempt(" QuanTri ", "203.0.113.9", Some("ab12"));
        assert_eq!(known.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(), ["device:ab12"]);
        let unknown = Counter::for_attempt(" QuanTri ", "203.0.113.9", None);
        assert_eq!(
            unknown.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(),
            ["pair:quantri|203.0.113.9", "address:203.0.113.9", "account:quantri"]
        );
        assert!(!unknown[1].cleared_by_success() && unknown[0].cleared_by_success());
    }
}
