//! Sizes and times no honest reader comes near. Over a limit the answer is a short 4xx, never a crash.

use std::time::Duration;

use app::admin::articles::{AutosaveArticle, EditorError, PreviewArticle, SaveArticle};
use app::admin::media_library::UPLOAD_PATH;
use app::auth::ssr::session_token;
use axum::body::{Body, HttpBody};
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};
use leptos::server_fn::ServerFn;
use tower_http::timeout::TimeoutBody;

/// Longer addresses are refused with 414 (the longest real one, a search with every filter, is ~300).
pub const MAX_URI_BYTES: usize = 2048;
/// All request headers together; more is refused with 431.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Headers a request may carry; more closes the connection (hyper).
pub const MAX_HEADERS: usize = 64;
/// A client must send its whole request head within this time (slow-loris clients are cut off).
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// A page or server function that has not answered by then answers 503; a body of which nothing
/// more has arrived for that long answers 408. Live streams are exempt.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Sending a whole article (saving, autosaving, previewing): its body may be 2 MB, form-encoded
/// (a Vietnamese letter is two or three bytes of UTF-8, each of which triples).
pub const ARTICLE_BODY_LIMIT: usize = 8 * 1024 * 1024;
/// Everything else: the other server functions' forms, sign-in, and pages and the beacon, which
/// take no real body. Small, because anyone may send them and each is read into memory.
pub const BODY_LIMIT: usize = 64 * 1024;

/// The body limits that depend on the configuration.
#[derive(Clone, Copy, Debug)]
pub struct BodyLimits {
    /// An upload to the media library (several files at `PORTAL_MAX_UPLOAD_MB`).
    pub upload: usize,
    /// Whether readers reach the site over HTTPS (the session cookie's name depends on it).
    pub https: bool,
}

/// The 414 answer to an address, or the 431 to headers, longer than any honest client sends;
/// `None` lets the request pass.
pub fn refuse_oversized(request: &Request) -> Option<Response> {
    if uri_length(request.uri()) > MAX_URI_BYTES {
        return Some((StatusCode::URI_TOO_LONG, "Đường dẫn quá dài.").into_response());
    }
    let header_bytes: usize = request.headers().iter().map(|(name, value)| name.as_str().len() + value.len()).sum();
    if header_bytes > MAX_HEADER_BYTES {
        return Some((StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "Phần đầu yêu cầu quá lớn.").into_response());
    }
    None
}

/// The address as the client wrote it, counted without writing it out again.
fn uri_length(uri: &http::Uri) -> usize {
    let scheme = uri.scheme_str().map_or(0, |scheme| scheme.len() + "://".len());
    let authority = uri.authority().map_or(0, |authority| authority.as_str().len());
    let path_and_query = uri.path_and_query().map_or(0, |path| path.as_str().len());
    scheme + authority + path_and_query
}

/// The server functions that carry a whole article. They answer in the editor's error format, so
/// a refusal here reaches the writer as the real reason rather than as a lost connection.
fn carries_an_article(path: &str) -> bool {
    [<SaveArticle as ServerFn>::PATH, <AutosaveArticle as ServerFn>::PATH, <PreviewArticle as ServerFn>::PATH]
        .contains(&path)
}

/// Reads the body before anything else sees it: one announced as too large is refused at once and
/// one that turns out too large is cut off as it arrives (413), so nothing oversized is held in
/// memory; one that stalls for [`REQUEST_TIMEOUT`] answers 408.
pub async fn read_body_within_limit(limits: BodyLimits, request: Request) -> Result<Request, Response> {
    let path = request.uri().path();
    let article = carries_an_article(path);
    let limit = if article {
        ARTICLE_BODY_LIMIT
    } else if path == UPLOAD_PATH && session_token(request.headers(), limits.https).is_some() {
        // Only a request that at least claims a session may send megabytes; the upload checks it.
        limits.upload
    } else {
        BODY_LIMIT
    };
    let too_large = || {
        let message = format!("Nội dung gửi lên quá lớn (tối đa {} KB).", limit / 1024);
        if article {
            let refusal = serde_json::to_string(&EditorError::Refused(message)).expect("a string serialises");
            (StatusCode::PAYLOAD_TOO_LARGE, [(header::CONTENT_TYPE, "application/json")], refusal).into_response()
        } else {
            (StatusCode::PAYLOAD_TOO_LARGE, message).into_response()
        }
    };
    let announced =
        request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|length| length > limit as u64) {
        return Err(too_large());
    }
    // Most requests (every page a reader opens) have no body to read.
    if HttpBody::is_end_stream(request.body()) {
        return Ok(request);
    }
    let (parts, body) = request.into_parts();
    // Given up when no part of it arrives for that long (a slow upload still goes through).
    let body = TimeoutBody::new(REQUEST_TIMEOUT, body);
    match axum::body::to_bytes(Body::new(body), limit).await {
        Ok(bytes) => Ok(Request::from_parts(parts, Body::from(bytes))),
        Err(error) if std::error::Error::source(&error).is_some_and(|e| e.is::<http_body_util::LengthLimitError>()) => {
            Err(too_large())
        }
        Err(_) => {
            Err((StatusCode::REQUEST_TIMEOUT, "Nội dung gửi lên không đến kịp hoặc bị ngắt giữa chừng.")
                .into_response())
        }
    }
}
