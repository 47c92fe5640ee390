//! When what anonymous readers see last changed, and when it will change by itself next (a scheduled
//! publication). The page cache compares this between requests: while it is the same, a page
//! rendered earlier is still the page a new render would give (apart from the visitor numbers).
//!
//! Every change made in the back office is written to the audit log in the same transaction
//! (`audit::record`), and the import command updates articles' `updated_at`, so together the two
//! cover every writer, in this process or another one (several app servers on PostgreSQL).

use chrono::{DateTime, NaiveDate, Utc};
use entity::article::{self, ArticleStatus};
use entity::{audit_log, legal_document};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::articles::newest_visible;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReaderContentRevision {
    /// The newest audit-log entry.
    pub last_audited_change: Option<(i32, DateTime<Utc>)>,
    /// The newest change to any article row (imports are not audited).
    pub last_article_update: Option<DateTime<Utc>>,
    /// The newest change to any legal document (the same, for the documents' import).
    pub last_document_update: Option<DateTime<Utc>>,
    /// The newest publication readers can already see.
    pub last_publication: Option<DateTime<Utc>>,
    /// The next scheduled publication: pages must be rendered again at that moment.
    pub next_publication: Option<DateTime<Utc>>,
    /// The day in Vietnam: legal documents come into and go out of force at midnight, so pages
    /// showing their effect are rendered again each day.
    pub site_day: Option<NaiveDate>,
}

impl ReaderContentRevision {
    /// When readers' pages last changed: the newest of the three changes above.
    pub fn changed_at(&self) -> Option<DateTime<Utc>> {
        [
            self.last_audited_change.map(|(_, at)| at),
            self.last_article_update,
            self.last_document_update,
            self.last_publication,
        ]
        .into_iter()
        .flatten()
        .max()
    }

    /// Whether a scheduled publication has come due since this was read.
    pub fn outdated_by_schedule(&self, now: DateTime<Utc>) -> bool {
        self.next_publication.is_some_and(|at| at <= now)
    }
}

/// Five single-row lookups, each answered from an index (`updated_at` of documents: migration 14).
pub async fn revision(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<ReaderContentRevision, DbErr> {
    let last_audited_change = audit_log::Entity::find()
        .select_only()
        .column(audit_log::Column::Id)
        .column(audit_log::Column::At)
        .order_by_desc(audit_log::Column::Id)
        .into_tuple::<(i32, DateTime<Utc>)>()
        .one(db)
        .await?;
    let last_article_update = article::Entity::find()
        .select_only()
        .column(article::Column::UpdatedAt)
        .order_by_desc(article::Column::UpdatedAt)
        .into_tuple::<DateTime<Utc>>()
        .one(db)
        .await?;
    let last_document_update = legal_document::Entity::find()
        .select_only()
        .column(legal_document::Column::UpdatedAt)
        .order_by_desc(legal_document::Column::UpdatedAt)
        .into_tuple::<DateTime<Utc>>()
        .one(db)
        .await?;
    let last_publication = newest_visible(now)
        .select_only()
        .column(article::Column::PublishedAt)
        .into_tuple::<Option<DateTime<Utc>>>()
        .one(db)
        .await?
        .flatten();
    let next_publication = article::Entity::find()
        .select_only()
        .column(article::Column::PublishedAt)
        .filter(article::Column::Status.eq(ArticleStatus::Published))
        .filter(article::Column::PublishedAt.gt(now))
        .order_by_asc(article::Column::PublishedAt)
        .into_tuple::<Option<DateTime<Utc>>>()
        .one(db)
        .await?
        .flatten();
    let site_day = Some(crate::clock::site_day(now));
    Ok(ReaderContentRevision {
        last_audited_change,
        last_article_update,
        last_document_update,
        last_publication,
        next_publication,
        site_day,
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 29, hour, 0, 0).unwrap()
    }

    #[test]
    fn changed_at_is_the_newest_of_the_changes() {
        let revision = ReaderContentRevision {
            last_audited_change: Some((7, at(3))),
            last_article_update: Some(at(5)),
            last_document_update: Some(at(2)),
            last_publication: Some(at(4)),
            next_publication: Some(at(9)),
            site_day: None,
        };
        assert_eq!(revision.changed_at(), Some(at(5)));
        assert_eq!(ReaderContentRevision::default().changed_at(), None);
    }

    #[test]
    fn a_scheduled_publication_outdates_the_revision_when_it_comes_due() {
        let revision = ReaderContentRevision { next_publication: Some(at(9)), ..Default::default() };
        assert!(!revision.outdated_by_schedule(at(8)));
        assert!(revision.outdated_by_schedule(at(9)));
        assert!(!ReaderContentRevision::default().outdated_by_schedule(at(23)));
    }
}
