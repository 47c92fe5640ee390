use leptos::prelude::*;

use super::EditorError;

/// Deletes every article in the trash for good (administrators only); answers how many.
#[server(endpoint = "empty_trash")]
pub async fn empty_trash() -> Result<u64, EditorError> {
    use service::editorial::editing;

    use crate::admin::articles::ssr::editor_error;
    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::ssr::{app_state, database_error};

    let account = require_staff(ALL_STAFF).await?;
    let state = app_state()?;
    let txn = state.db.begin_write().await.map_err(database_error)?;
    let deleted = editing::empty_trash(&txn, &account, state.clock.now()).await.map_err(editor_error)?;
    txn.commit().await.map_err(database_error)?;
    Ok(deleted)
}
