use leptos::prelude::*;

/// Changes the signed-in account's password; the current one must be given.
#[server(endpoint = "change_own_password")]
pub async fn change_own_password(current: String, new: String, repeated: String) -> Result<(), ServerFnError> {
    use http::StatusCode;

    use super::ssr::{account_error, audit_account};
    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::ssr::{app_state, internal_error, refuse};

    let account = require_staff(ALL_STAFF).await?;
    if new != repeated {
        return Err(refuse(StatusCode::UNPROCESSABLE_ENTITY, "Hai lần nhập mật khẩu mới không khớp nhau."));
    }
    let state = app_state()?;
    let txn = state.db.begin_write().await.map_err(internal_error)?;
    service::users::change_own_password(&txn, account.id, &current, &new).await.map_err(account_error)?;
    audit_account(&txn, &account, "user.change_password", account.id, "Đổi mật khẩu của mình".into()).await?;
    txn.commit().await.map_err(internal_error)?;
    Ok(())
}
