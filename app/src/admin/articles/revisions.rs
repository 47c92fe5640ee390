use leptos::prelude::*;

use super::EditorError;
use crate::models::{FieldDiff, SavedArticle};

/// How version `to` of article `id` differs from version `from`.
#[server(endpoint = "compare_revisions")]
pub async fn compare_revisions(id: i32, from: i32, to: i32) -> Result<Vec<FieldDiff>, EditorError> {
    use service::editorial::editing;

    use crate::admin::articles::ssr::{editor_error, revision_changes};
    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::ssr::app_state;

    let account = require_staff(ALL_STAFF).await?;
    let db = app_state()?.db.clone();
    editing::find_for(db.reader(), &account, id).await.map_err(editor_error)?;
    let (before, after) = editing::revision_pair(db.reader(), id, from, to).await.map_err(editor_error)?;
    Ok(revision_changes(&before, &after))
}

/// Makes version `revision` of article `id` its newest version again; `version` is the one the
/// editor is looking at.
#[server(endpoint = "restore_revision")]
pub async fn restore_revision(id: i32, revision: i32, version: i32) -> Result<SavedArticle, EditorError> {
    use service::editorial::editing;

    use crate::admin::articles::ssr::editor_error;
    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::ssr::{app_state, database_error};

    let account = require_staff(ALL_STAFF).await?;
    let state = app_state()?;
    let txn = state.db.begin_write().await.map_err(database_error)?;
    let restored = editing::restore_revision(&txn, &account, id, revision, version, state.clock.now())
        .await
        .map_err(editor_error)?;
    txn.commit().await.map_err(database_error)?;
    Ok(SavedArticle { id: restored.id, version: restored.version })
}
