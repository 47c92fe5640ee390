//! Server-only glue for the account pages.

use entity::user::Role;
use http::StatusCode;
use leptos::prelude::ServerFnError;
use service::users::AccountError;

use crate::models::StaffRole;
use crate::ssr::{database_error, refuse};

pub fn stored_role(role: StaffRole) -> Role {
    match role {
        StaffRole::Administrator => Role::Admin,
        StaffRole::Editor => Role::Editor,
        StaffRole::Author => Role::Author,
    }
}

pub fn account_error(error: AccountError) -> ServerFnError {
    match error {
        AccountError::Database(error) => database_error(error),
        AccountError::NotFound => refuse(StatusCode::NOT_FOUND, error.to_string()),
        AccountError::WrongPassword | AccountError::PasswordTooShort => {
            refuse(StatusCode::UNPROCESSABLE_ENTITY, error.to_string())
        }
        AccountError::OwnAccount => refuse(StatusCode::CONFLICT, error.to_string()),
    }
}

/// Records an account change in the audit log.
pub async fn audit_account(
    db: &impl sea_orm::ConnectionTrait,
    by: &entity::user::Model,
    action: &'static str,
    target_id: i32,
    summary: String,
) -> Result<(), ServerFnError> {
    use service::audit::{self, Actor, Entry};
    let entry = Entry { action, target_kind: "user", target_id: Some(target_id), summary };
    audit::record(db, &Actor::from(by), entry, chrono::Utc::now()).await.map_err(database_error)
}
