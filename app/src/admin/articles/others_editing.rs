use std::time::Duration;

use leptos::prelude::*;

use super::EditorError;

/// Reports that this account has article `id` open, and answers who else has it open.
#[server(endpoint = "editing_presence")]
pub async fn editing_presence(id: i32) -> Result<Vec<String>, EditorError> {
    use crate::admin::articles::ssr::{editor_database_error, editor_error};
    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::ssr::app_state;

    let account = require_staff(ALL_STAFF).await?;
    let state = app_state()?;
    let txn = state.db.begin_write().await.map_err(editor_database_error)?;
    let others =
        service::editorial::presence::mark_open(&txn, &account, id, chrono::Utc::now()).await.map_err(editor_error)?;
    txn.commit().await.map_err(editor_database_error)?;
    Ok(others.into_iter().map(|other| other.display_name).collect())
}

/// How often an open editing page reports itself (well inside the server's 60-second window).
const REPORT_EVERY: Duration = Duration::from_secs(20);

/// "Đang mở bài này: …", kept current while the page stays open. Only the browser asks: the
/// answer changes from moment to moment, so the server-rendered page leaves it out and hydration
/// has nothing to match.
#[component]
pub fn OthersEditing(id: i32) -> impl IntoView {
    let reports = RwSignal::new(0u32);
    let others = LocalResource::new(move || {
        reports.track();
        editing_presence(id)
    });
    Effect::new(move |_| {
        let timer = set_interval_with_handle(move || reports.update(|n| *n += 1), REPORT_EVERY).ok();
        on_cleanup(move || {
            if let Some(timer) = timer {
                timer.clear();
            }
        });
    });
    move || {
        others.get().and_then(Result::ok).filter(|names| !names.is_empty()).map(|names| {
            view! {
                <p class="others-editing" role="status">
                    {format!("Đang mở bài này: {}. Nếu hai người cùng lưu, người lưu sau sẽ được báo để so sánh.", names.join(", "))}
                </p>
            }
        })
    }
}
