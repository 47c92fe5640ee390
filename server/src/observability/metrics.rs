//! `/metrics` in the Prometheus text format: requests by kind and status class, their latencies,
//! requests in flight, live connections and the visitor numbers. Only monitoring may read it: a
//! request from this machine that no proxy forwarded, or one carrying `PORTAL_METRICS_TOKEN`.

use std::fmt::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::Instant;

use app::ssr::AppState;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode, header};

use crate::page_cache::{PageCache, PageCacheStats};

pub const METRICS_PATH: &str = "/metrics";

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];
/// Requests slower than this are logged: something is waiting that should not be.
const SLOW_REQUEST: std::time::Duration = std::time::Duration::from_secs(5);
const KINDS: [&str; 3] = ["page", "api", "file"];
const CLASSES: [&str; 5] = ["1xx", "2xx", "3xx", "4xx", "5xx"];

#[derive(Default)]
struct Counters {
    requests: [[AtomicU64; CLASSES.len()]; KINDS.len()],
    /// Cumulative, as Prometheus wants: bucket i counts requests at most `BUCKETS[i]` long.
    latency_buckets: [[AtomicU64; BUCKETS.len()]; KINDS.len()],
    latency_micros: [AtomicU64; KINDS.len()],
    in_flight: AtomicI64,
}

#[derive(Clone, Default)]
pub struct Metrics(Arc<Counters>);

impl Metrics {
    fn record(&self, kind: usize, status: StatusCode, seconds: f64) {
        let counters = &self.0;
        let class = (status.as_u16() / 100).clamp(1, 5) as usize - 1;
        counters.requests[kind][class].fetch_add(1, Ordering::Relaxed);
        for (bound, bucket) in BUCKETS.iter().zip(&counters.latency_buckets[kind]) {
            if seconds <= *bound {
                bucket.fetch_add(1, Ordering::Relaxed);
            }
        }
        counters.latency_micros[kind].fetch_add((seconds * 1e6) as u64, Ordering::Relaxed);
    }

    fn render(&self, state: &AppState, page_cache: PageCacheStats) -> String {
        let counters = &self.0;
        let mut out = String::with_capacity(4096);
        out.push_str("# HELP portal_http_requests_total HTTP requests answered, by kind and status class.\n");
        out.push_str("# TYPE portal_http_requests_total counter\n");
        for (kind, name) in KINDS.iter().enumerate() {
            for (class, label) in CLASSES.iter().enumerate() {
                let count = counters.requests[kind][class].load(Ordering::Relaxed);
                let _ = writeln!(out, "portal_http_requests_total{{kind=\"{name}\",status=\"{label}\"}} {count}");
            }
        }
        out.push_str("# HELP portal_http_request_duration_seconds Time to the response head, by kind.\n");
        out.push_str("# TYPE portal_http_request_duration_seconds histogram\n");
        for (kind, name) in KINDS.iter().enumerate() {
            for (bound, bucket) in BUCKETS.iter().zip(&counters.latency_buckets[kind]) {
                let count = bucket.load(Ordering::Relaxed);
                let _ = writeln!(
                    out,
                    "portal_http_request_duration_seconds_bucket{{kind=\"{name}\",le=\"{bound}\"}} {count}"
                );
            }
            let total: u64 = counters.requests[kind].iter().map(|c| c.load(Ordering::Relaxed)).sum();
            let seconds = counters.latency_micros[kind].load(Ordering::Relaxed) as f64 / 1e6;
            let _ = writeln!(out, "portal_http_request_duration_seconds_bucket{{kind=\"{name}\",le=\"+Inf\"}} {total}");
            let _ = writeln!(out, "portal_http_request_duration_seconds_sum{{kind=\"{name}\"}} {seconds}");
            let _ = writeln!(out, "portal_http_request_duration_seconds_count{{kind=\"{name}\"}} {total}");
        }
        let numbers = state.visitors.numbers();
        let gauges = [
            (
                "portal_http_requests_in_flight",
                "Requests being handled now.",
                counters.in_flight.load(Ordering::Relaxed),
            ),
            (
                "portal_live_connections",
                "Open live connections of the visitor widget.",
                state.visitors.live_connections() as i64,
            ),
            ("portal_visitors_online", "Visitors online now (Đang online).", numbers.online),
            ("portal_visits_today", "Visits counted today (Hôm nay).", numbers.today),
            ("portal_visits_total", "Visits counted since the site began (Đã truy cập).", numbers.total),
        ];
        for (name, help, value) in gauges {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}");
        }
        let cache_counters = [
            ("portal_page_cache_hits_total", "Requests answered from a kept page, 304s included.", page_cache.hits),
            ("portal_page_cache_misses_total", "Renders made for the page cache.", page_cache.misses),
            (
                "portal_page_cache_bypasses_total",
                "Requests the page cache may not answer (signed in, back office, search, writes).",
                page_cache.bypasses,
            ),
        ];
        for (name, help, value) in cache_counters {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}");
        }
        let cache_gauges = [
            ("portal_page_cache_pages", "Pages kept.", page_cache.pages),
            ("portal_page_cache_bytes", "Memory the kept pages take (compressed).", page_cache.bytes),
        ];
        for (name, help, value) in cache_gauges {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}");
        }
        out
    }
}

fn kind_of(path: &str) -> usize {
    if path.starts_with("/api/") {
        1
    } else if path.starts_with("/pkg/") || path.rsplit('/').next().is_some_and(|last| last.contains('.')) {
        2
    } else {
        0
    }
}

/// Counts every request; the outermost layer but one, so refusals are counted too.
pub async fn measure(State(metrics): State<Metrics>, request: Request, next: Next) -> Response {
    let kind = kind_of(request.uri().path());
    let started = Instant::now();
    metrics.0.in_flight.fetch_add(1, Ordering::Relaxed);
    let response = next.run(request).await;
    metrics.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    let elapsed = started.elapsed();
    if elapsed >= SLOW_REQUEST {
        tracing::warn!(status = %response.status(), ?elapsed, "slow request");
    }
    metrics.record(kind, response.status(), elapsed.as_secs_f64());
    response
}

/// Who may read the metrics: `PORTAL_METRICS_TOKEN`, if set, as a bearer token.
#[derive(Clone, Default)]
pub struct MetricsAccess {
    /// `PORTAL_METRICS_TOKEN`: monitoring sends it as `Authorization: Bearer …`.
    pub token: Option<String>,
    /// `PORTAL_METRICS_LOCAL`: also let requests from this machine in without the token. Off by
    /// default: a reverse proxy on the same machine that does not add `X-Forwarded-For` would
    /// otherwise hand the metrics to the world.
    pub local_without_token: bool,
}

impl MetricsAccess {
    fn allows(&self, peer: Option<SocketAddr>, headers: &HeaderMap) -> bool {
        let bearer = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
        if let (Some(token), Some(bearer)) = (&self.token, bearer) {
            return bearer.strip_prefix("Bearer ").is_some_and(|given| constant_time_eq(given, token));
        }
        self.local_without_token
            && peer.is_some_and(|p| p.ip().is_loopback())
            && !headers.contains_key("x-forwarded-for")
    }
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub async fn metrics(
    State(state): State<AppState>,
    axum::Extension(metrics): axum::Extension<Metrics>,
    axum::Extension(access): axum::Extension<MetricsAccess>,
    axum::Extension(page_cache): axum::Extension<PageCache>,
    request: Request,
) -> Response {
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(peer)| *peer);
    if !access.allows(peer, request.headers()) {
        let refusal = "Metrics are for monitoring: send Authorization: Bearer with PORTAL_METRICS_TOKEN \
                       (or set PORTAL_METRICS_LOCAL=true to let this machine read them without it).";
        return (StatusCode::FORBIDDEN, refusal).into_response();
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"), (header::CACHE_CONTROL, "no-store")],
        metrics.render(&state, page_cache.stats()),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_filed_by_kind() {
        assert_eq!(KINDS[kind_of("/")], "page");
        assert_eq!(KINDS[kind_of("/bai-viet/hoi-nghi")], "page");
        assert_eq!(KINDS[kind_of("/api/get_search_page")], "api");
        assert_eq!(KINDS[kind_of("/pkg/portal.wasm")], "file");
        assert_eq!(KINDS[kind_of("/media/anh.jpg")], "file");
    }

    #[test]
    fn only_this_machine_or_the_token_reads_metrics() {
        let local = Some(SocketAddr::from(([127, 0, 0, 1], 9000)));
        let remote = Some(SocketAddr::from(([203, 0, 113, 7], 9000)));
        let mut forwarded = HeaderMap::new();
        forwarded.insert("x-forwarded-for", "203.0.113.7".parse().unwrap());
        let mut bearer = HeaderMap::new();
        bearer.insert(header::AUTHORIZATION, "Bearer s3cret-token".parse().unwrap());
        let closed = MetricsAccess { token: None, local_without_token: false };
        let local_only = MetricsAccess { token: None, local_without_token: true };
        let guarded = MetricsAccess { token: Some("s3cret-token".into()), local_without_token: false };
        assert!(!closed.allows(local, &HeaderMap::new()), "a proxy on this machine may forget X-Forwarded-For");
        assert!(local_only.allows(local, &HeaderMap::new()));
        assert!(!local_only.allows(remote, &HeaderMap::new()));
        assert!(!local_only.allows(local, &forwarded), "a reader through the local proxy");
        assert!(guarded.allows(remote, &bearer));
        assert!(!guarded.allows(remote, &HeaderMap::new()));
        assert!(!guarded.allows(local, &HeaderMap::new()));
        let mut wrong = HeaderMap::new();
        wrong.insert(header::AUTHORIZATION, "Bearer s3cret-tokem".parse().unwrap());
        assert!(!guarded.allows(local, &wrong), "a wrong token is refused even locally");
    }
}
