use leptos::prelude::*;

use super::command::EditorCommand;
use super::controls::EditorControls;

/// Embeds a YouTube or Vimeo video from its page address; other hosts are refused here and by
/// the server's sanitiser.
#[component]
pub fn VideoPanel(controls: EditorControls, close: Callback<()>) -> impl IntoView {
    let address = RwSignal::new(String::new());
    let refused = RwSignal::new(false);
    let insert = move || {
        if controls.run(EditorCommand::InsertVideo(address.get_untracked())) {
            close.run(());
        } else {
            refused.set(true);
        }
    };
    view! {
        <label for="video-address">"Địa chỉ video YouTube hoặc Vimeo"</label>
        <input id="video-address" type="url" placeholder="https://www.youtube.com/watch?v=…" autofocus
            aria-describedby="video-problem" on:input=move |event| address.set(event_target_value(&event))
            on:keydown=move |event| if event.key() == "Enter" { event.prevent_default(); insert() }/>
        <p id="video-problem" class="field-error">
            {move || refused.get().then_some("Chỉ nhúng được video từ YouTube hoặc Vimeo; hãy dán địa chỉ trang xem video.")}
        </p>
        <button type="button" on:click=move |_| insert()>"Nhúng video"</button>
    }
}
