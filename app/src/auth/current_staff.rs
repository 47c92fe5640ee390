use leptos::prelude::*;

use crate::models::StaffMember;

/// The signed-in account, or `None` for readers.
#[server(endpoint = "get_current_staff")]
pub async fn get_current_staff() -> Result<Option<StaffMember>, ServerFnError> {
    use super::ssr::{request_parts, signed_in, staff_member};
    use crate::ssr::{app_state, database_error};

    let state = app_state()?;
    let parts = request_parts()?;
    let account = signed_in(&state, &parts.headers).await.map_err(database_error)?;
    Ok(account.as_ref().map(staff_member))
}
