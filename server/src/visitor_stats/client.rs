//! Telling visitors apart by address and browser, without keeping either.

use app::ssr::{AppState, client_address};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use chrono::Utc;
use service::visitors::VisitorId;

pub fn user_agent(headers: &HeaderMap) -> &str {
    headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or_default()
}

/// The salted, daily-changing identity of the visitor making this request.
pub async fn visitor(state: &AppState, parts: &Parts) -> Result<VisitorId, service::DbErr> {
    let address = client_address(parts, state.behind_proxy.0)
        .ok_or_else(|| service::DbErr::Custom("the connection's address is missing".into()))?;
    state.visitors.visitor(&address, user_agent(&parts.headers), Utc::now()).await
}
