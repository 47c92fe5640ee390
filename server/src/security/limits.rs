//! Sizes and times no honest reader comes near. Over a limit the answer is a short 4xx, never a crash.

use std::time::Duration;

use app::admin::articles::SaveArticle;
use app::admin::media_library::UPLOAD_PATH;
use app::auth::ssr::session_token;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};
use leptos::server_fn::ServerFn;

/// Longer addresses are refused with 414 (the longest real one, a search with every filter, is ~300).
pub const MAX_URI_BYTES: usize = 2048;
/// All request headers together; more is refused with 431.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Headers a request may carry; more closes the connection (hyper).
pub const MAX_HEADERS: usize = 64;
/// A client must send its whole request head within this time (slow-loris clients are cut off).
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// A page or server function that has not answered by then answers 503; a body that has not
/// arrived by then answers 408. Live streams are exempt.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Saving an article: its body may be 2 MB, form-encoded (every non-ASCII byte triples).
pub const ARTICLE_BODY_LIMIT: usize = 8 * 1024 * 1024;
/// Everything else: the other server functions' forms, sign-in, and pages and the beacon, which
/// take no real body. Small, because anyone may send them and each is read into memory.
pub const BODY_LIMIT: usize = 64 * 1024;

/// The body limits that depend on the configuration.
#[derive(Clone, Copy, Debug)]
pub struct BodyLimits {
    /// An upload to the media library (several files at `PORTAL_MAX_UPLOAD_MB`).
    pub upload: usize,
}

pub async fn refuse_oversized_requests(request: Request, next: Next) -> Response {
    if request.uri().to_string().len() > MAX_URI_BYTES {
        return (StatusCode::URI_TOO_LONG, "Đường dẫn quá dài.").into_response();
    }
    let header_bytes: usize = request.headers().iter().map(|(name, value)| name.as_str().len() + value.len()).sum();
    if header_bytes > MAX_HEADER_BYTES {
        return (StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "Phần đầu yêu cầu quá lớn.").into_response();
    }
    next.run(request).await
}

/// Reads the body before anything else sees it: one announced as too large is refused at once and
/// one that turns out too large is cut off as it arrives (413), so nothing oversized is held in
/// memory; one that stalls past the body timeout answers 408.
pub async fn limit_body_size(State(limits): State<BodyLimits>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let limit = if path == <SaveArticle as ServerFn>::PATH {
        ARTICLE_BODY_LIMIT
    } else if path == UPLOAD_PATH && session_token(request.headers()).is_some() {
        // Only a request that at least claims a session may send megabytes; the upload checks it.
        limits.upload
    } else {
        BODY_LIMIT
    };
    let too_large = || {
        (StatusCode::PAYLOAD_TOO_LARGE, format!("Nội dung gửi lên quá lớn (tối đa {} KB).", limit / 1024))
            .into_response()
    };
    let announced =
        request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|length| length > limit as u64) {
        return too_large();
    }
    let (parts, body) = request.into_parts();
    match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => next.run(Request::from_parts(parts, Body::from(bytes))).await,
        Err(error) if std::error::Error::source(&error).is_some_and(|e| e.is::<http_body_util::LengthLimitError>()) => {
            too_large()
        }
        Err(_) => {
            (StatusCode::REQUEST_TIMEOUT, "Nội dung gửi lên không đến kịp hoặc bị ngắt giữa chừng.").into_response()
        }
    }
}
