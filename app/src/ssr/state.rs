use std::ops::Deref;
use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::*;
use service::Database;
use service::visitors::VisitorTracker;

/// What the server functions and handlers share. axum clones it for every request (with the matched
/// route's service), so it is one shared allocation and a clone only counts a reference: cloning the
/// fields themselves was a tenth of the server's CPU time on cached pages (BENCHMARKS.md).
#[derive(Clone, Debug)]
pub struct AppState(Arc<AppStateInner>);

impl AppState {
    pub fn new(inner: AppStateInner) -> Self {
        Self(Arc::new(inner))
    }
}

impl Deref for AppState {
    type Target = AppStateInner;

    fn deref(&self) -> &AppStateInner {
        &self.0
    }
}

/// `leptos_axum` reads the options from the state of the routes it adds.
impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

#[derive(Debug)]
pub struct AppStateInner {
    pub leptos_options: LeptosOptions,
    pub db: Database,
    /// The address readers reach the site at, without a trailing slash (`PORTAL_PUBLIC_URL`).
    pub public_url: PublicUrl,
    /// Counts page views and publishes "Thống kê truy cập".
    pub visitors: VisitorTracker,
    /// Whether the site sits behind a reverse proxy whose `X-Forwarded-For` can be believed.
    pub behind_proxy: BehindProxy,
    /// "Now" for publication times; tests pin it.
    pub clock: service::clock::Clock,
    /// Where uploaded files are stored, and the limits uploads are held to.
    pub media: service::media_library::MediaLibrary,
}

/// The site's public base URL, e.g. `https://stttt.thanhhoa.gov.vn`.
#[derive(Clone, Debug)]
pub struct PublicUrl(pub String);

impl PublicUrl {
    /// Cookies are marked `Secure` when readers reach the site over HTTPS.
    pub fn is_https(&self) -> bool {
        self.0.starts_with("https://")
    }
}

/// `PORTAL_BEHIND_PROXY`: the client address is the last one the proxy appended to `X-Forwarded-For`.
#[derive(Clone, Copy, Debug, Default)]
pub struct BehindProxy(pub bool);

/// The state `leptos_routes_with_context` provides to every page render and server function.
pub fn app_state() -> Result<AppState, ServerFnError> {
    use_context::<AppState>().ok_or_else(|| ServerFnError::new("the application state is missing"))
}

/// Logs a database failure and answers with what it means for the person, never the database's
/// own words. Only a failure worth retrying answers 503 with `Retry-After` (the database restarting
/// or overloaded, so browsers, crawlers and load balancers come back rather than treat the page as
/// gone); a write that collided with another answers 409, data the schema refuses 422, and
/// anything else 500, logged as an error so it is found and fixed.
pub fn database_error(error: service::DbErr) -> ServerFnError {
    use service::db_failure::DbFailure;
    let failure = DbFailure::logged(&error);
    set_status(http::StatusCode::from_u16(failure.status()).expect("a valid status"));
    if failure == DbFailure::Unavailable
        && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
    {
        response.insert_header(http::header::RETRY_AFTER, http::HeaderValue::from_static("30"));
    }
    ServerFnError::new(failure.message())
}

/// Refuses a request with an HTTP status and a message the person can act on.
pub fn refuse(status: http::StatusCode, message: impl Into<String>) -> ServerFnError {
    set_status(status);
    ServerFnError::new(message.into())
}

/// Answers this request with `status`. A plain HTML form post (no JavaScript) is redirected back
/// with the message in the address instead, so it keeps the redirect's status.
pub fn set_status(status: http::StatusCode) {
    let form_post = use_context::<http::request::Parts>().is_some_and(|parts| {
        parts.method == http::Method::POST
            && parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
    });
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>().filter(|_| !form_post) {
        response.set_status(status);
    }
}
