//! The article body's rich text editor: Tiptap (the `editor/` script, through
//! `admin::editor_script`) with the toolbar, insert panels and upload progress in Leptos.

mod command;
mod controls;
mod insert_panel;
mod link_panel;
mod media_picker;
mod toolbar;
mod upload_panel;
mod video_panel;

use leptos::prelude::*;

use controls::EditorControls;
use toolbar::Toolbar;

use crate::admin::editor_script::UploadProgress;
use crate::admin::media_library::UploadList;

/// Edits `body`. The editor reports each change through `on_input`; a `body` replaced from
/// outside (a restored copy, the server's version after a conflict) is loaded into the editor.
/// Without the script (still loading, or no JavaScript) the HTML stays in a plain text area.
#[component]
pub fn RichTextEditor(
    body: Signal<String>,
    on_input: Callback<String>,
    editable: bool,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let controls = EditorControls::default();
    let surface = NodeRef::<leptos::html::Div>::new();
    let uploads = RwSignal::new(Vec::<UploadProgress>::new());
    let notices = RwSignal::new(Vec::<String>::new());
    let load_error = RwSignal::new(None::<String>);
    // What the editor holds: its own last change, or what was last loaded into it.
    let shown = StoredValue::new(body.get_untracked());

    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        use crate::admin::editor_script::{EditorEvent, MountedEditor, load_script};
        let Some(element) = surface.get() else { return };
        leptos::task::spawn_local(async move {
            if let Err(message) = load_script().await {
                load_error.set(Some(message));
                return;
            }
            // The script may still report after this component is gone (while it is destroyed, or
            // when an upload finishes after the page moved on): then there is nobody to tell.
            let on_event = move |event: EditorEvent| match event {
                EditorEvent::State(state) => {
                    if state.changed {
                        let html = controls.mounted.try_with_value(|m| m.as_ref().map(MountedEditor::html)).flatten();
                        if let Some(html) = html {
                            shown.try_set_value(html.clone());
                            on_input.try_run(html);
                        }
                    }
                    controls.state.try_set(state);
                }
                EditorEvent::Upload(report) => {
                    uploads.try_update(|list| match list.iter_mut().find(|u| u.id == report.id) {
                        Some(upload) => upload.update(report),
                        None => list.push(report),
                    });
                }
                EditorEvent::Notice { message } => {
                    notices.try_update(|list| list.push(message));
                }
            };
            let content = body.get_untracked();
            shown.set_value(content.clone());
            let editor = MountedEditor::mount(&element, &content, editable, on_event);
            // The page may have moved on while the script loaded; then the editor is dropped (destroyed).
            if controls.mounted.try_update_value(|slot| *slot = Some(editor)).is_some() {
                controls.ready.set(true);
            }
        });
    });
    Effect::new(move |_| {
        let html = body.get();
        if controls.ready.get() && shown.with_value(|shown| *shown != html) {
            shown.set_value(html.clone());
            controls.mounted.with_value(|mounted| mounted.as_ref().map(|editor| editor.set_content(&html)));
        }
    });
    // Only the browser ever holds an editor (the server may clean up on another thread, where
    // browser-local storage must not be touched).
    #[cfg(feature = "hydrate")]
    on_cleanup(move || {
        // Taken out first and destroyed after: destroying makes the script report once more.
        let editor = controls.mounted.try_update_value(|slot| slot.take()).flatten();
        drop(editor);
    });

    let ready = controls.ready;
    view! {
        <div class="rich-editor" data-ready=move || ready.get().to_string()>
            {editable.then(|| view! { <Toolbar controls/> })}
            <div id="body-editor" class="rich-editor-surface" node_ref=surface></div>
            <textarea id="body_html" name="body_html" rows="16" disabled=!editable hidden=move || ready.get()
                aria-label="Nội dung (HTML)" aria-describedby="body_html-loi" prop:value=body
                on:input=move |event| on_input.run(event_target_value(&event))></textarea>
            <p class="editor-counts">
                {move || ready.get().then(|| controls.state.with(|s| format!("{} từ · {} ký tự", s.words, s.characters)))}
            </p>
            <UploadList uploads/>
            <ul class="editor-notices" role="status">
                {move || notices.get().into_iter().map(|notice| view! { <li>{notice}</li> }).collect_view()}
            </ul>
            <p class="field-error" id="body_html-loi">{move || error.get().or_else(|| load_error.get())}</p>
        </div>
    }
    .into_any()
}
