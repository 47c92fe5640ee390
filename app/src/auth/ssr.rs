//! The session cookie and the permission checks every back-office server function makes.

use entity::user::{self, Role};
use http::HeaderMap;
use http::StatusCode;
use leptos::prelude::*;
use service::sessions;

use super::SIGN_IN_PATH;
use crate::models::{StaffMember, StaffRole};
use crate::ssr::{AppState, app_state, internal_error, refuse};
use crate::url::encode_component;

pub const SESSION_COOKIE: &str = "portal_session";

/// The session token the browser sent, if any.
pub fn session_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find_map(|(name, value)| (name == SESSION_COOKIE).then_some(value))
}

/// The cookie that carries a session: unreadable by scripts, not sent by other sites' forms, and
/// only over HTTPS when the site is served over HTTPS. It lasts until the browser closes; the
/// server ends idle sessions on its own.
pub fn session_cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}")
}

pub fn cleared_session_cookie(secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

/// The account signed in on this request, if any.
pub async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<Option<user::Model>, service::DbErr> {
    match session_token(headers) {
        Some(token) => sessions::user_for(&state.db, token, chrono::Utc::now()).await,
        None => Ok(None),
    }
}

/// Sends a `Set-Cookie` header with the response being built.
pub fn set_cookie(cookie: &str) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(http::header::SET_COOKIE, cookie.parse().expect("cookies built here are valid headers"));
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
    let Some(account) = signed_in(&state, &parts.headers).await.map_err(internal_error)? else {
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
    fn finds_the_session_among_other_cookies() {
        let mut headers = HeaderMap::new();
        headers.append(http::header::COOKIE, "theme=dark; portal_session=abc123".parse().unwrap());
        assert_eq!(session_token(&headers), Some("abc123"));
        headers.clear();
        headers.append(http::header::COOKIE, "portal_session_old=x".parse().unwrap());
        assert_eq!(session_token(&headers), None);
    }

    #[test]
    fn cookies_are_http_only_same_site_and_secure_over_https() {
        assert_eq!(session_cookie("t", true), "portal_session=t; Path=/; HttpOnly; SameSite=Lax; Secure");
        assert!(!session_cookie("t", false).contains("Secure"));
        assert!(cleared_session_cookie(false).contains("Max-Age=0"));
    }
}
