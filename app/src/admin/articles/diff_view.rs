use leptos::prelude::*;

use crate::models::{DiffPart, FieldDiff};

/// Field by field, words added in `<ins>` and removed in `<del>` (read out by screen readers).
#[component]
pub fn DiffView(changes: Vec<FieldDiff>) -> impl IntoView {
    if changes.is_empty() {
        return view! { <p>"Tiêu đề, sapo và nội dung giống nhau."</p> }.into_any();
    }
    view! {
        <dl class="diff">
            {changes.into_iter().map(|change| view! {
                <dt>{change.label}</dt>
                <dd>{change.parts.into_iter().map(|part| match part {
                    DiffPart::Same(text) => view! { <span>{text}</span> }.into_any(),
                    DiffPart::Added(text) => view! { <ins>{text}</ins> }.into_any(),
                    DiffPart::Removed(text) => view! { <del>{text}</del> }.into_any(),
                }).collect_view()}</dd>
            }).collect_view()}
        </dl>
    }
    .into_any()
}
