//! `/healthz`: the process answers. `/readyz`: it can also reach its database, so a load balancer
//! sends readers elsewhere while the database is away and back when it returns.

use std::time::Duration;

use app::ssr::AppState;
use axum::extract::State;
use axum::response::IntoResponse;
use http::{StatusCode, header};

pub const HEALTH_PATH: &str = "/healthz";
pub const READY_PATH: &str = "/readyz";
const DATABASE_TIMEOUT: Duration = Duration::from_secs(2);

pub async fn health() -> impl IntoResponse {
    ([(header::CACHE_CONTROL, "no-store")], "ok")
}

pub async fn ready(State(state): State<AppState>) -> impl IntoResponse {
    let reachable = tokio::time::timeout(DATABASE_TIMEOUT, state.db.reader().ping()).await;
    let (status, text) = match reachable {
        Ok(Ok(())) => (StatusCode::OK, "ready"),
        Ok(Err(error)) => {
            tracing::warn!(%error, "not ready: the database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "the database is unavailable")
        }
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "the database did not answer in time"),
    };
    (status, [(header::CACHE_CONTROL, "no-store")], text)
}
