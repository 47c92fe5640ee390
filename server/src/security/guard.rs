//! The one middleware every request passes through: the size limits, the refusal of cross-site
//! writes and the body limit, in that order, then the security headers on whatever answers. One
//! layer rather than four: axum clones the stack beneath each `from_fn` layer and boxes its future
//! for every request, and reader pages are answered in microseconds from the cache.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use super::cross_site::{SiteOrigin, refuse_cross_site_write};
use super::headers::{SecurityHeaders, set_security_headers};
use super::limits::{BodyLimits, read_body_within_limit, refuse_oversized};

/// What the guard checks against, shared by every request.
#[derive(Clone, Debug)]
pub struct Guard(Arc<GuardSettings>);

#[derive(Debug)]
pub struct GuardSettings {
    pub headers: SecurityHeaders,
    pub site: SiteOrigin,
    pub body_limits: BodyLimits,
}

impl Guard {
    pub fn new(settings: GuardSettings) -> Self {
        Self(Arc::new(settings))
    }
}

pub async fn guard(State(guard): State<Guard>, request: Request, next: Next) -> Response {
    let mut response = match checked(&guard.0, request).await {
        Ok(request) => next.run(request).await,
        Err(refusal) => refusal,
    };
    set_security_headers(response.headers_mut(), guard.0.headers);
    response
}

async fn checked(settings: &GuardSettings, request: Request) -> Result<Request, Response> {
    if let Some(refusal) = refuse_oversized(&request).or_else(|| refuse_cross_site_write(&request, &settings.site)) {
        return Err(refusal);
    }
    read_body_within_limit(settings.body_limits, request).await
}
