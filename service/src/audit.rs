//! The audit log: every change made in the back office, for administrators to review.

use chrono::{DateTime, Utc};
use entity::{audit_log, user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

/// Who did something, as the log names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// `None` for a command run on the server (an import), which no account signs.
    pub user_id: Option<i32>,
    pub username: String,
}

impl Actor {
    /// A task started from the server's command line.
    pub fn command_line(task: &str) -> Self {
        Self { user_id: None, username: format!("({task})") }
    }
}

impl From<&user::Model> for Actor {
    fn from(account: &user::Model) -> Self {
        Self { user_id: Some(account.id), username: account.username.clone() }
    }
}

/// One entry: `action` (e.g. `article.publish`) done to `target_kind` #`target_id`.
pub struct Entry<'a> {
    pub action: &'a str,
    pub target_kind: &'a str,
    pub target_id: Option<i32>,
    pub summary: String,
}

/// Records `entry`. Call it in the same transaction as the change, so the log never misses one.
pub async fn record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    entry: Entry<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        at: Set(now),
        user_id: Set(actor.user_id),
        username: Set(actor.username.clone()),
        action: Set(entry.action.to_owned()),
        target_kind: Set(entry.target_kind.to_owned()),
        target_id: Set(entry.target_id),
        summary: Set(entry.summary),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    pub username: Option<String>,
    /// Actions starting with this, e.g. `article.` for everything done to articles.
    pub action_prefix: Option<String>,
    pub target_kind: Option<String>,
    pub target_id: Option<i32>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

/// One page of entries matching `filter`, newest first, and how many match in all.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &AuditFilter,
    page: u64,
    per_page: u64,
) -> Result<(Vec<audit_log::Model>, u64), DbErr> {
    let mut query = audit_log::Entity::find();
    if let Some(username) = &filter.username {
        query = query.filter(audit_log::Column::Username.eq(username.as_str()));
    }
    if let Some(prefix) = &filter.action_prefix {
        query = query.filter(audit_log::Column::Action.starts_with(prefix.as_str()));
    }
    if let Some(kind) = &filter.target_kind {
        query = query.filter(audit_log::Column::TargetKind.eq(kind.as_str()));
    }
    if let Some(id) = filter.target_id {
        query = query.filter(audit_log::Column::TargetId.eq(id));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_log::Column::At.gte(from));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_log::Column::At.lt(until));
    }
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(audit_log::Column::At)
        .order_by_desc(audit_log::Column::Id)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok((rows, total))
}
