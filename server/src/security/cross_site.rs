//! Cross-site request forgery: a state-changing request that a browser sends on behalf of another
//! site is refused, whatever cookies it carries. Browsers say where a request comes from
//! (`Sec-Fetch-Site`, or at least `Origin`); clients that send neither are not browsers riding a
//! reader's session (curl, monitoring), so they pass. Session cookies are also `SameSite=Lax`.

use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, Method, StatusCode, header};

/// The origin readers reach the site at, e.g. `https://stttt.thanhhoa.gov.vn` (`PORTAL_PUBLIC_URL`).
#[derive(Clone, Debug)]
pub struct SiteOrigin(pub String);

/// The 403 answer to a write another site's page made the browser send; `None` lets it pass.
pub fn refuse_cross_site_write(request: &Request, site: &SiteOrigin) -> Option<Response> {
    if !is_cross_site_write(request.method(), request.headers(), site) {
        return None;
    }
    tracing::warn!(path = %request.uri().path(), "refused a cross-site write");
    Some(
        (
            StatusCode::FORBIDDEN,
            "Yêu cầu bị từ chối vì được gửi từ một trang web khác. Hãy mở trang trực tiếp trên cổng thông tin rồi thử lại.",
        )
            .into_response(),
    )
}

fn is_cross_site_write(method: &Method, headers: &HeaderMap, site: &SiteOrigin) -> bool {
    if method.is_safe() {
        return false;
    }
    if let Some(fetch_site) = headers.get("sec-fetch-site") {
        // "none" is a request the person started themself (typed address, bookmark).
        return !matches!(fetch_site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    if origin == site.0 {
        return false;
    }
    // Behind a TLS-terminating proxy the scheme differs; the host must still be this one.
    let origin_host = origin.split_once("://").map(|(_, host)| host);
    let request_host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    !(origin_host.is_some() && origin_host == request_host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cross_site(method: Method, headers: &[(&str, &str)]) -> bool {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(http::HeaderName::from_bytes(name.as_bytes()).unwrap(), value.parse().unwrap());
        }
        is_cross_site_write(&method, &map, &SiteOrigin("https://stttt.thanhhoa.gov.vn".into()))
    }

    #[test]
    fn browsers_saying_another_site_sent_a_write_are_refused() {
        assert!(cross_site(Method::POST, &[("sec-fetch-site", "cross-site")]));
        assert!(cross_site(Method::POST, &[("sec-fetch-site", "same-site")]), "a sibling subdomain is another site");
        assert!(cross_site(Method::POST, &[("origin", "https://evil.example")]));
        assert!(cross_site(Method::POST, &[("origin", "null")]), "sandboxed frames and data: pages");
        assert!(cross_site(Method::DELETE, &[("origin", "https://evil.example"), ("host", "stttt.thanhhoa.gov.vn")]));
        assert!(
            cross_site(Method::POST, &[("sec-fetch-site", "cross-site"), ("origin", "https://stttt.thanhhoa.gov.vn")]),
            "Sec-Fetch-Site is set by the browser itself and wins"
        );
    }

    #[test]
    fn the_site_itself_reads_and_tools_without_a_browser_pass() {
        assert!(!cross_site(Method::POST, &[("sec-fetch-site", "same-origin")]));
        assert!(!cross_site(Method::POST, &[("origin", "https://stttt.thanhhoa.gov.vn")]));
        assert!(!cross_site(Method::POST, &[("origin", "http://10.0.0.5:3000"), ("host", "10.0.0.5:3000")]));
        assert!(!cross_site(Method::POST, &[]), "curl and monitoring send no Origin");
        assert!(!cross_site(Method::GET, &[("sec-fetch-site", "cross-site")]), "links from other sites are reads");
    }
}
