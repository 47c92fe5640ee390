//! Machine-readable views of the site: `/sitemap.xml`, `/robots.txt` and RSS 2.0 feeds.

mod document_feeds;
mod robots;
mod rss;
mod sitemap;
mod xml;

use app::ssr::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub use sitemap::ARTICLES_PER_FILE;

/// `sitemap_articles_per_file`: how many articles one sitemap file lists (`ARTICLES_PER_FILE`).
pub fn routes(sitemap_articles_per_file: u64) -> Router<AppState> {
    let per_file = sitemap_articles_per_file;
    Router::new()
        .route("/robots.txt", get(robots::robots_txt))
        .route("/sitemap.xml", get(move |State(state)| sitemap::sitemap_xml(state, per_file)))
        .route("/sitemap/{file}", get(move |state, file| sitemap::sitemap_part(state, file, per_file)))
        .route("/rss.xml", get(rss::site_feed))
        .route("/chuyen-muc/{slug}/rss.xml", get(rss::category_feed))
        .route("/van-ban/rss.xml", get(document_feeds::all_documents))
        .route("/van-ban/loai/{slug}/rss.xml", get(document_feeds::documents_of_type))
        .route("/van-ban/linh-vuc/{slug}/rss.xml", get(document_feeds::documents_in_field))
}

/// Why a feed could not be produced.
#[derive(Debug, thiserror::Error)]
enum FeedError {
    #[error("Không có chuyên mục, loại văn bản hoặc lĩnh vực này.")]
    NotFound,
    #[error("Không có tệp sơ đồ trang này; danh sách các tệp ở /sitemap.xml.")]
    NoSuchSitemap,
    #[error(transparent)]
    Database(#[from] service::DbErr),
}

impl IntoResponse for FeedError {
    fn into_response(self) -> Response {
        let status = match &self {
            FeedError::NotFound | FeedError::NoSuchSitemap => StatusCode::NOT_FOUND,
            FeedError::Database(error) => return crate::database_error::database_error(error),
        };
        (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], self.to_string()).into_response()
    }
}
