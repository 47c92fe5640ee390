//! Every page's Content-Security-Policy, with a nonce chosen here for each request: the render
//! reads it from the request (`app::ssr::provide_page_nonce`) and puts it on its scripts.

use app::ssr::{PageNonce, page_policy};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderValue, header};
use leptos::nonce::Nonce;

pub async fn send_page_policy(mut request: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(PageNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let is_page = response.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if is_page {
        // A nonce is URL-safe base64, so the policy is always a valid header value.
        if let Ok(policy) = HeaderValue::from_str(&page_policy(&nonce)) {
            response.headers_mut().entry(header::CONTENT_SECURITY_POLICY).or_insert(policy);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::response::Html;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    async fn policy_of(router: Router) -> Option<String> {
        let router = router.layer(axum::middleware::from_fn(send_page_policy));
        let response = router.oneshot(Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
        response.headers().get(header::CONTENT_SECURITY_POLICY).map(|v| v.to_str().unwrap().to_owned())
    }

    #[tokio::test]
    async fn a_page_gets_the_policy_naming_the_nonce_its_render_was_given() {
        let router = Router::new().route(
            "/",
            get(|request: Request| async move {
                let PageNonce(nonce) = request.extensions().get::<PageNonce>().cloned().unwrap();
                Html(format!("<script nonce=\"{nonce}\"></script>"))
            }),
        );
        let policy = policy_of(router).await.unwrap();
        assert!(policy.contains("script-src 'self' 'nonce-"), "{policy}");
        let other = policy_of(Router::new().route("/", get(|| async { Html("") }))).await.unwrap();
        assert_ne!(policy, other, "every request has its own nonce");
    }

    #[tokio::test]
    async fn other_responses_are_left_to_the_locked_down_default() {
        assert_eq!(policy_of(Router::new().route("/", get(|| async { "text" }))).await, None);
    }
}
