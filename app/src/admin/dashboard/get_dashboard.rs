use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::{ArticleRow, StaffMember, VisitorStats, WorkflowStatus};

/// A change from the audit log, as the dashboard lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub at: DateTime<Utc>,
    pub username: String,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub staff: StaffMember,
    pub visitor_stats: VisitorStats,
    pub counts: Vec<(WorkflowStatus, u64)>,
    /// Submitted articles, oldest first: the review queue (editors only).
    pub waiting_for_review: Vec<ArticleRow>,
    /// The latest back-office changes, from the audit log (administrators only, as the log).
    pub recent_activity: Vec<Activity>,
}

#[server(endpoint = "get_dashboard")]
pub async fn get_dashboard() -> Result<Dashboard, ServerFnError> {
    use entity::article::ArticleStatus;
    use entity::user::Role;
    use service::audit::{self, AuditFilter};
    use service::editorial::listing::{self, ArticleFilter, SortOrder};
    use service::editorial::permissions::sees_all_articles;

    use crate::admin::articles::article_row;
    use crate::auth::ssr::{ALL_STAFF, require_staff, staff_member};
    use crate::ssr::{CategoryIndex, app_state, database_error, visitor_stats};

    const QUEUE: u64 = 10;
    const ACTIVITY: u64 = 10;

    let account = require_staff(ALL_STAFF).await?;
    let state = app_state()?;
    let db = state.db.reader();
    let now = state.clock.now();
    let sees_all = sees_all_articles(account.role);
    let own = (!sees_all).then_some(account.id);
    let counts = listing::count_by_status(db, own).await.map_err(database_error)?;
    let waiting_for_review = if sees_all {
        let index = CategoryIndex::new(service::categories::all(db).await.map_err(database_error)?);
        let staff = service::users::all(db).await.map_err(database_error)?;
        let queue = ArticleFilter {
            status: Some(ArticleStatus::Pending),
            sort: SortOrder::OldestUpdated,
            ..Default::default()
        };
        let (rows, _) = listing::list(db, &queue, 1, QUEUE).await.map_err(database_error)?;
        rows.into_iter().map(|row| article_row(row, &index, &staff, now)).collect()
    } else {
        Vec::new()
    };
    let recent_activity = if account.role == Role::Admin {
        let (entries, _) = audit::list(db, &AuditFilter::default(), 1, ACTIVITY).await.map_err(database_error)?;
        entries
            .into_iter()
            .map(|entry| Activity { at: entry.at, username: entry.username, summary: entry.summary })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Dashboard {
        staff: staff_member(&account),
        visitor_stats: visitor_stats(state.visitors.numbers()),
        counts: counts
            .into_iter()
            .map(|(status, count)| (crate::admin::articles::workflow_status(status, None, now), count))
            .collect(),
        waiting_for_review,
        recent_activity,
    })
}
