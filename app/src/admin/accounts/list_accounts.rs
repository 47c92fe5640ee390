use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::StaffRole;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: i32,
    pub username: String,
    pub email: String,
    pub display_name: String,
    pub role: StaffRole,
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
    /// The administrator looking at the list: they cannot lock themselves out.
    pub is_self: bool,
}

/// Every back-office account. Administrators only.
#[server(endpoint = "list_accounts")]
pub async fn list_accounts() -> Result<Vec<AccountRow>, ServerFnError> {
    use entity::user::Role;

    use crate::auth::ssr::{require_staff, staff_member};
    use crate::ssr::{app_state, database_error};

    let admin = require_staff(&[Role::Admin]).await?;
    let db = app_state()?.db.clone();
    let accounts = service::users::all(db.reader()).await.map_err(database_error)?;
    Ok(accounts
        .into_iter()
        .map(|account| AccountRow {
            id: account.id,
            role: staff_member(&account).role,
            is_self: account.id == admin.id,
            username: account.username,
            email: account.email,
            display_name: account.display_name,
            disabled: account.disabled,
            created_at: account.created_at,
        })
        .collect())
}
