use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The log's filters as they stand in the address (`/quan-tri/nhat-ky?nguoi=…`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    pub username: String,
    /// `article`, `settings`, …: what the change was made to; empty for everything.
    pub kind: String,
    /// `YYYY-MM-DD`, inclusive.
    pub from: String,
    pub to: String,
    pub page: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub username: String,
    pub action: String,
    pub target: Option<String>,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLog {
    pub entries: Vec<AuditEntry>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
}

pub const ENTRIES_PER_PAGE: u64 = 50;

/// Every back-office change, newest first. Administrators only.
#[server(endpoint = "get_audit_log")]
pub async fn get_audit_log(query: AuditQuery) -> Result<AuditLog, ServerFnError> {
    use entity::user::Role;
    use http::StatusCode;
    use service::audit::{self, AuditFilter};

    use crate::auth::ssr::require_staff;
    use crate::ssr::local_days::{end_of_day, parse_range, start_of_day};
    use crate::ssr::{app_state, database_error, refuse};

    require_staff(&[Role::Admin]).await?;
    let (from, to) = parse_range(&query.from, &query.to).map_err(|problem| refuse(StatusCode::BAD_REQUEST, problem))?;
    let filter = AuditFilter {
        username: Some(query.username.trim().to_lowercase()).filter(|name| !name.is_empty()),
        target_kind: Some(query.kind.clone()).filter(|kind| !kind.is_empty()),
        from: from.map(start_of_day),
        until: to.and_then(end_of_day),
        ..Default::default()
    };
    let page = query.page.max(1);
    let db = app_state()?.db.clone();
    let (rows, total) = audit::list(db.reader(), &filter, page, ENTRIES_PER_PAGE).await.map_err(database_error)?;
    Ok(AuditLog {
        entries: rows
            .into_iter()
            .map(|row| AuditEntry {
                at: row.at,
                username: row.username,
                target: row.target_id.map(|id| format!("{} #{id}", row.target_kind)),
                action: row.action,
                summary: row.summary,
            })
            .collect(),
        total,
        page,
        pages: total.div_ceil(ENTRIES_PER_PAGE).max(1),
    })
}
