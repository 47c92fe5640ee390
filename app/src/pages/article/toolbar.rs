use leptos::prelude::*;

use crate::browser;
use crate::url::encode_component;

const SMALLEST_TEXT: f64 = 0.85;
const LARGEST_TEXT: f64 = 1.6;
const TEXT_STEP: f64 = 0.15;

/// The reader toolbar: text size (remembered in the browser), print, copy link, and share links.
/// Share links are plain links; the buttons need JavaScript and are hidden without it.
#[component]
pub fn ArticleToolbar(url: String, title: String, text_scale: RwSignal<f64>) -> impl IntoView {
    Effect::new(move || {
        if let Some(stored) = browser::stored_text_scale() {
            text_scale.set(stored.clamp(SMALLEST_TEXT, LARGEST_TEXT));
        }
    });
    let set_scale = move |scale: f64| {
        let scale = (scale.clamp(SMALLEST_TEXT, LARGEST_TEXT) * 100.0).round() / 100.0;
        text_scale.set(scale);
        browser::store_text_scale(scale);
    };
    let copied = RwSignal::new(false);
    let url_to_copy = url.clone();
    let copy_link = move |_| {
        let url = url_to_copy.clone();
        leptos::task::spawn_local(async move { copied.set(browser::copy_to_clipboard(&url).await) });
    };
    let (encoded_url, encoded_title) = (encode_component(&url), encode_component(&title));
    let facebook = format!("https://www.facebook.com/sharer/sharer.php?u={encoded_url}");
    let twitter = format!("https://twitter.com/intent/tweet?url={encoded_url}&text={encoded_title}");
    let email = format!("mailto:?subject={encoded_title}&body={encoded_url}");
    view! {
        <div class="reader-toolbar" role="toolbar" aria-label="Công cụ đọc bài">
            <div class="js-only text-size" role="group" aria-label="Cỡ chữ">
                <button type="button" on:click=move |_| set_scale(text_scale.get_untracked() - TEXT_STEP)>
                    "A-"<span class="visually-hidden">" Giảm cỡ chữ"</span>
                </button>
                <button type="button" on:click=move |_| set_scale(1.0)>
                    "A"<span class="visually-hidden">" Cỡ chữ mặc định"</span>
                </button>
                <button type="button" on:click=move |_| set_scale(text_scale.get_untracked() + TEXT_STEP)>
                    "A+"<span class="visually-hidden">" Tăng cỡ chữ"</span>
                </button>
            </div>
            <button type="button" class="js-only" on:click=move |_| browser::print()>"In bài"</button>
            <button type="button" class="js-only" on:click=copy_link>
                {move || if copied.get() { "Đã sao chép liên kết" } else { "Sao chép liên kết" }}
            </button>
            <span class="share">
                "Chia sẻ: "
                <a href=facebook target="_blank" rel="noopener noreferrer">"Facebook"<span class="visually-hidden">" (mở trong thẻ mới)"</span></a>
                <a href=twitter target="_blank" rel="noopener noreferrer">"X"<span class="visually-hidden">" (mở trong thẻ mới)"</span></a>
                <a href=email>"Email"</a>
            </span>
        </div>
    }
}
