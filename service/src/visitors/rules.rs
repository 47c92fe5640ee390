//! The counting rules, kept free of storage so they can be tested on their own.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, Utc};

/// How visits and "Đang online" are defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisitRules {
    /// A visit ends after this long without a page view.
    pub visit_gap: TimeDelta,
    /// A visitor is online for this long after a page view or a live-connection heartbeat.
    pub online_window: TimeDelta,
    /// The site's time zone. Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), so a
    /// fixed offset is exact for Vietnamese sites.
    pub utc_offset: FixedOffset,
}

impl Default for VisitRules {
    fn default() -> Self {
        Self {
            visit_gap: TimeDelta::minutes(30),
            online_window: TimeDelta::minutes(5),
            utc_offset: crate::clock::site_time_zone(),
        }
    }
}

impl VisitRules {
    /// The site's calendar day at `at`: the day turns over at local midnight, not UTC.
    pub fn local_day(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.utc_offset).date_naive()
    }

    /// The moment `day` begins in the site's time zone.
    pub fn day_start(&self, day: NaiveDate) -> DateTime<Utc> {
        let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
        (midnight - self.utc_offset).and_utc()
    }

    /// How long a presence row can still matter, for the visit rule or the online count.
    pub fn presence_horizon(&self) -> TimeDelta {
        self.visit_gap.max(self.online_window)
    }

    /// Whether yesterday's hashes may still continue a visit: only until the visit gap after
    /// local midnight has passed, then yesterday's salt is forgotten.
    pub fn yesterday_still_matters(&self, now: DateTime<Utc>) -> bool {
        now < self.day_start(self.local_day(now)) + self.visit_gap
    }
}

/// What is known of a visitor: their current visit and when they were last seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Presence {
    pub visit_started: Option<DateTime<Utc>>,
    pub last_view: Option<DateTime<Utc>>,
    pub last_active: DateTime<Utc>,
}

/// One visitor's activity since the last time counts were stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Activity {
    pub first_view: Option<DateTime<Utc>>,
    pub last_view: Option<DateTime<Utc>>,
    pub last_active: DateTime<Utc>,
}

impl Activity {
    pub fn page_view(at: DateTime<Utc>) -> Self {
        Self { first_view: Some(at), last_view: Some(at), last_active: at }
    }

    /// An open live connection: keeps the visitor online without being a page view.
    pub fn heartbeat(at: DateTime<Utc>) -> Self {
        Self { first_view: None, last_view: None, last_active: at }
    }

    pub fn merge(&mut self, other: Activity) {
        self.first_view = earliest(self.first_view, other.first_view);
        self.last_view = self.last_view.max(other.last_view);
        self.last_active = self.last_active.max(other.last_active);
    }
}

fn earliest(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Applies new activity to what was known of a visitor. Returns the visitor's presence after it
/// and, when the activity began a new visit, the moment that visit started (which decides the
/// day it counts on).
pub fn apply(rules: &VisitRules, known: Option<Presence>, activity: Activity) -> (Presence, Option<DateTime<Utc>>) {
    let last_active = known.map_or(activity.last_active, |k| k.last_active.max(activity.last_active));
    let Some(first_view) = activity.first_view else {
        let presence = known
            .map_or(Presence { visit_started: None, last_view: None, last_active }, |k| Presence { last_active, ..k });
        return (presence, None);
    };
    let previous_view = known.and_then(|k| k.last_view);
    // Views can arrive out of order from several servers, so a view at or before the last one
    // always continues the visit.
    let continues = previous_view.is_some_and(|seen| first_view - seen <= rules.visit_gap);
    let (visit_started, new_visit) = if continues {
        (known.and_then(|k| k.visit_started).or(Some(first_view)), None)
    } else {
        (Some(first_view), Some(first_view))
    };
    let presence = Presence { visit_started, last_view: previous_view.max(activity.last_view), last_active };
    (presence, new_visit)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 28, h, m, 0).unwrap()
    }

    #[test]
    fn the_day_turns_over_at_midnight_in_vietnam_not_utc() {
        let rules = VisitRules::default();
        // 16:59 UTC is 23:59 in Hà Nội; 17:00 UTC is 00:00 the next day.
        assert_eq!(rules.local_day(at(16, 59)), NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
        assert_eq!(rules.local_day(at(17, 0)), NaiveDate::from_ymd_opt(2026, 11, 29).unwrap());
        assert_eq!(rules.day_start(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()), at(17, 0));
    }

    #[test]
    fn a_first_view_starts_a_visit() {
        let (presence, visit) = apply(&VisitRules::default(), None, Activity::page_view(at(9, 0)));
        assert_eq!(visit, Some(at(9, 0)));
        assert_eq!(presence.visit_started, Some(at(9, 0)));
    }

    #[test]
    fn views_within_thirty_minutes_continue_the_visit_and_a_longer_gap_starts_another() {
        let rules = VisitRules::default();
        let (presence, _) = apply(&rules, None, Activity::page_view(at(9, 0)));
        let (presence, visit) = apply(&rules, Some(presence), Activity::page_view(at(9, 30)));
        assert_eq!(visit, None, "exactly 30 minutes later is the same visit");
        let (presence, visit) = apply(&rules, Some(presence), Activity::page_view(at(10, 0)));
        assert_eq!(visit, None, "the gap is measured from the last view, not the first");
        assert_eq!(presence.visit_started, Some(at(9, 0)));
        let (presence, visit) = apply(&rules, Some(presence), Activity::page_view(at(10, 31)));
        assert_eq!(visit, Some(at(10, 31)));
        assert_eq!(presence.visit_started, Some(at(10, 31)));
    }

    #[test]
    fn a_visit_across_local_midnight_belongs_to_the_day_it_started() {
        let rules = VisitRules::default();
        // 23:50 and 00:10 local time.
        let (presence, visit) = apply(&rules, None, Activity::page_view(at(16, 50)));
        assert_eq!(rules.local_day(visit.unwrap()), NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
        let (_, visit) = apply(&rules, Some(presence), Activity::page_view(at(17, 10)));
        assert_eq!(visit, None, "the visit goes on; the new day does not count it again");
    }

    #[test]
    fn a_live_connection_keeps_a_visitor_online_without_a_visit() {
        let rules = VisitRules::default();
        let (presence, visit) = apply(&rules, None, Activity::heartbeat(at(9, 0)));
        assert_eq!((visit, presence.last_view, presence.last_active), (None, None, at(9, 0)));
        let (presence, visit) = apply(&rules, Some(presence), Activity::page_view(at(9, 5)));
        assert_eq!(visit, Some(at(9, 5)), "a page view after only a live connection is a visit");
        let (presence, _) = apply(&rules, Some(presence), Activity::heartbeat(at(9, 50)));
        assert_eq!(presence.last_active, at(9, 50));
        let (_, visit) = apply(&rules, Some(presence), Activity::page_view(at(9, 51)));
        assert_eq!(visit, Some(at(9, 51)), "heartbeats are not page views, so the 30-minute gap still ends the visit");
    }

    #[test]
    fn a_late_view_from_another_server_continues_the_visit() {
        let rules = VisitRules::default();
        let (presence, _) = apply(&rules, None, Activity::page_view(at(9, 1)));
        let (presence, visit) = apply(&rules, Some(presence), Activity::page_view(at(9, 0)));
        assert_eq!(visit, None);
        assert_eq!(presence.last_view, Some(at(9, 1)));
    }

    #[test]
    fn yesterdays_salt_matters_only_during_the_first_visit_gap_of_the_day() {
        let rules = VisitRules::default();
        assert!(rules.yesterday_still_matters(at(17, 29)));
        assert!(!rules.yesterday_still_matters(at(17, 30)));
    }
}
