//! Leptos 0.8 now and then never finishes a server render: a `<Suspense>` misses the wake-up of a
//! resource that resolved on another thread and waits forever without using the CPU
//! (leptos-rs/leptos#4851, #4698; seen here in about one test run in five, on any page).
//! A page renders in milliseconds, so one still unfinished after [`RENDER_RETRY_AFTER`] is
//! abandoned and rendered again: reading a page is safe to repeat. Each retry is logged.

use std::time::Duration;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::Method;

/// Far above any real render (p99 is a few milliseconds), far below the 30 s request timeout.
pub const RENDER_RETRY_AFTER: Duration = Duration::from_secs(5);

pub async fn retry_stalled_renders(request: Request, next: Next) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return next.run(request).await;
    }
    // The body was read (and found empty or small) by the body limit; pages take none.
    let (parts, body) = request.into_parts();
    let again = Request::from_parts(parts.clone(), axum::body::Body::empty());
    match tokio::time::timeout(RENDER_RETRY_AFTER, next.clone().run(Request::from_parts(parts, body))).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!("the page render stalled (leptos-rs/leptos#4851); rendering it again");
            next.run(again).await
        }
    }
}
