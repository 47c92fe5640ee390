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
    use chrono::TimeDelta;
    use http::StatusCode;
    use leptos::prelude::*;
    use service::sign_in_throttle as throttle;
    use service::{known_devices, sessions, users};

    use crate::auth::ssr::{device_cookie, device_token, request_parts, session_cookie, set_cookie};
    use crate::ssr::{app_state, client_address, database_error, refuse};

    pub async fn sign_in(login: &str, password: &str, next: Option<&str>) -> Result<(), ServerFnError> {
        if login.trim().is_empty() || password.is_empty() {
            return Err(refuse(StatusCode::BAD_REQUEST, "Hãy nhập tên đăng nhập (hoặc email) và mật khẩu."));
        }
        let state = app_state()?;
        let https = state.public_url.is_https();
        let now = chrono::Utc::now();
        let parts = request_parts()?;
        let address = client_address(&parts, state.behind_proxy.0).unwrap_or_default();
        let account = users::find_by_login(state.db.reader(), login).await.map_err(database_error)?;
        let known_device = match (account.as_ref(), device_token(&parts.headers, https)) {
            (Some(account), Some(token)) => {
                known_devices::known_to(state.db.reader(), token, account.id, now).await.map_err(database_error)?
            }
            _ => None,
        };
        // One account's counters whichever of its names was typed.
        let name = account.as_ref().map_or(login, |account| account.username.as_str());
        let counters = throttle::Counter::for_attempt(name, &address, known_device.as_deref());

        // Counted before the password is checked, in the transaction that checks the wait.
        let txn = state.db.begin_write().await.map_err(database_error)?;
        let next_not_before = match throttle::count_attempt(&txn, &counters, now).await.map_err(database_error)? {
            throttle::Attempt::MustWait(until) => return Err(too_many_attempts(until - now)),
            throttle::Attempt::Counted { next_not_before } => next_not_before,
        };
        txn.commit().await.map_err(database_error)?;

        if !users::password_opens(account.as_ref(), password).await {
            tracing::warn!(%address, "failed sign-in");
            let wrong = "Tên đăng nhập hoặc mật khẩu không đúng.";
            return Err(match next_not_before {
                Some(until) => refuse(StatusCode::UNAUTHORIZED, format!("{wrong} {}", wait_message(until - now))),
                None => refuse(StatusCode::UNAUTHORIZED, wrong),
            });
        }
        let account = account.expect("a password opens only an existing account");
        let txn = state.db.begin_write().await.map_err(database_error)?;
        throttle::forgive(&txn, &counters, now).await.map_err(database_error)?;
        let new_device =
            known_devices::remember(&txn, known_device.as_deref(), account.id, now).await.map_err(database_error)?;
        let token = sessions::start(&txn, account.id, now).await.map_err(database_error)?;
        txn.commit().await.map_err(database_error)?;
        set_cookie(&session_cookie(&token, https));
        if let Some(device) = new_device {
            set_cookie(&device_cookie(&device, https));
        }
        tracing::info!(username = %account.username, "signed in");
        leptos_axum::redirect(safe_next(next));
        Ok(())
    }

    fn too_many_attempts(wait: TimeDelta) -> ServerFnError {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            let seconds = wait.num_seconds().max(1).to_string();
            response.insert_header(http::header::RETRY_AFTER, seconds.parse().expect("digits are a valid header"));
        }
        let message = format!("Đăng nhập sai quá nhiều lần. {}", wait_message(wait));
        refuse(StatusCode::TOO_MANY_REQUESTS, message)
    }

    /// "Vui lòng chờ 8 giây rồi thử lại." / "… 15 phút …"
    fn wait_message(wait: TimeDelta) -> String {
        let seconds = wait.num_seconds().max(1);
        let amount = if seconds < 60 { format!("{seconds} giây") } else { format!("{} phút", (seconds + 59) / 60) };
        format!("Vui lòng chờ {amount} rồi thử lại.")
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

        #[test]
        fn waits_are_told_in_seconds_then_whole_minutes() {
            use chrono::TimeDelta;
            assert_eq!(super::wait_message(TimeDelta::seconds(8)), "Vui lòng chờ 8 giây rồi thử lại.");
            assert_eq!(super::wait_message(TimeDelta::seconds(61)), "Vui lòng chờ 2 phút rồi thử lại.");
            assert_eq!(super::wait_message(TimeDelta::minutes(15)), "Vui lòng chờ 15 phút rồi thử lại.");
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
