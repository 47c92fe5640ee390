use leptos::prelude::*;

use super::error_text;

/// The result of a form: its success message, or the server's error announced to screen readers.
#[component]
pub fn ActionOutcome(
    #[prop(into)] value: Signal<Option<Result<(), ServerFnError>>>,
    success: &'static str,
) -> impl IntoView {
    move || match value.get() {
        Some(Ok(())) => Some(view! { <p class="form-success" role="status">{success}</p> }.into_any()),
        Some(Err(error)) => Some(view! { <p class="form-error" role="alert">{error_text(&error)}</p> }.into_any()),
        None => None,
    }
}
