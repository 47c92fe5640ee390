//! `GET /van-ban/{slug}/tep/{id}`: an attachment of a published document, counted as a download
//! and then sent from the media library (a PDF opens in the browser's own viewer, a DOCX or XLSX
//! downloads).

use app::ssr::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use http::{HeaderValue, StatusCode, header};
use service::legal_documents::reading;

use crate::database_error::database_error;

pub fn routes() -> Router<AppState> {
    Router::new().route("/van-ban/{slug}/tep/{id}", get(download))
}

async fn download(State(state): State<AppState>, Path((slug, id)): Path<(String, String)>) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "Không tìm thấy tệp đính kèm này.").into_response();
    let Ok(id) = id.parse::<i32>() else { return not_found() };
    let counted = async {
        let txn = state.db.begin_write().await?;
        let file = reading::download(&txn, &slug, id).await?;
        txn.commit().await?;
        Ok::<_, service::DbErr>(file)
    };
    match counted.await {
        Ok(Some(file)) => {
            // Every visit to this address counts, so no cache may answer it in the server's place.
            let mut response = Redirect::to(&service::media_library::url(&file.file_name)).into_response();
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Ok(None) => not_found(),
        Err(error) => database_error(&error),
    }
}
