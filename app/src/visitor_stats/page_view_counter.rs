use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::{PAGE_VIEW_PATH, PAGE_VIEW_PIXEL_PATH};
use crate::url::encode_component;

// Each reader page view is counted exactly once, wherever the page came from (the server, a cache
// or a CDN), by one of three means:
// - reader pages, loaded or opened by the reader script's navigation: a beacon from that script
//   (`layout/reader_script.js`), sent as soon as the page is shown, so readers who leave before
//   the islands have loaded still count;
// - reader pages opened inside the back office's single-page app: a beacon from the app;
// - without JavaScript: the `<noscript>` image. A browser with JavaScript never loads
//   `<noscript>` content, so it is never counted twice.

/// Counts the reader pages opened inside the back office's app after the page it loaded.
#[component]
pub fn CountAppNavigations() -> impl IntoView {
    let location = use_location();
    Effect::new(move |counted_before: Option<()>| {
        let path = location.pathname.get();
        // A new search on the same path is a new page.
        location.search.track();
        // The first run is the page the browser loaded: the back office, never counted.
        if counted_before.is_some() && counts_as_page_view(&path) {
            islands::browser::send_beacon(&format!("{PAGE_VIEW_PATH}?trang={}", encode_component(&path)));
        }
    });
}

/// The image that counts the page when JavaScript is off.
#[component]
pub fn NoscriptPageViewPixel() -> impl IntoView {
    let location = use_location();
    let pixel = move || {
        let path = location.pathname.get();
        if !counts_as_page_view(&path) {
            return String::new();
        }
        format!(
            r#"<noscript><img src="{PAGE_VIEW_PIXEL_PATH}?trang={}" alt="" width="1" height="1"></noscript>"#,
            encode_component(&path)
        )
    };
    // Set as HTML so hydration never walks into the `<noscript>` element, whose content a
    // scripting browser keeps as text.
    view! { <div class="page-view-counter" inner_html=pixel></div> }
}
/// Reader pages count; the back office, the API, feeds and files do not.
pub fn counts_as_page_view(path: &str) -> bool {
    let last_segment = path.rsplit('/').next().unwrap_or_default();
    path.starts_with('/')
        && !path.starts_with("//")
        && path.len() <= 2_000
        && !["/quan-tri", "/api/", "/pkg/", "/media/"].iter().any(|prefix| path.starts_with(prefix))
        && !last_segment.contains('.')
}

#[cfg(test)]
mod tests {
    use super::counts_as_page_view;

    #[test]
    fn reader_pages_count_and_everything_else_does_not() {
        for page in ["/", "/bai-viet/hoi-nghi", "/chuyen-muc/dang-bo", "/tim-kiem", "/trang/gioi-thieu", "/khong-co"] {
            assert!(counts_as_page_view(page), "{page}");
        }
        for other in [
            "/quan-tri",
            "/quan-tri/thong-ke",
            "/api/thong-ke",
            "/pkg/portal.wasm",
            "/rss.xml",
            "/sitemap.xml",
            "/favicon.svg",
            "//evil.example",
            "bai-viet",
            "",
        ] {
            assert!(!counts_as_page_view(other), "{other}");
        }
    }
}
