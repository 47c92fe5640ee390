use leptos::prelude::*;

/// Deletes a file that no article uses; otherwise answers 409 naming the articles.
#[server(endpoint = "delete_media")]
pub async fn delete_media(id: i32) -> Result<(), ServerFnError> {
    use entity::user::Role;
    use service::audit::{self, Actor, Entry};
    use service::media_library;

    use super::ssr::refusal;
    use crate::auth::ssr::require_staff;
    use crate::ssr::{app_state, database_error};

    let account = require_staff(&[Role::Admin, Role::Editor]).await?;
    let state = app_state()?;
    let txn = state.db.begin_write().await.map_err(database_error)?;
    let row = media_library::delete(&txn, id).await.map_err(refusal)?;
    let summary = format!("Xoá “{}” ({})", row.original_name, row.file_name);
    let entry = Entry { action: "media.delete", target_kind: "media", target_id: Some(id), summary };
    audit::record(&txn, &Actor::from(&account), entry, chrono::Utc::now()).await.map_err(database_error)?;
    txn.commit().await.map_err(database_error)?;
    // Only once the row is gone for good may its files go.
    if let Err(error) = media_library::delete_files(&state.db, state.media.store.as_ref(), &row).await {
        tracing::warn!(%error, file = row.file_name, "a deleted file's copies could not all be removed");
    }
    Ok(())
}
