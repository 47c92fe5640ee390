//! The HTTP routes: the Leptos pages and server functions, and static files.

use app::ssr::AppState;
use app::{App, shell};
use axum::Router;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use tower_http::compression::CompressionLayer;

pub fn build_router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    Router::new()
        .merge(crate::feeds::routes())
        .merge(crate::visitor_stats::routes())
        .leptos_routes_with_context(&state, routes, || {}, move || shell(options.clone()))
        // Files under the site root (the wasm bundle, CSS, images); anything else renders the 404 page.
        .fallback(file_and_error_handler_with_context::<AppState, _>(|| {}, shell))
        .layer(CompressionLayer::new())
        .with_state(state)
}
