use leptos::prelude::*;

use super::controls::EditorControls;

/// Picks files to upload into the media library; each picture is inserted where the cursor is
/// once stored. Dropping or pasting files into the text does the same.
#[component]
pub fn UploadPanel(controls: EditorControls, close: Callback<()>) -> impl IntoView {
    let picked = move |event: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let input: web_sys::HtmlInputElement = event.target().expect("input").unchecked_into();
            if let Some(files) = input.files() {
                controls.mounted.with_value(|mounted| mounted.as_ref().map(|editor| editor.upload_files(&files)));
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, controls);
        close.run(());
    };
    view! {
        <label for="editor-upload">"Chọn ảnh (JPEG, PNG, WebP, GIF) hoặc tài liệu (PDF, DOCX, XLSX)"</label>
        <input id="editor-upload" type="file" multiple autofocus
            accept="image/jpeg,image/png,image/webp,image/gif,application/pdf,.docx,.xlsx" on:change=picked/>
        <p class="hint">"Cũng có thể kéo thả hoặc dán ảnh thẳng vào nội dung. Ảnh cần có mô tả (alt) trước khi lưu."</p>
    }
}
