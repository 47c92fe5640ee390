use leptos::prelude::*;

use crate::browser;
use crate::url::encode_component;

/// Text sizes are steps (classes `text-size-0` to `text-size-5` in the style sheet) rather than an
/// inline style, which the Content-Security-Policy does not allow.
pub const NORMAL_TEXT_SIZE: usize = 1;
const LARGEST_TEXT_SIZE: usize = 5;

/// The reader toolbar: text size (remembered in the browser), print, copy link, and share links.
/// Share links are plain links; the buttons need JavaScript and are hidden without it.
#[component]
pub fn ArticleToolbar(url: String, title: String, text_size: RwSignal<usize>) -> impl IntoView {
    Effect::new(move || {
        if let Some(stored) = browser::stored_text_size() {
            text_size.set(stored.min(LARGEST_TEXT_SIZE));
        }
    });
    let set_size = move |step: usize| {
        let step = step.min(LARGEST_TEXT_SIZE);
        text_size.set(step);
        browser::store_text_size(step);
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
                <button type="button" on:click=move |_| set_size(text_size.get_untracked().saturating_sub(1))>
                    "A-"<span class="visually-hidden">" Giảm cỡ chữ"</span>
                </button>
                <button type="button" on:click=move |_| set_size(NORMAL_TEXT_SIZE)>
                    "A"<span class="visually-hidden">" Cỡ chữ mặc định"</span>
                </button>
                <button type="button" on:click=move |_| set_size(text_size.get_untracked() + 1)>
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
