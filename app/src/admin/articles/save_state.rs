use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::EditorError;
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
    /// The server could not be reached; the browser's copy holds the text and autosave tries again.
    Offline,
    /// The server refused the autosave for a reason a retry cannot fix (too large, no longer
    /// allowed, invalid, signed out); the browser's copy holds the text.
    Refused(String),
}

impl SaveState {
    /// Where a failed autosave leaves the writer: only a failure that a later attempt could get
    /// past (the server unreachable or busy) is tried again by itself; the others say why.
    pub fn after_failed_autosave(error: &EditorError) -> Self {
        match error {
            EditorError::Unavailable(_) => Self::Offline,
            refused => Self::Refused(refused.reason()),
        }
    }

    /// Whether autosave tries again by itself from this state.
    pub fn retries(&self) -> bool {
        *self == Self::Offline
    }

    fn name(&self) -> &'static str {
        match self {
            Self::Saved => "saved",
            Self::Unsaved => "unsaved",
            Self::Saving => "saving",
            Self::Autosaved(_) => "autosaved",
            Self::Offline => "offline",
            Self::Refused(_) => "refused",
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
            Self::Refused(reason) => {
                format!(
                    "Không tự động lưu được: {reason} Nội dung vẫn được giữ trong trình duyệt; sửa theo hướng dẫn rồi bấm “Lưu”."
                )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::FieldMessage;

    #[test]
    fn only_an_unreachable_or_busy_server_is_tried_again() {
        let offline = SaveState::after_failed_autosave(&EditorError::Unavailable("network".into()));
        assert!(offline.retries());
        let too_large =
            SaveState::after_failed_autosave(&EditorError::Refused("Nội dung quá dài (tối đa 2 MB).".into()));
        assert_eq!(too_large, SaveState::Refused("Nội dung quá dài (tối đa 2 MB).".into()));
        assert!(!too_large.retries());
        assert!(too_large.message().contains("Nội dung quá dài"), "the real reason is shown");
        let invalid = EditorError::Invalid(vec![FieldMessage {
            field: "title".into(),
            message: "Cần có tiêu đề.".into(),
        }]);
        let refused = SaveState::after_failed_autosave(&invalid);
        assert!(!refused.retries() && refused.message().contains("Cần có tiêu đề."));
    }
}
