use leptos::prelude::*;

use crate::admin::editor_script::{UploadProgress, UploadState};

/// A progress bar per file being uploaded to the library (from the editor or the library page),
/// with the server's reason when one is refused.
#[component]
pub fn UploadList(uploads: RwSignal<Vec<UploadProgress>>) -> impl IntoView {
    view! {
        <ul class="upload-list" aria-live="polite">
            {move || uploads.get().into_iter().map(|upload| view! {
                <li class=format!("upload-{:?}", upload.state).to_lowercase()>
                    <span>{upload.name.clone()}</span>
                    <progress max="100" value=upload.percent() aria-label=format!("Tải lên {}", upload.name)></progress>
                    {match upload.state {
                        UploadState::Uploading => format!("{} %", upload.percent()),
                        UploadState::Done => "Đã tải lên".to_owned(),
                        UploadState::Failed => format!("Không tải lên được: {}", upload.message),
                    }}
                </li>
            }).collect_view()}
        </ul>
    }
}
