//! Machine-readable views of the site: `/sitemap.xml`, `/robots.txt` and RSS 2.0 feeds.

mod robots;
mod rss;
mod sitemap;
mod xml;

use app::ssr::AppState;
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/robots.txt", get(robots::robots_txt))
        .route("/sitemap.xml", get(sitemap::sitemap_xml))
        .route("/rss.xml", get(rss::site_feed))
        .route("/chuyen-muc/{slug}/rss.xml", get(rss::category_feed))
}

/// Why a feed could not be produced.
#[derive(Debug, thiserror::Error)]
enum FeedError {
    #[error("Không có chuyên mục này.")]
    NotFound,
    #[error("Hệ thống đang bận, vui lòng thử lại sau.")]
    Database(#[from] service::DbErr),
}

impl IntoResponse for FeedError {
    fn into_response(self) -> Response {
        let status = match &self {
            FeedError::NotFound => StatusCode::NOT_FOUND,
            FeedError::Database(error) => {
                tracing::error!(%error, "feed query failed");
                StatusCode::SERVICE_UNAVAILABLE
            }
        };
        (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], self.to_string()).into_response()
    }
}
