use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::EditorError;
use crate::models::ArticleForm;

/// Keeps the form as this account's unsaved changes to article `id` (started from `version`):
/// the article itself, its version and what readers see do not change.
#[server(endpoint = "autosave_article")]
pub async fn autosave_article(id: i32, version: i32, form: ArticleForm) -> Result<DateTime<Utc>, EditorError> {
    use service::editorial::autosave;

    use crate::admin::articles::ssr::{editor_error, fields_of};
    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::ssr::{app_state, database_error};

    let account = require_staff(ALL_STAFF).await?;
    let state = app_state()?;
    let txn = state.db.begin_write().await.map_err(database_error)?;
    let saved_at =
        autosave::keep(&txn, &account, id, version, &fields_of(form), state.clock.now()).await.map_err(editor_error)?;
    txn.commit().await.map_err(database_error)?;
    Ok(saved_at)
}

/// Forgets this account's autosaved changes to article `id` (the editor chose not to restore them).
#[server(endpoint = "discard_autosave")]
pub async fn discard_autosave(id: i32) -> Result<(), EditorError> {
    use service::editorial::autosave;

    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::ssr::{app_state, database_error};

    let account = require_staff(ALL_STAFF).await?;
    let state = app_state()?;
    let txn = state.db.begin_write().await.map_err(database_error)?;
    autosave::discard(&txn, id, account.id).await.map_err(database_error)?;
    txn.commit().await.map_err(database_error)?;
    Ok(())
}
