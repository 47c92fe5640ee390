use leptos::prelude::*;

/// What a reader sees when the server could not answer: the message, announced to screen readers.
#[component]
pub fn ErrorMessage(error: ServerFnError) -> impl IntoView {
    view! { <p class="error" role="alert">{error_text(&error)}</p> }
}

/// The message a server function gave, without the framework's English prefix.
pub fn error_text(error: &ServerFnError) -> String {
    match error {
        ServerFnError::ServerError(message) => message.clone(),
        other => other.to_string(),
    }
}
