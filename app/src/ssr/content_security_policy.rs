//! The Content-Security-Policy of HTML pages. Leptos gives every response a fresh nonce and puts it on
//! the scripts it writes (hydration, resolved data); only those and the site's own files may run.

use http::HeaderValue;
use http::header::CONTENT_SECURITY_POLICY;
use leptos::nonce::use_nonce;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// Scripts from this site or carrying `nonce`; WebAssembly may compile (the hydrated app); styles,
/// images, fonts and fetches from this site only; frames only from the video players articles may
/// embed (`text::sanitize::is_allowed_embed`); no plugins, no `<base>` tricks, forms post here,
/// and no other site may frame the page.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self'; font-src 'self'; connect-src 'self'; \
         frame-src https://www.youtube-nocookie.com https://player.vimeo.com; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// Sends [`page_policy`] with this response's nonce; called while the page shell renders.
pub fn send_page_policy() {
    let (Some(nonce), Some(response)) = (use_nonce(), use_context::<ResponseOptions>()) else {
        return;
    };
    // The nonce is URL-safe base64, so the value is always a valid header.
    if let Ok(value) = HeaderValue::from_str(&page_policy(&nonce)) {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_nonce_and_the_site_itself_may_run_scripts() {
        let policy = page_policy("abc123");
        let script_src = policy.split(';').map(str::trim).find(|d| d.starts_with("script-src")).unwrap();
        assert_eq!(script_src, "script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'");
        assert!(!policy.contains("unsafe-inline"), "no inline scripts, styles or event handlers");
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("object-src 'none'"));
        assert!(policy.contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com;"));
    }
}
