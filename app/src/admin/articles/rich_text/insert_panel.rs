use leptos::prelude::*;

use super::controls::EditorControls;
use super::link_panel::LinkPanel;
use super::media_picker::MediaPicker;
use super::upload_panel::UploadPanel;
use super::video_panel::VideoPanel;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenPanel {
    Link,
    Library,
    Upload,
    Video,
}

/// The panel under the toolbar for what is being inserted; Escape or "Đóng" closes it.
#[component]
pub fn InsertPanel(controls: EditorControls, panel: OpenPanel, close: Callback<()>) -> impl IntoView {
    let (title, body) = match panel {
        OpenPanel::Link => ("Liên kết", view! { <LinkPanel controls close/> }.into_any()),
        OpenPanel::Library => ("Chèn ảnh từ thư viện", view! { <MediaPicker controls close/> }.into_any()),
        OpenPanel::Upload => ("Tải ảnh hoặc tệp lên", view! { <UploadPanel controls close/> }.into_any()),
        OpenPanel::Video => ("Nhúng video", view! { <VideoPanel controls close/> }.into_any()),
    };
    view! {
        <section class="insert-panel" aria-label=title
            on:keydown=move |event| if event.key() == "Escape" { close.run(()) }>
            <h3>{title}</h3>
            {body}
            <button type="button" class="close-panel" on:click=move |_| close.run(())>"Đóng"</button>
        </section>
    }
}
