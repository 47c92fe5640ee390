//! Whether a document is in force, computed and never typed in: from its own dates (in force from,
//! and the optional end date written in it) and from the documents that replace or repeal it,
//! each acting from the day it itself takes effect. NukeViet's laws module keeps a typed-in
//! "still valid / expired" flag that goes stale the day a replacement takes effect.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::relation::{EffectOnTarget, RelationKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Effect {
    NotYetInForce,
    InForce,
    PartlyExpired,
    Expired,
}

impl Effect {
    pub const ALL: [Self; 4] = [Self::InForce, Self::PartlyExpired, Self::Expired, Self::NotYetInForce];

    pub fn label(self) -> &'static str {
        match self {
            Self::NotYetInForce => "Chưa có hiệu lực",
            Self::InForce => "Còn hiệu lực",
            Self::PartlyExpired => "Hết hiệu lực một phần",
            Self::Expired => "Hết hiệu lực toàn bộ",
        }
    }

    /// The value in links and forms: `/van-ban?hieu-luc=con-hieu-luc`.
    pub fn code(self) -> &'static str {
        match self {
            Self::NotYetInForce => "chua-co-hieu-luc",
            Self::InForce => "con-hieu-luc",
            Self::PartlyExpired => "het-hieu-luc-mot-phan",
            Self::Expired => "het-hieu-luc",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|effect| effect.code() == code)
    }
}

/// The effect on `today` of a document in force from `effective_from`, ended wholly from
/// `ended_on` and in part from `partly_ended_on`. The data layer filters and counts with the same
/// rule written in SQL over the same three stored dates.
pub fn effect(
    today: NaiveDate,
    effective_from: NaiveDate,
    ended_on: Option<NaiveDate>,
    partly_ended_on: Option<NaiveDate>,
) -> Effect {
    if ended_on.is_some_and(|day| day <= today) {
        Effect::Expired
    } else if effective_from > today {
        Effect::NotYetInForce
    } else if partly_ended_on.is_some_and(|day| day <= today) {
        Effect::PartlyExpired
    } else {
        Effect::InForce
    }
}

/// Another published document acting on this one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Act {
    pub kind: RelationKind,
    /// The acting document's number, for the reason shown to readers.
    pub by_number: String,
    /// The day the acting document takes effect, and with it the act.
    pub takes_effect_on: NaiveDate,
}

/// Why a document ends, wholly or in part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EndCause {
    /// The end date written in the document itself.
    OwnEndDate,
    Act(Act),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ending {
    pub on: NaiveDate,
    pub cause: EndCause,
}

/// A document's effect dates with their causes: what is stored (the dates) and what its page
/// explains (the causes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EffectDates {
    pub effective_from: NaiveDate,
    pub ended: Option<Ending>,
    pub partly_ended: Option<Ending>,
}

impl EffectDates {
    /// The earliest whole ending (the document's own end date, a replacement or a repeal) and
    /// the earliest partial repeal. On the same day an act wins over the end date: it says more.
    pub fn derive(
        effective_from: NaiveDate,
        effective_until: Option<NaiveDate>,
        acts: impl IntoIterator<Item = Act>,
    ) -> Self {
        let mut ended = effective_until.map(|on| Ending { on, cause: EndCause::OwnEndDate });
        let mut partly_ended: Option<Ending> = None;
        for act in acts {
            let slot = match act.kind.effect_on_target() {
                EffectOnTarget::EndsWholly => &mut ended,
                EffectOnTarget::EndsPartly => &mut partly_ended,
                EffectOnTarget::None => continue,
            };
            let earlier = slot.as_ref().is_none_or(|current| {
                act.takes_effect_on < current.on
                    || (act.takes_effect_on == current.on && current.cause == EndCause::OwnEndDate)
            });
            if earlier {
                *slot = Some(Ending { on: act.takes_effect_on, cause: EndCause::Act(act) });
            }
        }
        Self { effective_from, ended, partly_ended }
    }

    pub fn effect_on(&self, today: NaiveDate) -> Effect {
        effect(today, self.effective_from, self.ended_on(), self.partly_ended_on())
    }

    pub fn ended_on(&self) -> Option<NaiveDate> {
        self.ended.as_ref().map(|ending| ending.on)
    }

    pub fn partly_ended_on(&self) -> Option<NaiveDate> {
        self.partly_ended.as_ref().map(|ending| ending.on)
    }

    /// The reason beside the badge: "bị thay thế bởi 20/2024/QĐ-UBND từ 01/03/2024". A coming end
    /// is announced while the document is still in force ("sẽ hết hiệu lực từ …").
    pub fn reason_on(&self, today: NaiveDate) -> String {
        let effect = self.effect_on(today);
        let from = format!("có hiệu lực từ {}", day(self.effective_from));
        match effect {
            Effect::NotYetInForce => from,
            Effect::Expired => self.ended.as_ref().map(|ending| describe(ending, false)).unwrap_or_default(),
            Effect::PartlyExpired => {
                self.partly_ended.as_ref().map(|ending| describe(ending, false)).unwrap_or_default()
            }
            Effect::InForce => match &self.ended {
                Some(ending) => format!("{from}; {}", describe(ending, true)),
                None => from,
            },
        }
    }
}

fn describe(ending: &Ending, coming: bool) -> String {
    let will = if coming { "sẽ " } else { "" };
    match &ending.cause {
        EndCause::OwnEndDate => format!("{will}hết hiệu lực từ {}", day(ending.on)),
        EndCause::Act(act) => format!("{will}{} {} từ {}", act.kind.passive_verb(), act.by_number, day(ending.on)),
    }
}

/// dd/mm/yyyy, as Vietnamese documents write dates.
fn day(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn act(kind: RelationKind, by_number: &str, on: &str) -> Act {
        Act { kind, by_number: by_number.to_owned(), takes_effect_on: date(on) }
    }

    #[test]
    fn a_document_is_in_force_from_its_effective_date() {
        let dates = EffectDates::derive(date("2023-07-01"), None, []);
        assert_eq!(dates.effect_on(date("2023-06-30")), Effect::NotYetInForce);
        assert_eq!(dates.reason_on(date("2023-06-30")), "có hiệu lực từ 01/07/2023");
        assert_eq!(dates.effect_on(date("2023-07-01")), Effect::InForce);
        assert_eq!(dates.effect_on(date("2030-01-01")), Effect::InForce);
    }

    #[test]
    fn its_own_end_date_ends_it_on_that_day() {
        let dates = EffectDates::derive(date("2021-01-01"), Some(date("2026-01-01")), []);
        assert_eq!(dates.effect_on(date("2025-12-31")), Effect::InForce);
        assert_eq!(dates.reason_on(date("2025-12-31")), "có hiệu lực từ 01/01/2021; sẽ hết hiệu lực từ 01/01/2026");
        assert_eq!(dates.effect_on(date("2026-01-01")), Effect::Expired);
        assert_eq!(dates.reason_on(date("2026-01-01")), "hết hiệu lực từ 01/01/2026");
    }

    #[test]
    fn a_replacement_ends_it_when_the_replacement_takes_effect() {
        let dates = EffectDates::derive(
            date("2023-03-01"),
            None,
            [act(RelationKind::Replaces, "20/2024/QĐ-UBND", "2024-03-01")],
        );
        assert_eq!(dates.effect_on(date("2024-02-29")), Effect::InForce);
        assert_eq!(dates.effect_on(date("2024-03-01")), Effect::Expired);
        assert_eq!(dates.reason_on(date("2024-03-01")), "bị thay thế bởi 20/2024/QĐ-UBND từ 01/03/2024");
    }

    #[test]
    fn a_partial_repeal_then_a_whole_one() {
        let dates = EffectDates::derive(
            date("2020-01-01"),
            None,
            [
                act(RelationKind::RepealsWholly, "5/2025/QĐ-UBND", "2025-06-01"),
                act(RelationKind::RepealsPartly, "8/2022/QĐ-UBND", "2022-09-15"),
                act(RelationKind::Amends, "3/2021/QĐ-UBND", "2021-01-01"),
            ],
        );
        assert_eq!(dates.effect_on(date("2022-09-14")), Effect::InForce, "an amendment leaves it in force");
        assert_eq!(dates.effect_on(date("2022-09-15")), Effect::PartlyExpired);
        assert_eq!(dates.reason_on(date("2022-09-15")), "bị bãi bỏ một phần bởi 8/2022/QĐ-UBND từ 15/09/2022");
        assert_eq!(dates.effect_on(date("2025-06-01")), Effect::Expired);
        assert_eq!(dates.reason_on(date("2025-06-01")), "bị bãi bỏ bởi 5/2025/QĐ-UBND từ 01/06/2025");
    }

    #[test]
    fn replaced_before_it_took_effect_it_never_does() {
        let dates = EffectDates::derive(
            date("2027-01-01"),
            None,
            [act(RelationKind::Replaces, "1/2026/QĐ-UBND", "2026-12-01")],
        );
        assert_eq!(dates.effect_on(date("2026-11-30")), Effect::NotYetInForce);
        assert_eq!(dates.effect_on(date("2026-12-01")), Effect::Expired);
        assert_eq!(dates.effect_on(date("2027-02-01")), Effect::Expired);
    }

    #[test]
    fn the_earliest_ending_counts_and_on_one_day_the_act_explains_it() {
        let dates = EffectDates::derive(
            date("2020-01-01"),
            Some(date("2024-01-01")),
            [
                act(RelationKind::Replaces, "9/2024/QĐ-UBND", "2024-05-01"),
                act(RelationKind::RepealsWholly, "2/2024/QĐ-UBND", "2024-01-01"),
            ],
        );
        assert_eq!(dates.ended_on(), Some(date("2024-01-01")));
        assert_eq!(dates.reason_on(date("2024-02-01")), "bị bãi bỏ bởi 2/2024/QĐ-UBND từ 01/01/2024");
    }

    #[test]
    fn relations_that_do_not_end_it_change_nothing() {
        let acts = [RelationKind::Amends, RelationKind::Implements, RelationKind::BasedOn, RelationKind::Related]
            .map(|kind| act(kind, "1/2024/QĐ-UBND", "2024-01-01"));
        let dates = EffectDates::derive(date("2020-01-01"), None, acts);
        assert_eq!((dates.ended, dates.partly_ended), (None, None));
    }

    #[test]
    fn every_effect_reads_back_from_its_code() {
        for effect in Effect::ALL {
            assert_eq!(Effect::from_code(effect.code()), Some(effect));
        }
        assert_eq!(Effect::from_code("con"), None);
    }
}
