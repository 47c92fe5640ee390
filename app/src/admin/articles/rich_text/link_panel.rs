use leptos::prelude::*;

use super::command::{EditorCommand, link_problem};
use super::controls::EditorControls;

/// Sets or removes the link on the selected text. The server adds `rel="noopener noreferrer"`
/// to every link, so one opened in a new tab cannot reach back into the portal.
#[component]
pub fn LinkPanel(controls: EditorControls, close: Callback<()>) -> impl IntoView {
    let address = RwSignal::new(controls.current_link());
    let problem = RwSignal::new(None::<&'static str>);
    let apply = move || match link_problem(&address.get_untracked()) {
        Some(message) => problem.set(Some(message)),
        None if controls.run(EditorCommand::Link(address.get_untracked().trim().to_owned())) => close.run(()),
        None => problem.set(Some("Hãy chọn (bôi đen) đoạn chữ cần gắn liên kết trước.")),
    };
    view! {
        <label for="link-address">"Địa chỉ"</label>
        <input id="link-address" type="url" placeholder="https://…" autofocus prop:value=address
            aria-describedby="link-problem" aria-invalid=move || problem.get().map(|_| "true")
            on:input=move |event| address.set(event_target_value(&event))
            on:keydown=move |event| if event.key() == "Enter" { event.prevent_default(); apply() }/>
        <p id="link-problem" class="field-error">{move || problem.get()}</p>
        <button type="button" on:click=move |_| apply()>"Gắn liên kết"</button>
        <button type="button" on:click=move |_| { controls.run(EditorCommand::Link(String::new())); close.run(()); }>"Bỏ liên kết"</button>
    }
}
