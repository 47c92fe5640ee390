//! The Content-Security-Policy of HTML pages. Every page request gets a fresh nonce from the HTTP
//! layer (the server's `send_page_policy` middleware), which sends the policy naming it; the render
//! puts the same nonce on the scripts it writes (hydration, resolved data). Only those and the
//! site's own files may run.
//!
//! The policy is not sent from inside the render (through `ResponseOptions`): a header set there
//! now and then went missing when a browser abandoned one page for the next, and the page then
//! got the locked-down policy of non-pages and never came to life.

use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};

/// The nonce the HTTP layer chose for this request, kept in the request's extensions.
#[derive(Clone, Debug)]
pub struct PageNonce(pub Nonce);

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

/// Makes the request's [`PageNonce`] the render's nonce (Leptos's own random one is replaced).
/// Runs as the render's additional context, after Leptos has provided the request's parts.
pub fn provide_page_nonce() {
    let nonce = use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<PageNonce>().cloned());
    if let Some(PageNonce(nonce)) = nonce {
        provide_context(nonce);
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
