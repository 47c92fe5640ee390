//! What every request passes through before the portal sees it: security headers, refusal of
//! cross-site writes, size limits, and per-address rate limits. Treat every input as hostile.

mod argument_errors;
mod cross_site;
mod headers;
mod limits;
mod page_policy;
mod rate_limit;

pub use argument_errors::argument_errors_are_client_errors;
pub use cross_site::{SiteOrigin, refuse_cross_site_writes};
pub use headers::{SecurityHeaders, add_security_headers};
pub use limits::{
    ARTICLE_BODY_LIMIT, BODY_LIMIT, BodyLimits, HEADER_READ_TIMEOUT, MAX_HEADER_BYTES, MAX_HEADERS, MAX_URI_BYTES,
    REQUEST_TIMEOUT, limit_body_size, refuse_oversized_requests,
};
pub use page_policy::send_page_policy;
pub use rate_limit::{RateLimiter, SearchLimit, limit_searches};
