use leptos::prelude::*;

use super::EditorError;
use crate::models::{ArticleForm, SavedArticle};

/// Saves the form: a new draft when `id` is `None`, otherwise over `version`, the version the
/// editor started from (an outdated one is refused with the conflict, nothing stored).
#[server(endpoint = "save_article")]
pub async fn save_article(id: Option<i32>, version: i32, form: ArticleForm) -> Result<SavedArticle, EditorError> {
    use service::editorial::editing;

    use crate::admin::articles::ssr::{editor_error, fields_of};
    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::ssr::{app_state, database_error};

    let account = require_staff(ALL_STAFF).await?;
    let state = app_state()?;
    let now = state.clock.now();
    let fields = fields_of(form);
    let txn = state.db.begin_write().await.map_err(database_error)?;
    let saved = match id {
        None => editing::create_draft(&txn, &account, &fields, now).await,
        Some(id) => editing::save(&txn, &account, id, version, &fields, now).await,
    }
    .map_err(editor_error)?;
    txn.commit().await.map_err(database_error)?;
    Ok(SavedArticle { id: saved.id, version: saved.version })
}
