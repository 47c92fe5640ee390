//! The HTTP side of the media library: the upload (multipart, from the library page's form or a
//! script) and serving stored files under `/media/`.

mod serve;
mod upload;

use app::admin::media_library::UPLOAD_PATH;
use app::ssr::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use service::media_library::MEDIA_URL_PREFIX;

pub use upload::{UPLOADS_PER_MINUTE, UploadLimit, upload_request_limit};

pub fn routes(limit: UploadLimit) -> Router<AppState> {
    Router::new()
        .route(UPLOAD_PATH, post(upload::upload))
        .route(&format!("{MEDIA_URL_PREFIX}{{name}}"), get(serve::serve_file))
        .layer(axum::Extension(limit))
        // The body was already bounded by `security::guard` (per configuration), so
        // axum's own 2 MB default for multipart bodies is not wanted on top.
        .layer(DefaultBodyLimit::disable())
}
