use leptos::prelude::*;

use crate::browser;

/// Text sizes are steps (`html[data-text-size]` in the style sheet) rather than an inline style,
/// which the Content-Security-Policy does not allow.
pub const NORMAL_TEXT_SIZE: usize = 1;
pub const LARGEST_TEXT_SIZE: usize = 5;

/// The article's buttons: text size (remembered in the browser, kept across pages), print and
/// copy link. They need JavaScript, so they stay hidden (`js-only`) until the islands run. The
/// link copied is the page's canonical address, read when the button is pressed (no props: see
/// `VisitorStatsWidget`).
#[island]
pub fn ReadingTools() -> impl IntoView {
    let current_size = move || browser::text_size().unwrap_or(NORMAL_TEXT_SIZE);
    let set_size = move |step: usize| browser::set_text_size(step.min(LARGEST_TEXT_SIZE));
    let copied = RwSignal::new(false);
    let copy_link = move |_| {
        leptos::task::spawn_local(async move { copied.set(browser::copy_to_clipboard(&browser::page_address()).await) })
    };
    view! {
        <div class="js-only text-size" role="group" aria-label="Cỡ chữ">
            <button type="button" on:click=move |_| set_size(current_size().saturating_sub(1))>
                "A-"<span class="visually-hidden">" Giảm cỡ chữ"</span>
            </button>
            <button type="button" on:click=move |_| set_size(NORMAL_TEXT_SIZE)>
                "A"<span class="visually-hidden">" Cỡ chữ mặc định"</span>
            </button>
            <button type="button" on:click=move |_| set_size(current_size() + 1)>
                "A+"<span class="visually-hidden">" Tăng cỡ chữ"</span>
            </button>
        </div>
        <button type="button" class="js-only" on:click=move |_| browser::print()>"In bài"</button>
        <button type="button" class="js-only" on:click=copy_link>
            {move || if copied.get() { "Đã sao chép liên kết" } else { "Sao chép liên kết" }}
        </button>
    }
}
