//! Per-address limits on requests that cost the server real work (search), counted in fixed windows
//! in memory: each server process protects itself.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::pages::legal_documents::{DOCUMENTS_PATH, GetDocumentList};
use app::pages::search::{GetSearchPage, SEARCH_PATH};
use app::ssr::request_client_address;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};
use leptos::server_fn::ServerFn;

pub struct RateLimiter {
    limit: u32,
    window: Duration,
    state: Mutex<Windows>,
}

struct Windows {
    by_address: HashMap<String, Window>,
    last_pruned: Instant,
}

struct Window {
    started: Instant,
    requests: u32,
}

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        let state = Windows { by_address: HashMap::new(), last_pruned: Instant::now() };
        Self { limit, window, state: Mutex::new(state) }
    }

    /// Counts a request from `address`; over the limit, how long until it may try again.
    pub fn check(&self, address: &str, now: Instant) -> Result<(), Duration> {
        let mut state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Forget finished windows now and then, so many addresses cannot grow the map without end.
        if now.duration_since(state.last_pruned) >= self.window {
            let window = self.window;
            state.by_address.retain(|_, w| now.duration_since(w.started) < window);
            state.last_pruned = now;
        }
        let current = state.by_address.entry(address.to_owned()).or_insert(Window { started: now, requests: 0 });
        let elapsed = now.duration_since(current.started);
        if elapsed >= self.window {
            *current = Window { started: now, requests: 0 };
        }
        if current.requests >= self.limit {
            return Err(self.window.saturating_sub(now.duration_since(current.started)));
        }
        current.requests += 1;
        Ok(())
    }
}

/// Searches per address per minute, on the search pages and their server functions.
#[derive(Clone)]
pub struct SearchLimit {
    limiter: Arc<RateLimiter>,
    behind_proxy: bool,
}

impl SearchLimit {
    pub fn new(searches_per_minute: u32, behind_proxy: bool) -> Self {
        Self { limiter: Arc::new(RateLimiter::new(searches_per_minute, Duration::from_secs(60))), behind_proxy }
    }
}

/// The pages that search: article search, and the documents' list, whose renders (every search,
/// and each filter the page cache does not hold yet) read the whole selection to count it.
fn searches(path: &str) -> bool {
    [SEARCH_PATH, <GetSearchPage as ServerFn>::PATH, DOCUMENTS_PATH, <GetDocumentList as ServerFn>::PATH]
        .contains(&path)
}

pub async fn limit_searches(State(limit): State<SearchLimit>, request: Request, next: Next) -> Response {
    if !searches(request.uri().path()) {
        return next.run(request).await;
    }
    let address = request_client_address(&request, limit.behind_proxy).unwrap_or_default();
    match limit.limiter.check(&address, Instant::now()) {
        Ok(()) => next.run(request).await,
        Err(wait) => {
            let seconds = wait.as_secs().max(1);
            let mut response = (
                StatusCode::TOO_MANY_REQUESTS,
                format!("Bạn tìm kiếm quá nhiều lần trong một phút. Vui lòng chờ {seconds} giây rồi thử lại."),
            )
                .into_response();
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_over_its_limit_waits_for_the_window_to_end_and_others_are_not_affected() {
        let limiter = RateLimiter::new(3, Duration::from_secs(60));
        let start = Instant::now();
        for _ in 0..3 {
            assert!(limiter.check("203.0.113.7", start).is_ok());
        }
        let wait = limiter.check("203.0.113.7", start + Duration::from_secs(15)).unwrap_err();
        assert_eq!(wait, Duration::from_secs(45));
        assert!(limiter.check("198.51.100.2", start + Duration::from_secs(15)).is_ok(), "another address");
        assert!(limiter.check("203.0.113.7", start + Duration::from_secs(60)).is_ok(), "a new window");
    }

    #[test]
    fn finished_windows_are_forgotten() {
        let limiter = RateLimiter::new(1, Duration::from_secs(1));
        let start = Instant::now();
        for n in 0..1000 {
            limiter.check(&format!("10.0.{}.{}", n / 256, n % 256), start).unwrap();
        }
        limiter.check("10.9.9.9", start + Duration::from_secs(2)).unwrap();
        assert_eq!(limiter.state.lock().unwrap().by_address.len(), 1);
    }
}
