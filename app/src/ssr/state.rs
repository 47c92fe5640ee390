use axum::extract::FromRef;
use leptos::prelude::*;
use service::Database;

/// What the server functions and handlers share.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Database,
    /// The address readers reach the site at, without a trailing slash (`PORTAL_PUBLIC_URL`).
    pub public_url: PublicUrl,
}

/// The site's public base URL, e.g. `https://stttt.thanhhoa.gov.vn`.
#[derive(Clone, Debug)]
pub struct PublicUrl(pub String);

/// The state `leptos_routes_with_context` provides to every page render and server function.
pub fn app_state() -> Result<AppState, ServerFnError> {
    use_context::<AppState>().ok_or_else(|| ServerFnError::new("the application state is missing"))
}

/// Logs a database failure and gives the reader a message without internal details.
pub fn internal_error(error: service::DbErr) -> ServerFnError {
    tracing::error!(%error, "database query failed");
    ServerFnError::new("Hệ thống đang bận, vui lòng thử lại sau.")
}
