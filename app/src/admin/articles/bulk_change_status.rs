use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::EditorError;
use crate::models::WorkflowStep;

/// What a bulk action did: how many articles moved, and which could not, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkOutcome {
    pub changed: usize,
    pub refused: Vec<String>,
}

/// The steps the list offers for several articles at once.
pub const BULK_STEPS: [WorkflowStep; 3] = [WorkflowStep::Publish, WorkflowStep::Unpublish, WorkflowStep::Trash];

/// Takes `step` for each of `ids`, each checked like a single step. Articles it does not apply
/// to are listed, not a reason to stop the others.
#[server(endpoint = "bulk_change_status")]
pub async fn bulk_change_status(ids: Vec<i32>, step: WorkflowStep) -> Result<BulkOutcome, EditorError> {
    use http::StatusCode;
    use service::editorial::permissions::{ArticleAction, may};
    use service::editorial::{StepDetails, editing};

    use crate::admin::articles::ssr::{editor_error, transition};
    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::ssr::{app_state, database_error, refuse};

    const MAX_AT_ONCE: usize = 200;
    let account = require_staff(ALL_STAFF).await?;
    if !may(account.role, ArticleAction::Publish, None) {
        return Err(editor_error(editing::EditorialError::Forbidden));
    }
    if !BULK_STEPS.contains(&step) || ids.is_empty() || ids.len() > MAX_AT_ONCE {
        let message = format!(
            "Hãy chọn từ 1 đến {MAX_AT_ONCE} bài và một thao tác: xuất bản, gỡ xuống hoặc chuyển vào thùng rác."
        );
        return Err(refuse(StatusCode::BAD_REQUEST, message).into());
    }
    let state = app_state()?;
    let now = state.clock.now();
    let txn = state.db.begin_write().await.map_err(database_error)?;
    let mut outcome = BulkOutcome { changed: 0, refused: Vec::new() };
    for id in ids {
        match editing::apply(&txn, &account, id, transition(step), StepDetails::default(), now).await {
            Ok(_) => outcome.changed += 1,
            Err(error @ editing::EditorialError::Database(_)) => return Err(editor_error(error)),
            Err(refused) => {
                let title = editing::find(&txn, id).await.map(|a| a.title).unwrap_or_else(|_| format!("#{id}"));
                outcome.refused.push(format!("{title}: {refused}"));
            }
        }
    }
    txn.commit().await.map_err(database_error)?;
    Ok(outcome)
}
