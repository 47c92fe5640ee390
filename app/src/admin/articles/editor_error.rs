use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::models::{FieldMessage, SaveConflict};

/// Why the back office refused an article action, in a form the page can show next to the fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum EditorError {
    #[error("{0}")]
    Refused(String),
    #[error("Có thông tin chưa hợp lệ, hãy xem lại các ô được đánh dấu.")]
    Invalid(Vec<FieldMessage>),
    #[error("Bài viết đã được {} lưu trong lúc bạn sửa.", .0.saved_by.as_deref().unwrap_or("người khác"))]
    Conflict(Box<SaveConflict>),
    #[error("{0}")]
    Unavailable(String),
}

impl FromServerFnError for EditorError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::ServerError(message) => Self::Refused(message),
            other => Self::Unavailable(other.to_string()),
        }
    }
}

impl From<leptos::prelude::ServerFnError> for EditorError {
    fn from(error: leptos::prelude::ServerFnError) -> Self {
        Self::Refused(crate::components::error_text(&error))
    }
}

impl EditorError {
    /// The whole reason in one sentence, the refused fields' own messages included.
    pub fn reason(&self) -> String {
        match self {
            Self::Invalid(messages) => messages.iter().map(|m| m.message.as_str()).collect::<Vec<_>>().join(" "),
            other => other.to_string(),
        }
    }

    /// The message for `field`, if the server refused it.
    pub fn field_message(&self, field: &str) -> Option<String> {
        match self {
            Self::Invalid(messages) => messages.iter().find(|m| m.field == field).map(|m| m.message.clone()),
            _ => None,
        }
    }
}
