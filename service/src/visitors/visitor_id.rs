//! Recognising a returning visitor without keeping who they are: a hash of their address and
//! browser, salted with a random secret that changes every local day and is then deleted.

use chrono::{DateTime, NaiveDate, Utc};
use entity::visitor_salt;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

use super::rules::VisitRules;

/// A visitor's hash for one day. 128 bits: collisions are negligible at any site's scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VisitorHash([u8; 16]);

impl VisitorHash {
    pub fn to_hex(self) -> String {
        hex::encode(self.0)
    }
}

/// Today's hash and, just after midnight, yesterday's, so a visit that crosses midnight goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct VisitorId {
    pub current: VisitorHash,
    pub previous: Option<VisitorHash>,
}

/// The salts in use on one local day.
#[derive(Clone, Debug)]
pub struct DaySalts {
    pub day: NaiveDate,
    current: [u8; 32],
    previous: Option<[u8; 32]>,
}

impl DaySalts {
    /// The visitor behind `address` and `user_agent` at `now`.
    pub fn visitor(&self, rules: &VisitRules, address: &str, user_agent: &str, now: DateTime<Utc>) -> VisitorId {
        let previous = self.previous.filter(|_| rules.yesterday_still_matters(now));
        VisitorId {
            current: salted_hash(&self.current, address, user_agent),
            previous: previous.map(|salt| salted_hash(&salt, address, user_agent)),
        }
    }

    pub fn has_yesterday(&self) -> bool {
        self.previous.is_some()
    }

    /// Drops yesterday's salt from memory once it can no longer matter.
    pub fn forget_yesterday(&mut self) {
        self.previous = None;
    }
}

fn salted_hash(salt: &[u8; 32], address: &str, user_agent: &str) -> VisitorHash {
    let digest = Sha256::new()
        .chain_update(salt)
        .chain_update(address.as_bytes())
        .chain_update([0])
        .chain_update(user_agent.as_bytes())
        .finalize();
    let mut hash = [0; 16];
    hash.copy_from_slice(&digest[..16]);
    VisitorHash(hash)
}

/// The salts for `day`, creating the day's salt if this is the first server to need it. Every
/// server process reads the same row, so a visitor has one hash whichever server they reach.
pub async fn salts_for(db: &impl ConnectionTrait, day: NaiveDate) -> Result<DaySalts, DbErr> {
    let mut fresh = [0u8; 32];
    getrandom::fill(&mut fresh).map_err(|e| DbErr::Custom(format!("no randomness for the visitor salt: {e}")))?;
    visitor_salt::Entity::insert(visitor_salt::ActiveModel { day: Set(day), salt: Set(hex::encode(fresh)) })
        .on_conflict(OnConflict::column(visitor_salt::Column::Day).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    let yesterday = day.pred_opt().expect("a day before");
    let rows = visitor_salt::Entity::find().filter(visitor_salt::Column::Day.between(yesterday, day)).all(db).await?;
    let salt_of = |wanted: NaiveDate| rows.iter().find(|row| row.day == wanted).and_then(|row| decode_salt(&row.salt));
    let current = salt_of(day).ok_or_else(|| DbErr::Custom(format!("the visitor salt for {day} is unreadable")))?;
    Ok(DaySalts { day, current, previous: salt_of(yesterday) })
}

fn decode_salt(text: &str) -> Option<[u8; 32]> {
    hex::decode(text).ok()?.try_into().ok()
}

/// Deletes the salts of days before `day`, after which earlier hashes cannot be linked to anyone.
pub async fn forget_salts_before(db: &impl ConnectionTrait, day: NaiveDate) -> Result<(), DbErr> {
    visitor_salt::Entity::delete_many().filter(visitor_salt::Column::Day.lt(day)).exec(db).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn salts(previous: Option<[u8; 32]>) -> DaySalts {
        DaySalts { day: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(), current: [1; 32], previous }
    }

    #[test]
    fn the_same_visitor_gets_the_same_hash_and_others_differ() {
        let rules = VisitRules::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 29, 3, 0, 0).unwrap();
        let salts = salts(None);
        let a = salts.visitor(&rules, "203.0.113.7", "Firefox", now);
        assert_eq!(a, salts.visitor(&rules, "203.0.113.7", "Firefox", now));
        assert_ne!(a.current, salts.visitor(&rules, "203.0.113.8", "Firefox", now).current);
        assert_ne!(a.current, salts.visitor(&rules, "203.0.113.7", "Chrome", now).current);
        // The separator keeps "a" + "bc" apart from "ab" + "c".
        assert_ne!(salts.visitor(&rules, "a", "bc", now).current, salts.visitor(&rules, "ab", "c", now).current);
        assert!(!a.current.to_hex().contains("203"), "the hash does not reveal the address");
    }

    #[test]
    fn yesterdays_hash_is_offered_only_just_after_midnight() {
        let rules = VisitRules::default();
        let salts = salts(Some([2; 32]));
        let just_after_midnight = Utc.with_ymd_and_hms(2026, 11, 28, 17, 10, 0).unwrap();
        let later = Utc.with_ymd_and_hms(2026, 11, 28, 17, 40, 0).unwrap();
        let early = salts.visitor(&rules, "203.0.113.7", "Firefox", just_after_midnight);
        assert!(early.previous.is_some_and(|previous| previous != early.current));
        assert_eq!(salts.visitor(&rules, "203.0.113.7", "Firefox", later).previous, None);
    }
}
