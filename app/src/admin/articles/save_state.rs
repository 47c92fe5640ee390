use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::format;

/// Where the writer's text is, as the page tells them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing typed since the page opened or the last save.
    Saved,
    /// Typed; kept in the browser, autosave pending.
    Unsaved,
    Saving,
    /// Autosaved on the server at this time (the article itself unchanged until "Lưu").
    Autosaved(DateTime<Utc>),
    /// The server could not be reached; the browser's copy holds the text.
    Offline,
}

impl SaveState {
    fn name(&self) -> &'static str {
        match self {
            Self::Saved => "saved",
            Self::Unsaved => "unsaved",
            Self::Saving => "saving",
            Self::Autosaved(_) => "autosaved",
            Self::Offline => "offline",
        }
    }

    fn message(&self) -> String {
        match self {
            Self::Saved => "Đã lưu.".into(),
            Self::Unsaved => "Có thay đổi chưa lưu (đã giữ tạm trong trình duyệt).".into(),
            Self::Saving => "Đang tự động lưu…".into(),
            Self::Autosaved(at) => {
                format!("Đã tự động lưu bản nháp lúc {} (chưa cập nhật bài; bấm “Lưu” để lưu).", format::time(*at))
            }
            Self::Offline => {
                "Mất kết nối tới máy chủ: nội dung vẫn được giữ trong trình duyệt, sẽ lưu lại khi có mạng.".into()
            }
        }
    }
}

#[component]
pub fn SaveStateIndicator(state: RwSignal<SaveState>) -> impl IntoView {
    view! {
        <p class="save-state" role="status" data-state=move || state.with(SaveState::name)>
            {move || state.with(SaveState::message)}
        </p>
    }
}
