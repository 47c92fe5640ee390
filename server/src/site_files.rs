//! How long browsers keep the files under the site root. The bundle's files are named after their
//! content (`hash-files` in Cargo.toml), so a name never points to other bytes: browsers keep them
//! for a year without asking again. Every other file (the favicon, the editor's script) is
//! revalidated, which costs a 304 (Leptos's file handler passes the request's conditions on to
//! the file service, so the answer to `If-Modified-Since` is decided here).

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderValue, StatusCode, header};

const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
const REVALIDATE: HeaderValue = HeaderValue::from_static("no-cache");
/// cargo-leptos's name hash: MD5 in unpadded URL-safe base64.
const NAME_HASH_LENGTH: usize = 22;

/// A file rather than a page: slugs never contain a dot, and the feeds (`/rss.xml`,
/// `/sitemap.xml`) are rendered.
pub fn is_file_path(path: &str) -> bool {
    path.rsplit('/').next().is_some_and(|last| last.contains('.') && !last.ends_with(".xml"))
}

pub async fn add_cache_headers(request: Request, next: Next) -> Response {
    if !is_file_path(request.uri().path()) {
        return next.run(request).await;
    }
    let path = request.uri().path().to_owned();
    let since = request.headers().get(header::IF_MODIFIED_SINCE).cloned();
    let mut response = next.run(request).await;
    if response.headers().contains_key(header::CACHE_CONTROL) {
        return response;
    }
    if matches!(response.status(), StatusCode::OK | StatusCode::PARTIAL_CONTENT) {
        let bundle = path.starts_with("/pkg/") || path.starts_with("/pkg-admin/");
        let policy = if bundle && has_name_hash(&path) { IMMUTABLE } else { REVALIDATE };
        response.headers_mut().insert(header::CACHE_CONTROL, policy);
        if response.status() == StatusCode::OK && unmodified_since(since.as_ref(), response.headers()) {
            return not_modified(response);
        }
    }
    response
}

/// Whether the file's `Last-Modified` is no later than the reader's copy (`If-Modified-Since`).
fn unmodified_since(since: Option<&HeaderValue>, response: &http::HeaderMap) -> bool {
    let date = |value: Option<&HeaderValue>| {
        value.and_then(|v| v.to_str().ok()).and_then(|v| chrono::DateTime::parse_from_rfc2822(v).ok())
    };
    match (date(since), date(response.get(header::LAST_MODIFIED))) {
        (Some(since), Some(modified)) => modified <= since,
        _ => false,
    }
}

/// The same answer without its body: the reader's copy is current.
fn not_modified(response: Response) -> Response {
    let (mut parts, _) = response.into_parts();
    parts.status = StatusCode::NOT_MODIFIED;
    for gone in [header::CONTENT_LENGTH, header::CONTENT_TYPE, header::CONTENT_ENCODING] {
        parts.headers.remove(gone);
    }
    Response::from_parts(parts, axum::body::Body::empty())
}

/// `portal.<hash>.wasm`, `__wasm_split.<hash>.js`: a dot-separated part that is a content hash.
fn has_name_hash(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let parts: Vec<&str> = name.split('.').collect();
    // Between the stem and the extension.
    parts.len() >= 3
        && parts[1..parts.len() - 1].iter().any(|part| {
            part.len() == NAME_HASH_LENGTH && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_from_pages_and_feeds() {
        assert!(is_file_path("/pkg/portal.css"));
        assert!(is_file_path("/favicon.svg"));
        assert!(!is_file_path("/bai-viet/hoi-nghi-tong-ket-2022"));
        assert!(!is_file_path("/rss.xml"));
        assert!(!is_file_path("/chuyen-muc/tin-tuc/rss.xml"));
    }

    #[test]
    fn only_content_hashed_names_count_as_hashed() {
        assert!(has_name_hash("/pkg/portal.Xo3kQ9dmfT2vB8aLzP1q_w.wasm"));
        assert!(has_name_hash("/pkg/__wasm_split.Xo3kQ9dmfT2vB8aLzP1q-w.js"));
        assert!(!has_name_hash("/pkg/portal.wasm"));
        assert!(!has_name_hash("/pkg/portal.css"));
        assert!(!has_name_hash("/pkg/abcdefghijklmnopqrstuv.js"), "a 22-letter name is not a hash");
    }
}
