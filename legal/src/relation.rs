//! How one document acts on another. A relation is stored once, from the document that acts
//! (`source`) to the one it acts on (`target`), and read in both directions: the page of a
//! decision lists what it replaces and also the documents that replace it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RelationKind {
    /// Thay thế: the target ends, wholly, when the source takes effect.
    Replaces,
    /// Sửa đổi, bổ sung: the target stays in force with changed provisions.
    Amends,
    /// Bãi bỏ: the target ends, wholly, when the source takes effect.
    RepealsWholly,
    /// Bãi bỏ một phần: some provisions of the target end when the source takes effect.
    RepealsPartly,
    /// Hướng dẫn, quy định chi tiết: the source implements the target.
    Implements,
    /// Căn cứ: the target is the source's legal basis.
    BasedOn,
    /// Liên quan: related, in neither direction.
    Related,
}

/// What a relation does to the target's effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EffectOnTarget {
    /// The target is no longer in force from the source's effective date.
    EndsWholly,
    /// Part of the target is no longer in force from the source's effective date.
    EndsPartly,
    None,
}

impl RelationKind {
    pub const ALL: [Self; 7] = [
        Self::Replaces,
        Self::Amends,
        Self::RepealsWholly,
        Self::RepealsPartly,
        Self::Implements,
        Self::BasedOn,
        Self::Related,
    ];

    /// The name stored in the database and used in forms and import files.
    pub fn code(self) -> &'static str {
        match self {
            Self::Replaces => "replaces",
            Self::Amends => "amends",
            Self::RepealsWholly => "repeals",
            Self::RepealsPartly => "repeals_partly",
            Self::Implements => "implements",
            Self::BasedOn => "based_on",
            Self::Related => "related",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    pub fn effect_on_target(self) -> EffectOnTarget {
        match self {
            Self::Replaces | Self::RepealsWholly => EffectOnTarget::EndsWholly,
            Self::RepealsPartly => EffectOnTarget::EndsPartly,
            Self::Amends | Self::Implements | Self::BasedOn | Self::Related => EffectOnTarget::None,
        }
    }

    /// The heading on the source's page over the documents it acts on ("Văn bản này thay thế").
    pub fn acts_on_heading(self) -> &'static str {
        match self {
            Self::Replaces => "Thay thế văn bản",
            Self::Amends => "Sửa đổi, bổ sung văn bản",
            Self::RepealsWholly => "Bãi bỏ văn bản",
            Self::RepealsPartly => "Bãi bỏ một phần văn bản",
            Self::Implements => "Hướng dẫn, quy định chi tiết văn bản",
            Self::BasedOn => "Văn bản căn cứ",
            Self::Related => "Văn bản liên quan",
        }
    }

    /// The heading on the target's page over the documents acting on it ("Văn bản thay thế").
    pub fn acted_on_by_heading(self) -> &'static str {
        match self {
            Self::Replaces => "Văn bản thay thế",
            Self::Amends => "Văn bản sửa đổi, bổ sung",
            Self::RepealsWholly => "Văn bản bãi bỏ",
            Self::RepealsPartly => "Văn bản bãi bỏ một phần",
            Self::Implements => "Văn bản hướng dẫn, quy định chi tiết",
            Self::BasedOn => "Văn bản lấy văn bản này làm căn cứ",
            Self::Related => "Văn bản liên quan",
        }
    }

    /// The verb in the target's effect badge: "bị thay thế bởi 20/2024/QĐ-UBND".
    pub fn passive_verb(self) -> &'static str {
        match self {
            Self::Replaces => "bị thay thế bởi",
            Self::Amends => "được sửa đổi, bổ sung bởi",
            Self::RepealsWholly => "bị bãi bỏ bởi",
            Self::RepealsPartly => "bị bãi bỏ một phần bởi",
            Self::Implements => "được hướng dẫn bởi",
            Self::BasedOn => "là căn cứ của",
            Self::Related => "liên quan đến",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_code() {
        for kind in RelationKind::ALL {
            assert_eq!(RelationKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(RelationKind::from_code("replaced_by"), None);
    }

    #[test]
    fn only_replacing_and_repealing_end_the_target() {
        let ending: Vec<RelationKind> =
            RelationKind::ALL.into_iter().filter(|kind| kind.effect_on_target() != EffectOnTarget::None).collect();
        assert_eq!(ending, [RelationKind::Replaces, RelationKind::RepealsWholly, RelationKind::RepealsPartly]);
    }
}
