//! The HTTP routes (the Leptos pages and server functions, feeds, the visitor counter, health and
//! metrics, static files) and the layers every request passes through.

use app::ssr::{AppState, provide_page_nonce};
use app::{App, back_office_bundle, shell};
use axum::routing::get;
use axum::{Extension, Router, middleware};
use http::StatusCode;
use std::sync::OnceLock;

use leptos_axum::{AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::media_library::{self, UploadLimit};
use crate::observability::{self, Metrics, MetricsAccess, SequentialRequestId};
use crate::page_cache::{self, PageCache, PageCacheSettings};
use crate::security::{self, BodyLimits, Guard, GuardSettings, SearchLimit, SecurityHeaders, SiteOrigin};
use crate::visitor_stats::{self, LIVE_CONNECTIONS_PER_ADDRESS, LiveConnectionCap};

/// What the router needs beyond the application state.
#[derive(Clone, Debug)]
pub struct RouterSettings {
    /// Send `Strict-Transport-Security` (`PORTAL_HSTS`, on by default when the public URL is HTTPS).
    pub hsts: bool,
    /// `PORTAL_METRICS_TOKEN`: lets monitoring read `/metrics`.
    pub metrics_token: Option<String>,
    /// `PORTAL_METRICS_LOCAL`: lets this machine read `/metrics` without the token.
    pub metrics_local_without_token: bool,
    /// `PORTAL_SEARCHES_PER_MINUTE` per client address (default 60).
    pub searches_per_minute: u32,
    /// Live connections of the visitor widget one client address may hold open.
    pub live_connections_per_address: usize,
    /// Upload requests to the media library one account may make in a minute.
    pub uploads_per_minute: u32,
    pub page_cache: PageCacheSettings,
    /// Articles listed in one sitemap file before `/sitemap.xml` becomes an index of files.
    pub sitemap_articles_per_file: u64,
}

impl Default for RouterSettings {
    fn default() -> Self {
        Self {
            hsts: false,
            metrics_token: None,
            metrics_local_without_token: false,
            searches_per_minute: 60,
            live_connections_per_address: LIVE_CONNECTIONS_PER_ADDRESS,
            uploads_per_minute: media_library::UPLOADS_PER_MINUTE,
            page_cache: PageCacheSettings::default(),
            sitemap_articles_per_file: crate::feeds::ARTICLES_PER_FILE,
        }
    }
}

/// The app's routes, found once per process. Finding them sets a process-wide flag that keeps
/// resources from loading (leptos-rs/leptos#4773): a page rendering meanwhile on another thread
/// would wait for ever, which happened whenever tests built a router while others rendered.
fn app_routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The back office's bundle at `/pkg-admin`, from its own site root (readers never ask for it),
/// precompressed like the readers' files.
fn back_office_bundle_files(state: &AppState) -> (String, ServeDir) {
    let bundle = back_office_bundle(&state.leptos_options);
    let files = ServeDir::new(std::path::Path::new(&*bundle.site_root).join(&*bundle.site_pkg_dir))
        .precompressed_br()
        .precompressed_gzip();
    (format!("/{}", bundle.site_pkg_dir), files)
}

pub fn build_router(state: AppState, settings: RouterSettings) -> Router {
    let routes = app_routes();
    let (back_office_bundle_path, back_office_bundle_files) = back_office_bundle_files(&state);
    // The page handler is cloned for every request, rendered or answered from the cache, so it holds
    // the shared state rather than its own copy of the options.
    let shell_state = state.clone();
    let metrics = Metrics::default();
    let search_limit = SearchLimit::new(settings.searches_per_minute, state.behind_proxy.0);
    let page_cache =
        PageCache::new(state.db.clone(), state.clock.clone(), settings.page_cache, state.public_url.is_https());
    let guard = Guard::new(GuardSettings {
        headers: SecurityHeaders { hsts: settings.hsts },
        site: SiteOrigin(state.public_url.0.clone()),
        body_limits: BodyLimits {
            upload: media_library::upload_request_limit(state.media.limits.max_file_bytes),
            https: state.public_url.is_https(),
        },
    });

    // Everything that answers and is done: a request that takes too long is cut off with 503.
    let portal = Router::new()
        .merge(crate::feeds::routes(settings.sitemap_articles_per_file))
        .merge(visitor_stats::routes())
        .merge(crate::legal_documents::routes())
        .merge(media_library::routes(UploadLimit::new(settings.uploads_per_minute)))
        .nest_service(&back_office_bundle_path, back_office_bundle_files)
        .leptos_routes_with_context(&state, routes, provide_page_nonce, move || {
            shell(shell_state.leptos_options.clone())
        })
        // Files under the site root (the wasm bundle, CSS, images); anything else renders the 404 page.
        .fallback(file_and_error_handler_with_context::<AppState, _>(provide_page_nonce, shell))
        // Inside the page cache, which keeps each page with its policy (the nonce swapped for hashes).
        .layer(middleware::from_fn(security::send_page_policy))
        .layer(middleware::from_fn(crate::site_files::add_cache_headers))
        .layer(middleware::from_fn_with_state(search_limit, security::limit_searches))
        .layer(middleware::from_fn(security::argument_errors_are_client_errors))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, security::REQUEST_TIMEOUT))
        .with_state(state.clone());
    // The cache answers before the portal's routes and their layers: a kept page costs a lookup,
    // not a walk down a boxed chain of layers that axum clones for every request.
    let cached_portal = ServiceBuilder::new()
        .layer(middleware::from_fn_with_state(page_cache.clone(), page_cache::serve))
        .service(portal);

    let metrics_access =
        MetricsAccess { token: settings.metrics_token, local_without_token: settings.metrics_local_without_token };
    let site = Router::new()
        .merge(visitor_stats::live_routes(LiveConnectionCap::new(settings.live_connections_per_address)))
        .route(observability::HEALTH_PATH, get(observability::health))
        .route(observability::READY_PATH, get(observability::ready))
        .merge(
            Router::new()
                .route(observability::METRICS_PATH, get(observability::metrics))
                .layer(Extension(metrics.clone()))
                .layer(Extension(page_cache))
                .layer(Extension(metrics_access)),
        )
        .fallback_service(cached_portal)
        .with_state(state);

    // Around the whole site once, not around each route (`Router::layer` would wrap every route in
    // its own copy of the stack). From the outside in: every request gets an id and a log span, is
    // measured, and then must pass the guard (limits, cross-site writes), which also puts the
    // security headers on every response.
    let every_request = ServiceBuilder::new()
        .layer(SetRequestIdLayer::x_request_id(SequentialRequestId::default()))
        .layer(TraceLayer::new_for_http().make_span_with(observability::request_span))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(middleware::from_fn_with_state(metrics, observability::measure))
        .layer(middleware::from_fn_with_state(guard, security::guard))
        .layer(CompressionLayer::new())
        .service(site);
    Router::new().fallback_service(every_request)
}
