use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// Signs in with a username or email and a password, then goes on to `next` (a back-office path).
#[server(endpoint = "sign_in")]
pub async fn sign_in(login: String, password: String, next: Option<String>) -> Result<(), ServerFnError> {
    ssr::sign_in(&login, &password, next.as_deref()).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use http::StatusCode;
    use leptos::prelude::*;
    use service::{sessions, users};

    use crate::auth::ssr::{session_cookie, set_cookie};
    use crate::ssr::{app_state, internal_error, refuse};

    pub async fn sign_in(login: &str, password: &str, next: Option<&str>) -> Result<(), ServerFnError> {
        if login.trim().is_empty() || password.is_empty() {
            return Err(refuse(StatusCode::BAD_REQUEST, "Hãy nhập tên đăng nhập (hoặc email) và mật khẩu."));
        }
        let state = app_state()?;
        let Some(account) = users::authenticate(state.db.reader(), login, password).await.map_err(internal_error)?
        else {
            return Err(refuse(StatusCode::UNAUTHORIZED, "Tên đăng nhập hoặc mật khẩu không đúng."));
        };
        let txn = state.db.begin_write().await.map_err(internal_error)?;
        let token = sessions::start(&txn, account.id, chrono::Utc::now()).await.map_err(internal_error)?;
        txn.commit().await.map_err(internal_error)?;
        set_cookie(&session_cookie(&token, state.public_url.is_https()));
        tracing::info!(username = %account.username, "signed in");
        leptos_axum::redirect(safe_next(next));
        Ok(())
    }

    /// Only back-office paths on this site, so the sign-in page cannot send anyone elsewhere.
    fn safe_next(next: Option<&str>) -> &str {
        next.filter(|path| path.starts_with("/quan-tri") && !path.contains("//") && !path.contains('\\'))
            .unwrap_or("/quan-tri")
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn goes_on_only_to_back_office_paths() {
            assert_eq!(super::safe_next(Some("/quan-tri/thong-ke?ngay=90")), "/quan-tri/thong-ke?ngay=90");
            assert_eq!(super::safe_next(Some("https://evil.example")), "/quan-tri");
            assert_eq!(super::safe_next(Some("/quan-tri//evil.example")), "/quan-tri");
            assert_eq!(super::safe_next(None), "/quan-tri");
        }
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let next = move || use_query_map().read().get("tiep");
    let error = move || action.value().get().and_then(Result::err).map(|e| crate::components::error_text(&e));
    view! {
        <Title text="Đăng nhập quản trị"/>
        <Meta name="robots" content="noindex"/>
        <main id="noi-dung" class="sign-in">
            <h1>"Đăng nhập quản trị"</h1>
            <ActionForm action>
                <input type="hidden" name="next" value=next/>
                <label for="login">"Tên đăng nhập hoặc email"</label>
                <input id="login" name="login" autocomplete="username" required/>
                <label for="password">"Mật khẩu"</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required/>
                <button type="submit" disabled=move || action.pending().get()>"Đăng nhập"</button>
            </ActionForm>
            {move || error().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            <p><a href="/">"← Về trang chủ"</a></p>
        </main>
    }
}
