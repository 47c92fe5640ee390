//! Security headers on every response.

use http::{HeaderMap, HeaderName, HeaderValue, header};

/// Pages send their own policy, with the nonce of their scripts (`app::ssr::page_policy`);
/// everything else (images, feeds, JSON, error texts) may run nothing and load nothing.
const LOCKED_DOWN_POLICY: &str =
    "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const PERMISSIONS_POLICY: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
/// A year, the value HSTS preload lists ask for.
const HSTS: &str = "max-age=31536000; includeSubDomains";

#[derive(Clone, Copy, Debug, Default)]
pub struct SecurityHeaders {
    /// `Strict-Transport-Security`, only meaningful when readers reach the site over HTTPS.
    pub hsts: bool,
}

/// Sets the headers on a response; a policy the page sent itself is kept.
pub fn set_security_headers(headers: &mut HeaderMap, settings: SecurityHeaders) {
    headers.entry(header::CONTENT_SECURITY_POLICY).or_insert(HeaderValue::from_static(LOCKED_DOWN_POLICY));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(HeaderName::from_static("permissions-policy"), HeaderValue::from_static(PERMISSIONS_POLICY));
    headers.insert(HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin"));
    if settings.hsts {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
}
