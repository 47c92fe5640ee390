use leptos::prelude::*;

/// What a reader sees when the server could not answer: the message, announced to screen readers.
#[component]
pub fn ErrorMessage(error: ServerFnError) -> impl IntoView {
    view! { <p class="error" role="alert">{error.to_string()}</p> }
}
