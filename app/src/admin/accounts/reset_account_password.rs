use leptos::prelude::*;

/// Sets a new password for another account and signs it out everywhere. Administrators only.
#[server(endpoint = "reset_account_password")]
pub async fn reset_account_password(id: i32, password: String) -> Result<(), ServerFnError> {
    use entity::user::Role;

    use super::ssr::{account_error, audit_account};
    use crate::auth::ssr::require_staff;
    use crate::ssr::{app_state, database_error};

    let admin = require_staff(&[Role::Admin]).await?;
    let state = app_state()?;
    let txn = state.db.begin_write().await.map_err(database_error)?;
    let account = service::users::reset_password(&txn, id, &password).await.map_err(account_error)?;
    audit_account(&txn, &admin, "user.reset_password", id, format!("Đặt lại mật khẩu cho {}", account.username))
        .await?;
    txn.commit().await.map_err(database_error)?;
    Ok(())
}
