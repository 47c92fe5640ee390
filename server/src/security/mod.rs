//! What every request passes through before the portal sees it: security headers, refusal of
//! cross-site writes, size limits, and per-address rate limits. Treat every input as hostile.

mod argument_errors;
mod cross_site;
mod guard;
mod headers;
mod limits;
mod page_policy;
mod rate_limit;

pub use argument_errors::argument_errors_are_client_errors;
pub use cross_site::SiteOrigin;
pub use guard::{Guard, GuardSettings, guard};
pub use headers::SecurityHeaders;
pub use limits::{
    ARTICLE_BODY_LIMIT, BODY_LIMIT, BodyLimits, HEADER_READ_TIMEOUT, MAX_HEADER_BYTES, MAX_HEADERS, MAX_URI_BYTES,
    REQUEST_TIMEOUT,
};
pub use page_policy::send_page_policy;
pub use rate_limit::{RateLimiter, SearchLimit, limit_searches};
