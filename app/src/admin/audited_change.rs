//! One back-office change to the site's structure: the role check, the change and its audit-log
//! entry in one transaction.

use std::future::Future;
use std::pin::Pin;

use entity::user::Role;
use leptos::prelude::ServerFnError;
use sea_orm::DatabaseTransaction;
use service::audit::{self, Actor, Entry};

use crate::auth::ssr::require_staff;
use crate::ssr::{app_state, database_error};

/// What a change did: the id it touched and a summary for the log.
pub type Applied<'a> = Pin<Box<dyn Future<Output = Result<(Option<i32>, String), ServerFnError>> + Send + 'a>>;

pub async fn audited_change(
    allowed: &[Role],
    action: &'static str,
    target_kind: &'static str,
    apply: impl for<'a> FnOnce(&'a DatabaseTransaction) -> Applied<'a>,
) -> Result<(), ServerFnError> {
    let account = require_staff(allowed).await?;
    let state = app_state()?;
    let txn = state.db.begin_write().await.map_err(database_error)?;
    let (target_id, summary) = apply(&txn).await?;
    let entry = Entry { action, target_kind, target_id, summary };
    audit::record(&txn, &Actor::from(&account), entry, chrono::Utc::now()).await.map_err(database_error)?;
    txn.commit().await.map_err(database_error)
}

/// Records a change made by `account` outside [`audited_change`] (one whose data-layer function
/// opens its own transaction).
pub async fn record_change(
    account: &entity::user::Model,
    action: &'static str,
    target_kind: &'static str,
    summary: String,
) -> Result<(), ServerFnError> {
    let state = app_state()?;
    let txn = state.db.begin_write().await.map_err(database_error)?;
    let entry = Entry { action, target_kind, target_id: None, summary };
    audit::record(&txn, &Actor::from(account), entry, chrono::Utc::now()).await.map_err(database_error)?;
    txn.commit().await.map_err(database_error)
}
