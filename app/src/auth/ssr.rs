//! The session cookie and the permission checks every back-office server function makes.

use entity::user::{self, Role};
use http::HeaderMap;
use http::StatusCode;
use leptos::prelude::*;
use service::sessions;

use super::SIGN_IN_PATH;
use crate::models::{StaffMember, StaffRole};
use crate::ssr::{AppState, app_state, database_error, refuse};
use crate::url::encode_component;

/// The cookies' names over plain HTTP (development, tests) and over HTTPS. Browsers accept a
/// `__Host-` cookie only from this very host, `Secure`, for the whole site: a neighbouring
/// sub-domain cannot plant one of its own choosing.
const SESSION_COOKIE: [&str; 2] = ["portal_session", "__Host-portal_session"];
const DEVICE_COOKIE: [&str; 2] = ["portal_device", "__Host-portal_device"];

/// How long a browser that signed in is remembered (see `service::known_devices`).
const DEVICE_COOKIE_DAYS: i64 = 180;

fn cookie_value<'a>(headers: &'a HeaderMap, names: [&str; 2], https: bool) -> Option<&'a str> {
    let name = names[usize::from(https)];
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == name)
        .and_then(|cookie| cookie.value_raw())
}

fn cookie_builder(names: [&'static str; 2], value: String, https: bool) -> cookie::CookieBuilder<'static> {
    cookie::Cookie::build((names[usize::from(https)], value))
        .path("/")
        .http_only(true)
        .same_site(cookie::SameSite::Lax)
        .secure(https)
}

/// The session token the browser sent under the name the site uses, if any.
pub fn session_token(headers: &HeaderMap, https: bool) -> Option<&str> {
    cookie_value(headers, SESSION_COOKIE, https)
}

/// The cookie that carries a session: unreadable by scripts, not sent by other sites' forms, and
/// only over HTTPS (with the `__Host-` prefix) when the site is served over HTTPS. It lasts until
/// the browser closes; the server ends idle and old sessions on its own.
pub fn session_cookie(token: &str, https: bool) -> String {
    cookie_builder(SESSION_COOKIE, token.to_owned(), https).build().to_string()
}

pub fn cleared_session_cookie(https: bool) -> String {
    cookie_builder(SESSION_COOKIE, String::new(), https).max_age(cookie::time::Duration::ZERO).build().to_string()
}

/// The token of a browser that signed in before, if it sent one.
pub fn device_token(headers: &HeaderMap, https: bool) -> Option<&str> {
    cookie_value(headers, DEVICE_COOKIE, https)
}

/// The cookie that lets this browser sign in while someone elsewhere guesses at the account.
pub fn device_cookie(token: &str, https: bool) -> String {
    cookie_builder(DEVICE_COOKIE, token.to_owned(), https)
        .max_age(cookie::time::Duration::days(DEVICE_COOKIE_DAYS))
        .build()
        .to_string()
}

/// The account signed in on this request, if any.
pub async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<Option<user::Model>, service::DbErr> {
    match session_token(headers, state.public_url.is_https()) {
        Some(token) => sessions::user_for(&state.db, token, chrono::Utc::now()).await,
        None => Ok(None),
    }
}

/// Sends a `Set-Cookie` header with the response being built.
pub fn set_cookie(cookie: &str) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(http::header::SET_COOKIE, cookie.parse().expect("cookies built here are valid headers"));
    }
}

/// The request being answered.
pub fn request_parts() -> Result<http::request::Parts, ServerFnError> {
    use_context::<http::request::Parts>().ok_or_else(|| ServerFnError::new("the request is missing"))
}

/// The signed-in account, if its role is one of `allowed`. A page render without a session is
/// redirected to the sign-in page; a server-function call gets 401 or 403 with a message.
pub async fn require_staff(allowed: &[Role]) -> Result<user::Model, ServerFnError> {
    let state = app_state()?;
    let parts = request_parts()?;
    let Some(account) = signed_in(&state, &parts.headers).await.map_err(database_error)? else {
        let message = "Bạn cần đăng nhập để tiếp tục.";
        if parts.uri.path().starts_with("/quan-tri") {
            // A page render: send the browser to the sign-in page and back here afterwards.
            let back = parts.uri.path_and_query().map_or("/quan-tri", |p| p.as_str());
            leptos_axum::redirect(&format!("{SIGN_IN_PATH}?tiep={}", encode_component(back)));
            return Err(ServerFnError::new(message));
        }
        return Err(refuse(StatusCode::UNAUTHORIZED, message));
    };
    if !allowed.contains(&account.role) {
        return Err(refuse(StatusCode::FORBIDDEN, "Tài khoản của bạn không có quyền thực hiện việc này."));
    }
    Ok(account)
}

/// Any back-office role.
pub const ALL_STAFF: &[Role] = &[Role::Admin, Role::Editor, Role::Author];

pub fn staff_member(account: &user::Model) -> StaffMember {
    StaffMember {
        username: account.username.clone(),
        display_name: account.display_name.clone(),
        role: match account.role {
            Role::Admin => StaffRole::Administrator,
            Role::Editor => StaffRole::Editor,
            Role::Author => StaffRole::Author,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_session_among_other_cookies_under_the_sites_name_only() {
        let mut headers = HeaderMap::new();
        headers.append(http::header::COOKIE, "theme=dark; portal_session=abc123".parse().unwrap());
        assert_eq!(session_token(&headers, false), Some("abc123"));
        assert_eq!(session_token(&headers, true), None, "over HTTPS only the __Host- cookie counts");
        headers.clear();
        headers.append(http::header::COOKIE, "portal_session_old=x; __Host-portal_session=def".parse().unwrap());
        assert_eq!(session_token(&headers, false), None);
        assert_eq!(session_token(&headers, true), Some("def"));
    }

    #[test]
    fn cookies_are_http_only_same_site_and_host_only_secure_over_https() {
        assert_eq!(session_cookie("t", true), "__Host-portal_session=t; HttpOnly; SameSite=Lax; Secure; Path=/");
        assert_eq!(session_cookie("t", false), "portal_session=t; HttpOnly; SameSite=Lax; Path=/");
        assert!(cleared_session_cookie(false).contains("Max-Age=0"));
        assert!(!session_cookie("t", true).contains("Domain"), "a __Host- cookie names no domain");
        let device = device_cookie("d", true);
        assert!(device.starts_with("__Host-portal_device=d;") && device.contains("Max-Age=15552000"), "{device}");
    }
}
