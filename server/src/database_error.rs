//! The answer to a request whose database call failed, for the handlers outside Leptos (files,
//! feeds, the page-view beacon); server functions answer the same through `app::ssr::database_error`.

use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};
use service::DbErr;
use service::db_failure::DbFailure;

pub fn database_error(error: &DbErr) -> Response {
    let failure = DbFailure::logged(error);
    let status = StatusCode::from_u16(failure.status()).expect("a valid status");
    let mut response =
        (status, [(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"))], failure.message())
            .into_response();
    if failure == DbFailure::Unavailable {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
    }
    response
}
