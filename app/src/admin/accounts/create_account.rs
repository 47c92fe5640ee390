use leptos::prelude::*;

use crate::models::StaffRole;

/// Creates a back-office account. Administrators only.
#[server(endpoint = "create_account")]
pub async fn create_account(
    username: String,
    email: String,
    display_name: String,
    role: StaffRole,
    password: String,
) -> Result<(), ServerFnError> {
    use entity::user::Role;
    use http::StatusCode;
    use service::users::{self, CreateUserError, NewUser};

    use super::ssr::{audit_account, stored_role};
    use crate::auth::ssr::require_staff;
    use crate::ssr::{app_state, database_error, refuse};

    let admin = require_staff(&[Role::Admin]).await?;
    let state = app_state()?;
    let txn = state.db.begin_write().await.map_err(database_error)?;
    let new = NewUser {
        username: &username,
        email: &email,
        display_name: &display_name,
        password: &password,
        role: stored_role(role),
    };
    let created = match users::create(&txn, new, chrono::Utc::now()).await {
        Ok(created) => created,
        Err(CreateUserError::Database(error)) => return Err(database_error(error)),
        Err(refused) => return Err(refuse(StatusCode::UNPROCESSABLE_ENTITY, refused.to_string())),
    };
    let summary = format!("Tạo tài khoản {} ({})", created.username, role.label());
    audit_account(&txn, &admin, "user.create", created.id, summary).await?;
    txn.commit().await.map_err(database_error)?;
    Ok(())
}
