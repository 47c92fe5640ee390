//! Which requests the cache may answer and which responses it may keep: anonymous readers' pages
//! and feeds, never anything that depends on who asks or on a free-text query.

use app::auth::ssr::session_token;
use app::pages::legal_documents::DOCUMENTS_PATH;
use app::pages::search::SEARCH_PATH;
use http::{HeaderMap, Method, StatusCode, header};

use crate::site_files::is_file_path;

/// The back office, the JSON and server-function endpoints, and search results.
const NEVER_CACHED: [&str; 3] = ["/quan-tri", "/api/", SEARCH_PATH];
/// What the cache keeps: pages and the feeds.
const CACHED_TYPES: [&str; 3] = ["text/html", "application/rss+xml", "application/xml"];

/// The query parameters a kept page reads: the category pages' `page`. Any other parameter
/// (`?fbclid=…` on a link shared on Facebook, or made up to force fresh renders) changes nothing
/// on the page, so it is left out of the key and of the render.
const PAGE_QUERY_PARAMETERS: [&str; 1] = ["page"];
/// The documents list reads its filters too; a search in it (`q`) is free text and not kept.
const DOCUMENT_LIST_PARAMETERS: [&str; 9] = ["type", "field", "body", "signer", "year", "from", "to", "effect", "page"];

/// The cache key of a request the cache may answer, unless it comes from a signed-in account
/// (the caller checks the session): its path and the query parameters the page reads. Files
/// under the site root are served from disk with their precompressed copies.
pub fn cache_key(method: &Method, uri: &http::Uri, headers: &HeaderMap) -> Option<String> {
    let readable = *method == Method::GET || *method == Method::HEAD;
    let path = uri.path();
    let private =
        NEVER_CACHED.iter().any(|prefix| path.starts_with(prefix)) || headers.contains_key(header::AUTHORIZATION);
    if !readable || private || is_file_path(path) {
        return None;
    }
    let pairs = || uri.query().unwrap_or_default().split('&');
    let read_parameters: &[&str] = if path == DOCUMENTS_PATH {
        if pairs().any(|pair| pair.strip_prefix("q=").is_some_and(|query| !query.is_empty())) {
            return None;
        }
        &DOCUMENT_LIST_PARAMETERS
    } else {
        &PAGE_QUERY_PARAMETERS
    };
    let mut read: Vec<&str> =
        pairs().filter(|pair| pair.split('=').next().is_some_and(|name| read_parameters.contains(&name))).collect();
    // One value per parameter, whatever order they came in.
    read.sort_unstable();
    read.dedup_by(|a, b| a.split('=').next() == b.split('=').next());
    Some(if read.is_empty() { path.to_owned() } else { format!("{path}?{}", read.join("&")) })
}

/// A signed-in account's write (saving, publishing, changing a category or a setting): after it,
/// the cache checks at once whether what readers see has changed.
pub fn may_change_content(method: &Method, headers: &HeaderMap, https: bool) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) && session_token(headers, https).is_some()
}

/// Whether a rendered response is the same for every anonymous reader and may be kept.
pub fn is_shareable(status: StatusCode, headers: &HeaderMap) -> bool {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let cache_control = headers.get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()).unwrap_or_default();
    status == StatusCode::OK
        && CACHED_TYPES.iter().any(|kept| content_type.starts_with(kept))
        && !headers.contains_key(header::SET_COOKIE)
        && !headers.contains_key(header::CONTENT_ENCODING)
        && !cache_control.contains("no-store")
        && !cache_control.contains("private")
}

#[cfg(test)]
mod tests {
    use http::HeaderValue;

    use super::*;

    fn key(method: Method, uri: &str, cookie: Option<&str>) -> Option<String> {
        let mut headers = HeaderMap::new();
        if let Some(cookie) = cookie {
            headers.insert(header::COOKIE, HeaderValue::from_str(cookie).unwrap());
        }
        cache_key(&method, &uri.parse().unwrap(), &headers)
    }

    #[test]
    fn anonymous_reads_of_reader_pages_are_cached_by_path_and_the_parameters_the_page_reads() {
        assert_eq!(key(Method::GET, "/", None).as_deref(), Some("/"));
        assert_eq!(
            key(Method::HEAD, "/chuyen-muc/tin-tuc?page=2", None).as_deref(),
            Some("/chuyen-muc/tin-tuc?page=2")
        );
        assert_eq!(key(Method::GET, "/rss.xml", Some("theme=dark")).as_deref(), Some("/rss.xml"));
    }

    #[test]
    fn made_up_query_parameters_share_the_page_they_change_nothing_on() {
        assert_eq!(key(Method::GET, "/?x=1", None).as_deref(), Some("/"));
        assert_eq!(key(Method::GET, "/?x=2&fbclid=abc", None).as_deref(), Some("/"));
        assert_eq!(
            key(Method::GET, "/chuyen-muc/tin-tuc?utm_source=zalo&page=3&page=4", None).as_deref(),
            Some("/chuyen-muc/tin-tuc?page=3")
        );
        assert_eq!(key(Method::GET, "/chuyen-muc/tin-tuc?pages=3", None).as_deref(), Some("/chuyen-muc/tin-tuc"));
    }

    #[test]
    fn the_documents_list_is_kept_per_filter_but_not_for_a_search() {
        assert_eq!(
            key(Method::GET, "/van-ban?type=quyet-dinh&utm_source=zalo&effect=con-hieu-luc&page=2", None).as_deref(),
            Some("/van-ban?effect=con-hieu-luc&page=2&type=quyet-dinh")
        );
        assert_eq!(key(Method::GET, "/van-ban?q=&year=2023", None).as_deref(), Some("/van-ban?year=2023"));
        assert_eq!(key(Method::GET, "/van-ban?q=15%2F2023&year=2023", None), None);
        assert_eq!(key(Method::GET, "/chuyen-muc/tin-tuc?type=x", None).as_deref(), Some("/chuyen-muc/tin-tuc"));
    }

    #[test]
    fn writes_back_office_api_search_and_files_are_not_cached() {
        assert_eq!(key(Method::POST, "/", None), None);
        assert_eq!(key(Method::GET, "/quan-tri/bai-viet", None), None);
        assert_eq!(key(Method::GET, "/api/thong-ke", None), None);
        assert_eq!(key(Method::GET, "/tim-kiem?q=thanh+hoa", None), None);
        assert_eq!(key(Method::GET, "/pkg/portal.css", None), None);
        assert_eq!(key(Method::GET, "/ban-tinh/bai-viet.html", None), None);
        assert_eq!(
            key(Method::GET, "/chuyen-muc/tin-tuc/rss.xml", None).as_deref(),
            Some("/chuyen-muc/tin-tuc/rss.xml")
        );
    }

    #[test]
    fn only_signed_in_writes_make_the_cache_look_again() {
        let mut signed_in = HeaderMap::new();
        signed_in.insert(header::COOKIE, HeaderValue::from_static("portal_session=abc"));
        assert!(may_change_content(&Method::POST, &signed_in, false));
        assert!(!may_change_content(&Method::GET, &signed_in, false));
        assert!(!may_change_content(&Method::POST, &HeaderMap::new(), false), "a page-view beacon changes no page");
    }

    #[test]
    fn only_plain_shared_pages_and_feeds_are_kept() {
        let headers = |pairs: &[(header::HeaderName, &'static str)]| {
            pairs.iter().map(|(name, value)| (name.clone(), HeaderValue::from_static(value))).collect::<HeaderMap>()
        };
        let html = headers(&[(header::CONTENT_TYPE, "text/html; charset=utf-8")]);
        assert!(is_shareable(StatusCode::OK, &html));
        assert!(is_shareable(
            StatusCode::OK,
            &headers(&[(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")])
        ));
        assert!(!is_shareable(StatusCode::NOT_FOUND, &html), "a flood of made-up addresses must not fill the cache");
        assert!(!is_shareable(StatusCode::SERVICE_UNAVAILABLE, &html));
        assert!(!is_shareable(StatusCode::OK, &headers(&[(header::CONTENT_TYPE, "application/json")])));
        let with = |extra: (header::HeaderName, &'static str)| {
            headers(&[(header::CONTENT_TYPE, "text/html; charset=utf-8"), extra])
        };
        assert!(!is_shareable(StatusCode::OK, &with((header::SET_COOKIE, "portal_session=x"))));
        assert!(!is_shareable(StatusCode::OK, &with((header::CACHE_CONTROL, "private, no-store"))));
        assert!(!is_shareable(StatusCode::OK, &with((header::CONTENT_ENCODING, "gzip"))));
    }
}
