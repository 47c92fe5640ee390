//! Seeing what the server does: health and readiness for the load balancer, Prometheus metrics,
//! and a request id on every request, its log lines and its response.

mod health;
mod metrics;
mod request_id;

pub use health::{HEALTH_PATH, READY_PATH, health, ready};
pub use metrics::{METRICS_PATH, Metrics, MetricsAccess, measure, metrics};
pub use request_id::{SequentialRequestId, request_span};
