//! Slowing down, then blocking, repeated failed sign-ins, per account and per address. Kept in
//! the database so that every server process sees the same counts.

use chrono::{DateTime, TimeDelta, Utc};
use entity::sign_in_throttle;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

/// When failures start to cost waiting time, and when they block sign-in outright.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Failures allowed without waiting.
    pub free_failures: i32,
    /// Failures after which sign-in is blocked for [`BLOCK_FOR`].
    pub block_after: i32,
}

/// One person mistyping a password a few times must never be blocked.
pub const PER_ACCOUNT: Limits = Limits { free_failures: 3, block_after: 10 };
/// Looser, because a whole office may share one address.
pub const PER_ADDRESS: Limits = Limits { free_failures: 10, block_after: 30 };

pub const BLOCK_FOR: TimeDelta = TimeDelta::minutes(15);
/// Failures older than this are forgotten.
const FORGET_AFTER: TimeDelta = TimeDelta::minutes(15);

pub fn account_key(login: &str) -> String {
    format!("account:{}", login.trim().to_lowercase())
}

pub fn address_key(address: &str) -> String {
    format!("address:{address}")
}

/// How long sign-in waits after the `failures`-th failure in a row: nothing at first, then
/// doubling from 2 seconds, then [`BLOCK_FOR`].
pub fn wait_after(failures: i32, limits: Limits) -> Option<TimeDelta> {
    if failures >= limits.block_after {
        Some(BLOCK_FOR)
    } else if failures > limits.free_failures {
        let doublings = (failures - limits.free_failures).min(10) as u32;
        Some(TimeDelta::seconds(1 << doublings).min(BLOCK_FOR))
    } else {
        None
    }
}

/// The latest time until which any of `keys` is blocked, if that is after `now`.
pub async fn blocked_until(
    db: &impl ConnectionTrait,
    keys: &[String],
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    let rows = sign_in_throttle::Entity::find()
        .filter(sign_in_throttle::Column::Key.is_in(keys.iter().cloned()))
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|row| row.blocked_until).filter(|until| *until > now).max())
}

/// Counts a failed sign-in against `key`.
pub async fn record_failure(
    db: &impl ConnectionTrait,
    key: &str,
    limits: Limits,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let existing = sign_in_throttle::Entity::find_by_id(key.to_owned()).one(db).await?;
    let earlier =
        existing.as_ref().filter(|row| now - row.last_failure_at < FORGET_AFTER).map_or(0, |row| row.failures);
    let failures = earlier + 1;
    let row = sign_in_throttle::ActiveModel {
        key: Set(key.to_owned()),
        failures: Set(failures),
        last_failure_at: Set(now),
        blocked_until: Set(wait_after(failures, limits).map(|wait| now + wait)),
    };
    if existing.is_some() {
        row.update(db).await?;
    } else {
        row.insert(db).await?;
    }
    Ok(())
}

/// Forgets the failures of `key` after a successful sign-in.
pub async fn clear(db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    sign_in_throttle::Entity::delete_by_id(key.to_owned()).exec(db).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_mistakes_cost_nothing_then_waits_double_then_sign_in_is_blocked() {
        let waits: Vec<_> = (1..=11).map(|n| wait_after(n, PER_ACCOUNT).map(|w| w.num_seconds())).collect();
        assert_eq!(
            waits,
            [None, None, None, Some(2), Some(4), Some(8), Some(16), Some(32), Some(64), Some(900), Some(900)]
        );
    }

    #[test]
    fn an_address_gets_more_room_than_an_account() {
        assert_eq!(wait_after(10, PER_ADDRESS), None);
        assert_eq!(wait_after(11, PER_ADDRESS), Some(TimeDelta::seconds(2)));
        assert_eq!(wait_after(29, PER_ADDRESS), Some(BLOCK_FOR));
        assert_eq!(wait_after(30, PER_ADDRESS), Some(BLOCK_FOR));
    }

    #[test]
    fn account_keys_ignore_case_and_spaces() {
        assert_eq!(account_key(" QuanTri "), "account:quantri");
    }
}
