//! `POST /quan-tri/thu-vien/tai-len`: one or more files from a signed-in staff member. Each file
//! is checked and processed on its own (see `service::media_library::store_upload`); the answer
//! lists what was stored and what was refused with the reason. Scripts that accept JSON get an
//! `UploadOutcome`; the plain form is redirected back to the library with a message.

use std::sync::Arc;
use std::time::{Duration, Instant};

use app::admin::media_library::ssr::media_item;
use app::admin::media_library::{ALT_FIELD, FILE_FIELD, LIBRARY_PATH};
use app::auth::ssr::signed_in;
use app::models::{RefusedUpload, UploadOutcome};
use app::ssr::AppState;
use app::url::encode_component;
use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Json};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use media::MediaError;
use service::audit::Actor;
use service::media_library::{self, Upload, UploadError};

use crate::database_error::database_error;
use crate::security::RateLimiter;

/// Upload requests one account may make in a minute.
pub const UPLOADS_PER_MINUTE: u32 = 60;
/// How many files of the largest size one request may carry (the plain form sends them together;
/// the editor sends one a request).
const FILES_AT_FULL_SIZE: u64 = 4;

/// The per-account upload rate.
#[derive(Clone)]
pub struct UploadLimit(Arc<RateLimiter>);

impl UploadLimit {
    pub fn new(per_minute: u32) -> Self {
        Self(Arc::new(RateLimiter::new(per_minute, Duration::from_secs(60))))
    }
}

/// The largest upload request body for a given largest file.
pub fn upload_request_limit(max_file_bytes: u64) -> usize {
    usize::try_from(max_file_bytes * FILES_AT_FULL_SIZE + 1_000_000).unwrap_or(usize::MAX)
}

pub async fn upload(
    State(state): State<AppState>,
    Extension(limit): Extension<UploadLimit>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let wants_json = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("application/json"));
    let account = match signed_in(&state, &headers).await {
        Ok(Some(account)) => account,
        Ok(None) => return refused(StatusCode::UNAUTHORIZED, "Bạn cần đăng nhập để tải tệp lên.", wants_json),
        Err(error) => return database_error(&error),
    };
    if let Err(wait) = limit.0.check(&account.id.to_string(), Instant::now()) {
        let seconds = wait.as_secs().max(1);
        let message = format!("Bạn tải lên quá nhiều lần trong một phút. Vui lòng chờ {seconds} giây rồi thử lại.");
        let mut response = refused(StatusCode::TOO_MANY_REQUESTS, &message, wants_json);
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        return response;
    }
    let (alt_text, files) = match read_form(multipart).await {
        Ok(form) => form,
        Err(message) => return refused(StatusCode::BAD_REQUEST, message, wants_json),
    };
    if files.is_empty() {
        return refused(StatusCode::BAD_REQUEST, "Chưa chọn tệp nào để tải lên.", wants_json);
    }

    let actor = Actor::from(&account);
    let mut outcome = UploadOutcome::default();
    let mut refusal_status = StatusCode::UNPROCESSABLE_ENTITY;
    for (file_name, bytes) in files {
        let upload = Upload { original_name: &file_name, bytes, alt_text: &alt_text };
        match media_library::store_upload(&state.db, &state.media, upload, &actor, state.clock.now()).await {
            Ok(row) => outcome.uploaded.push(media_item(row)),
            Err(UploadError::Database(error)) => return database_error(&error),
            Err(error) => {
                refusal_status = status_of(&error);
                if let UploadError::Storage(problem) = &error {
                    tracing::error!(%problem, "an uploaded file could not be stored");
                }
                outcome.refused.push(RefusedUpload { file_name, message: message_of(&error) });
            }
        }
    }
    let status = if outcome.uploaded.is_empty() { refusal_status } else { StatusCode::CREATED };
    if wants_json {
        return (status, Json(outcome)).into_response();
    }
    let problems: Vec<String> = outcome.refused.iter().map(|r| format!("{}: {}", r.file_name, r.message)).collect();
    let back =
        format!("{LIBRARY_PATH}?da-tai-len={}&loi={}", outcome.uploaded.len(), encode_component(&problems.join(" ")));
    Redirect::to(&back).into_response()
}

type Form = (String, Vec<(String, Vec<u8>)>);

/// The alt text and the files of the form. Fields other than the two are ignored.
async fn read_form(multipart: Result<Multipart, MultipartRejection>) -> Result<Form, &'static str> {
    const MALFORMED: &str = "Dữ liệu tải lên không hợp lệ: hãy gửi tệp bằng biểu mẫu multipart/form-data.";
    let mut multipart = multipart.map_err(|_| MALFORMED)?;
    let (mut alt_text, mut files) = (String::new(), Vec::new());
    while let Some(field) = multipart.next_field().await.map_err(|_| MALFORMED)? {
        match field.name() {
            Some(FILE_FIELD) => {
                let file_name = field.file_name().unwrap_or_default().to_owned();
                let bytes = field.bytes().await.map_err(|_| MALFORMED)?;
                // A form whose file input was left empty still sends the field, nameless and empty.
                if !(file_name.is_empty() && bytes.is_empty()) {
                    files.push((file_name, bytes.to_vec()));
                }
            }
            Some(ALT_FIELD) => alt_text = field.text().await.map_err(|_| MALFORMED)?,
            _ => {}
        }
    }
    Ok((alt_text, files))
}

fn status_of(error: &UploadError) -> StatusCode {
    match error {
        UploadError::Refused(MediaError::UnsupportedType | MediaError::MacroDocument) => {
            StatusCode::UNSUPPORTED_MEDIA_TYPE
        }
        UploadError::Refused(MediaError::TooLarge { .. }) => StatusCode::PAYLOAD_TOO_LARGE,
        UploadError::Storage(_) | UploadError::Database(_) => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

fn message_of(error: &UploadError) -> String {
    match error {
        UploadError::Storage(_) | UploadError::Database(_) => "Không lưu được tệp, vui lòng thử lại sau.".into(),
        refused => refused.to_string(),
    }
}

fn refused(status: StatusCode, message: &str, wants_json: bool) -> Response {
    if wants_json {
        (status, Json(serde_json::json!({ "message": message }))).into_response()
    } else {
        (status, message.to_owned()).into_response()
    }
}
