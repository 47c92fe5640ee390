//! Counting a page view: `POST /api/luot-xem` from the hydrated page, `GET /api/luot-xem.gif`
//! from the `<noscript>` image. Each answers the same whether or not the view counted, so
//! robots learn nothing from it.

use app::auth::ssr::signed_in;
use app::ssr::AppState;
use app::visitor_stats::counts_as_page_view;
use axum::extract::{Query, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use service::text::is_valid_slug;

use super::audience::{NotCounted, is_prefetch, is_robot};
use super::client::{user_agent, visitor};

#[derive(Debug, Deserialize)]
pub struct PageViewQuery {
    /// The path of the page being viewed.
    trang: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum PageViewError {
    #[error("Thiếu địa chỉ trang được xem (tham số trang).")]
    MissingPage,
    #[error(transparent)]
    Database(#[from] service::DbErr),
}

impl IntoResponse for PageViewError {
    fn into_response(self) -> Response {
        let status = match &self {
            PageViewError::MissingPage => StatusCode::BAD_REQUEST,
            PageViewError::Database(error) => return crate::database_error::database_error(error),
        };
        (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], self.to_string()).into_response()
    }
}

pub async fn count_beacon(
    State(state): State<AppState>,
    Query(query): Query<PageViewQuery>,
    parts: Parts,
) -> Result<StatusCode, PageViewError> {
    count(&state, query, &parts).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A transparent 1×1 GIF.
const PIXEL: &[u8] = &[
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff,
    0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02,
    0x02, 0x44, 0x01, 0x00, 0x3b,
];

pub async fn count_pixel(
    State(state): State<AppState>,
    Query(query): Query<PageViewQuery>,
    parts: Parts,
) -> Result<Response, PageViewError> {
    count(&state, query, &parts).await?;
    Ok(([(header::CONTENT_TYPE, "image/gif"), (header::CACHE_CONTROL, "no-store")], PIXEL).into_response())
}

async fn count(state: &AppState, query: PageViewQuery, parts: &Parts) -> Result<(), PageViewError> {
    let path = query.trang.filter(|path| !path.is_empty()).ok_or(PageViewError::MissingPage)?;
    if let Some(reason) = not_counted(state, &path, parts).await? {
        tracing::debug!(?reason, path, "page view not counted");
        return Ok(());
    }
    let visitor = visitor(state, parts).await?;
    let article = path.strip_prefix("/bai-viet/").filter(|slug| is_valid_slug(slug));
    state.visitors.count_page_view(visitor, Utc::now(), article);
    Ok(())
}

async fn not_counted(state: &AppState, path: &str, parts: &Parts) -> Result<Option<NotCounted>, PageViewError> {
    Ok(if !counts_as_page_view(path) {
        Some(NotCounted::NotAReaderPage)
    } else if is_robot(user_agent(&parts.headers)) {
        Some(NotCounted::Robot)
    } else if is_prefetch(&parts.headers) {
        Some(NotCounted::Prefetch)
    } else if signed_in(state, &parts.headers).await?.is_some() {
        Some(NotCounted::SignedInStaff)
    } else {
        None
    })
}
