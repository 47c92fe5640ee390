use leptos::prelude::*;

/// Changes the signed-in account's password; the current one must be given.
#[server(endpoint = "change_own_password")]
pub async fn change_own_password(current: String, new: String, repeated: String) -> Result<(), ServerFnError> {
    use http::StatusCode;

    use super::ssr::{account_error, audit_account};
    use crate::auth::ssr::{ALL_STAFF, request_parts, require_staff, session_token};
    use crate::ssr::{app_state, database_error, refuse};

    let account = require_staff(ALL_STAFF).await?;
    if new != repeated {
        return Err(refuse(StatusCode::UNPROCESSABLE_ENTITY, "Hai lần nhập mật khẩu mới không khớp nhau."));
    }
    let state = app_state()?;
    let parts = request_parts()?;
    let token = session_token(&parts.headers, state.public_url.is_https()).unwrap_or_default();
    let txn = state.db.begin_write().await.map_err(database_error)?;
    service::users::change_own_password(&txn, account.id, &current, &new, token).await.map_err(account_error)?;
    audit_account(&txn, &account, "user.change_password", account.id, "Đổi mật khẩu của mình".into()).await?;
    txn.commit().await.map_err(database_error)?;
    Ok(())
}
