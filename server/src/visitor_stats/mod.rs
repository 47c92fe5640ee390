//! The HTTP side of "Thống kê truy cập": the page-view beacon and pixel, the numbers as JSON,
//! and the live stream that pushes them to every open page.

mod audience;
mod client;
mod connection_cap;
mod live_stream;
mod page_view;

use app::ssr::AppState;
use app::visitor_stats::{LIVE_STATS_PATH, PAGE_VIEW_PATH, PAGE_VIEW_PIXEL_PATH, STATS_PATH};
use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};

pub use connection_cap::{LIVE_CONNECTIONS_PER_ADDRESS, LiveConnectionCap};

/// The live stream never ends by itself, so it is kept apart from the request timeout.
pub fn live_routes(cap: LiveConnectionCap) -> Router<AppState> {
    Router::new().route(LIVE_STATS_PATH, get(live_stream::live_stats)).layer(axum::Extension(cap))
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(PAGE_VIEW_PATH, post(page_view::count_beacon))
        .route(PAGE_VIEW_PIXEL_PATH, get(page_view::count_pixel))
        .route(STATS_PATH, get(current_stats))
}

/// The numbers as JSON, for scripts and monitoring.
async fn current_stats(State(state): State<AppState>) -> impl IntoResponse {
    let stats = app::ssr::visitor_stats(state.visitors.numbers());
    ([(header::CACHE_CONTROL, "no-store")], Json(stats))
}
