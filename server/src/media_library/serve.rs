//! `GET /media/<name>`: a stored file or one of its variants. Only names the server chose are
//! looked at (anything else, `../` and its encoded or Unicode forms included, is 404 before the
//! disk is touched), and only files the library has a row for are served. Names change with the
//! content, so browsers may keep a file for a year.

use app::ssr::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use media::MediaKind;
use media::store::is_stored_name;
use service::media_library;

use crate::database_error::database_error;

const CACHE_FOREVER: &str = "public, max-age=31536000, immutable";

pub async fn serve_file(State(state): State<AppState>, Path(name): Path<String>, headers: HeaderMap) -> Response {
    let kind = name.rsplit_once('.').and_then(|(_, extension)| MediaKind::from_extension(extension));
    let Some(kind) = kind.filter(|_| is_stored_name(&name)) else { return not_found() };
    let row = match media_library::find_by_file_name(state.db.reader(), &name).await {
        // Only the row's own file and the variants it lists, not any name that looks like one of them.
        Ok(Some(row)) if row.file_name == name || media_library::variants(&row).iter().any(|v| v.file_name == name) => {
            row
        }
        Ok(_) => return not_found(),
        Err(error) => return database_error(&error),
    };
    let etag = format!("\"{name}\"");
    let cached = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains(&etag));
    let mut response = if cached {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        match state.media.store.get(&name).await {
            Ok(Some(bytes)) => bytes.into_response(),
            Ok(None) => {
                tracing::warn!(file = name, "the library has a row for a file the store does not hold");
                return not_found();
            }
            Err(error) => {
                tracing::error!(%error, file = name, "a stored file could not be read");
                return (StatusCode::INTERNAL_SERVER_ERROR, "Không đọc được tệp.").into_response();
            }
        }
    };
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind.mime()));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE_FOREVER));
    headers.insert(header::ETAG, HeaderValue::from_str(&etag).expect("stored names are header-safe"));
    let disposition = if matches!(kind, MediaKind::Docx | MediaKind::Xlsx) { "attachment" } else { "inline" };
    let value = format!("{disposition}; {}", file_name_parameters(&row.original_name));
    if let Ok(value) = HeaderValue::from_str(&value) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Không tìm thấy tệp.").into_response()
}

/// `filename="…"` in plain ASCII for old clients, and `filename*=UTF-8''…` with the real name
/// (RFC 6266), so a download keeps its Vietnamese name and no name can break the header.
fn file_name_parameters(original: &str) -> String {
    let ascii: String = service::text::fold_diacritics(original)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') { c } else { '_' })
        .collect();
    let mut encoded = String::with_capacity(original.len() * 3);
    for byte in original.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::file_name_parameters;

    #[test]
    fn download_names_keep_vietnamese_and_cannot_break_the_header() {
        assert_eq!(
            file_name_parameters("Kế hoạch số 12.pdf"),
            "filename=\"ke hoach so 12.pdf\"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20s%E1%BB%91%2012.pdf"
        );
        assert_eq!(file_name_parameters("a\";b.pdf"), "filename=\"a__b.pdf\"; filename*=UTF-8''a%22%3Bb.pdf");
    }
}
