use leptos::prelude::*;

/// Ends the session and returns to the sign-in page.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), ServerFnError> {
    use service::sessions;

    use super::ssr::{cleared_session_cookie, request_parts, session_token, set_cookie};
    use crate::ssr::{app_state, database_error};

    let state = app_state()?;
    let parts = request_parts()?;
    if let Some(token) = session_token(&parts.headers, state.public_url.is_https()) {
        let txn = state.db.begin_write().await.map_err(database_error)?;
        sessions::end(&txn, token).await.map_err(database_error)?;
        txn.commit().await.map_err(database_error)?;
    }
    set_cookie(&cleared_session_cookie(state.public_url.is_https()));
    leptos_axum::redirect(super::SIGN_IN_PATH);
    Ok(())
}

#[component]
pub fn SignOutButton() -> impl IntoView {
    let action = ServerAction::<SignOut>::new();
    view! {
        <ActionForm action attr:class="sign-out">
            <button type="submit">"Đăng xuất"</button>
        </ActionForm>
    }
}
