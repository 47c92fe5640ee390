use leptos::prelude::*;

use super::EditorError;
use crate::models::WorkflowStep;

/// Moves article `id` one step through the workflow. `publish_at` (`YYYY-MM-DDTHH:MM`, local time)
/// schedules a publication; `note` is the comment when sending an article back.
#[server(endpoint = "change_article_status")]
pub async fn change_article_status(
    id: i32,
    step: WorkflowStep,
    publish_at: Option<String>,
    note: Option<String>,
) -> Result<(), EditorError> {
    use service::editorial::StepDetails;
    use service::editorial::editing;

    use crate::admin::articles::ssr::{editor_error, transition};
    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::models::FieldMessage;
    use crate::ssr::{app_state, database_error, set_status};

    let account = require_staff(ALL_STAFF).await?;
    let state = app_state()?;
    let publish_at = match publish_at.as_deref().map(str::trim).filter(|value| !value.is_empty()) {
        None => None,
        Some(value) => match parse_local_minute(value) {
            Some(at) => Some(at),
            None => {
                set_status(http::StatusCode::UNPROCESSABLE_ENTITY);
                let message = format!("Thời điểm xuất bản “{value}” không hợp lệ; hãy chọn ngày và giờ.");
                return Err(EditorError::Invalid(vec![FieldMessage { field: "publish_at".into(), message }]));
            }
        },
    };
    let txn = state.db.begin_write().await.map_err(database_error)?;
    let details = StepDetails { publish_at, note };
    editing::apply(&txn, &account, id, transition(step), details, state.clock.now()).await.map_err(editor_error)?;
    txn.commit().await.map_err(database_error)?;
    Ok(())
}

/// A `datetime-local` value in the site's time zone.
#[cfg(feature = "ssr")]
fn parse_local_minute(value: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let local = chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M").ok()?;
    Some(local.and_local_timezone(crate::format::site_time_zone()).single()?.to_utc())
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn publication_times_are_local_to_vietnam() {
        let at = super::parse_local_minute("2026-12-01T08:30").unwrap();
        assert_eq!(at.to_rfc3339(), "2026-12-01T01:30:00+00:00");
        assert!(super::parse_local_minute("01/12/2026 08:30").is_none());
    }
}
