use leptos::prelude::*;

use super::{ALT_FIELD, FILE_FIELD, UPLOAD_PATH, UploadList};
use crate::admin::editor_script::{HandleStorage, LibraryUploader, UploadProgress};

/// What the picker offers; the server decides from the content, this only helps the picker.
const ACCEPTED: &str = "image/jpeg,image/png,image/webp,image/gif,application/pdf,.docx,.xlsx";

/// Uploads files to the library. Without JavaScript it is a plain multipart form; with it, the
/// picked, dropped or pasted files go one request each with a progress bar per file, and
/// `on_stored` runs as each is stored.
#[component]
pub fn UploadForm(on_stored: Callback<()>) -> impl IntoView {
    let uploads = RwSignal::new(Vec::<UploadProgress>::new());
    let uploader = StoredValue::<_, HandleStorage>::new_with_storage(None::<LibraryUploader>);
    let dragging = RwSignal::new(false);
    let files_input = NodeRef::<leptos::html::Input>::new();
    let alt_input = NodeRef::<leptos::html::Input>::new();
    // Files dropped or pasted before the upload script has arrived wait for it instead of being lost.
    #[cfg(feature = "hydrate")]
    let waiting = StoredValue::<_, HandleStorage>::new_with_storage(Vec::<(web_sys::FileList, String)>::new());

    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        use crate::admin::editor_script::{EditorEvent, UploadState, load_script};
        leptos::task::spawn_local(async move {
            if load_script().await.is_err() {
                return; // The plain form still works.
            }
            let on_event = move |event: EditorEvent| {
                if let EditorEvent::Upload(report) = event {
                    let stored = report.state == UploadState::Done;
                    uploads.update(|list| match list.iter_mut().find(|u| u.id == report.id) {
                        Some(upload) => upload.update(report),
                        None => list.push(report),
                    });
                    if stored {
                        on_stored.run(());
                    }
                }
            };
            let ready = LibraryUploader::new(on_event);
            for (files, alt) in waiting.try_update_value(std::mem::take).unwrap_or_default() {
                ready.upload(&files, &alt);
            }
            uploader.try_update_value(|slot| *slot = Some(ready));
        });
    });
    #[cfg(feature = "hydrate")]
    let send = move |files: web_sys::FileList| {
        let alt = alt_input.get_untracked().map(|input| input.value()).unwrap_or_default();
        let sent = uploader.with_value(|slot| slot.as_ref().map(|uploader| uploader.upload(&files, &alt)));
        if sent.is_none() {
            waiting.update_value(|list| list.push((files, alt)));
        }
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        if uploader.with_value(Option::is_some) {
            event.prevent_default();
            if let Some(input) = files_input.get_untracked() {
                if let Some(files) = input.files() {
                    send(files);
                }
                input.set_value("");
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, uploader, files_input, on_stored);
    };
    let dropped = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        #[cfg(feature = "hydrate")]
        if let Some(files) = event.data_transfer().and_then(|data| data.files()) {
            send(files);
        }
    };
    let pasted = move |event: leptos::ev::ClipboardEvent| {
        #[cfg(feature = "hydrate")]
        if let Some(files) = event.clipboard_data().and_then(|data| data.files()).filter(|files| files.length() > 0) {
            event.prevent_default();
            send(files);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    };
    view! {
        <form class="admin-form media-upload" method="post" action=UPLOAD_PATH enctype="multipart/form-data" on:submit=submit>
            <label for="upload-files">"Chọn ảnh (JPEG, PNG, WebP, GIF) hoặc tài liệu (PDF, DOCX, XLSX)"</label>
            <input id="upload-files" type="file" name=FILE_FIELD multiple required accept=ACCEPTED node_ref=files_input/>
            <label for="upload-alt">"Mô tả ảnh cho người khiếm thị (alt)"</label>
            <input id="upload-alt" name=ALT_FIELD maxlength="300" node_ref=alt_input/>
            <button type="submit">"Tải lên"</button>
        </form>
        <div class="drop-zone" class:dragging=dragging tabindex="0" role="button"
            aria-label="Kéo thả tệp vào đây, hoặc bấm vào đây rồi dán (Ctrl+V) ảnh để tải lên"
            on:dragover=move |event: leptos::ev::DragEvent| { event.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=dropped on:paste=pasted>
            "Kéo thả tệp vào đây, hoặc bấm vào đây rồi dán (Ctrl+V) ảnh"
        </div>
        <UploadList uploads/>
    }
}
