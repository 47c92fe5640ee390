//! A server function whose arguments cannot be read answers 500 in Leptos; it is the caller's
//! mistake (a malformed or hand-made request), so it becomes 400. Real server failures stay 500.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::StatusCode;
use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;

/// Server-function error bodies are short messages; anything longer is left as it is.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn argument_errors_are_client_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if is_argument_error(&bytes) {
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The plain encoding writes `Args|…`; typed errors (JSON) carry the message of `ServerFnErrorErr`.
/// On the server, `Deserialization` means the request body could not be decoded (e.g. invalid UTF-8).
fn is_argument_error(body: &[u8]) -> bool {
    let text = String::from_utf8_lossy(body);
    ["Args|", "MissingArg|", "Deserialization|"].iter().any(|prefix| text.starts_with(prefix))
        || ["error deserializing server function", "missing argument"].iter().any(|message| text.contains(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_arguments_are_told_apart_from_server_failures() {
        assert!(is_argument_error(b"Args|invalid type: string \"x\", expected i32"));
        assert!(is_argument_error(b"MissingArg|id"));
        assert!(is_argument_error(b"Deserialization|invalid utf-8 sequence of 1 bytes from index 0"));
        assert!(is_argument_error(br#"{"Unavailable":"error deserializing server function arguments: bad"}"#));
        assert!(!is_argument_error("ServerError|Hệ thống đang bận, vui lòng thử lại sau.".as_bytes()));
    }
}
