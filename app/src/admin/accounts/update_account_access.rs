use leptos::prelude::*;

use crate::models::StaffRole;

/// Changes an account's role and whether it may sign in (`disabled` = "true" locks it and signs
/// it out everywhere). Administrators only, and never on their own account.
#[server(endpoint = "update_account_access")]
pub async fn update_account_access(id: i32, role: StaffRole, disabled: bool) -> Result<(), ServerFnError> {
    use entity::user::Role;

    use super::ssr::{account_error, audit_account, stored_role};
    use crate::auth::ssr::{require_staff, staff_member};
    use crate::ssr::{app_state, database_error};

    let admin = require_staff(&[Role::Admin]).await?;
    let state = app_state()?;
    let txn = state.db.begin_write().await.map_err(database_error)?;
    let (before, after) =
        service::users::update_access(&txn, &admin, id, stored_role(role), disabled).await.map_err(account_error)?;
    let state_label = |disabled: bool| if disabled { "đã khoá" } else { "hoạt động" };
    let summary = format!(
        "{}: {} ({}) → {} ({})",
        after.username,
        staff_member(&before).role.label(),
        state_label(before.disabled),
        staff_member(&after).role.label(),
        state_label(after.disabled)
    );
    audit_account(&txn, &admin, "user.access", id, summary).await?;
    txn.commit().await.map_err(database_error)?;
    Ok(())
}
