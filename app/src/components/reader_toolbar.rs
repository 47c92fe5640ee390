use islands::ReadingTools;
use leptos::prelude::*;

use crate::url::encode_component;

/// The toolbar of an article or a document page: the reading tools (an island: text size, print,
/// copy link) and share links, which are plain links and work without JavaScript.
#[component]
pub fn ReaderToolbar(url: String, title: String) -> impl IntoView {
    let (encoded_url, encoded_title) = (encode_component(&url), encode_component(&title));
    let facebook = format!("https://www.facebook.com/sharer/sharer.php?u={encoded_url}");
    let twitter = format!("https://twitter.com/intent/tweet?url={encoded_url}&text={encoded_title}");
    let email = format!("mailto:?subject={encoded_title}&body={encoded_url}");
    view! {
        <div class="reader-toolbar" role="toolbar" aria-label="Công cụ đọc">
            <ReadingTools/>
            <span class="share">
                "Chia sẻ: "
                <a href=facebook target="_blank" rel="noopener noreferrer">"Facebook"<span class="visually-hidden">" (mở trong thẻ mới)"</span></a>
                <a href=twitter target="_blank" rel="noopener noreferrer">"X"<span class="visually-hidden">" (mở trong thẻ mới)"</span></a>
                <a href=email>"Email"</a>
            </span>
        </div>
    }
}
