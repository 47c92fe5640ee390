use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::ChangeArticleStatus;
use crate::format::date_time;
use crate::models::{WorkflowStatus, WorkflowStep};

/// Where the article stands, the editor's comment if it was sent back, and the steps this
/// account may take from here.
#[component]
pub fn WorkflowPanel(
    id: i32,
    status: WorkflowStatus,
    published_at: Option<DateTime<Utc>>,
    review_note: Option<String>,
    steps: Vec<WorkflowStep>,
    on_done: Callback<()>,
) -> impl IntoView {
    let action = ServerAction::<ChangeArticleStatus>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            on_done.run(());
        }
    });
    let when = match (status, published_at) {
        (WorkflowStatus::Scheduled, Some(at)) => Some(format!("Sẽ xuất bản lúc {}", date_time(at))),
        (WorkflowStatus::Published, Some(at)) => Some(format!("Xuất bản lúc {}", date_time(at))),
        _ => None,
    };
    view! {
        <section class="admin-card workflow" aria-labelledby="workflow-title">
            <h2 id="workflow-title">"Trạng thái: " <span class="status">{status.label()}</span></h2>
            {when.map(|when| view! { <p>{when}</p> })}
            {review_note.map(|note| view! {
                <p class="review-note"><strong>"Biên tập viên trả lại: "</strong>{note}</p>
            })}
            <div class="workflow-steps">
                {steps.into_iter().map(|step| view! {
                    <ActionForm action attr:class="workflow-step">
                        <input type="hidden" name="id" value=id/>
                        <input type="hidden" name="step" value=format!("{step:?}")/>
                        {(step == WorkflowStep::Publish).then(|| view! {
                            <label for="publish_at">"Hẹn giờ (để trống: xuất bản ngay)"</label>
                            <input id="publish_at" type="datetime-local" name="publish_at"/>
                        })}
                        {(step == WorkflowStep::SendBack).then(|| view! {
                            <label for="note">"Lý do trả lại"</label>
                            <textarea id="note" name="note" rows="2" required></textarea>
                        })}
                        <button type="submit" disabled=move || action.pending().get()>{step.button_label()}</button>
                    </ActionForm>
                }).collect_view()}
            </div>
            {move || action.value().get().map(|result| match result {
                Ok(()) => view! { <p class="form-success" role="status">"Đã cập nhật trạng thái."</p> }.into_any(),
                Err(error) => {
                    let message = error.field_message("publish_at").or_else(|| error.field_message("note")).unwrap_or_else(|| error.to_string());
                    view! { <p class="form-error" role="alert">{message}</p> }.into_any()
                }
            })}
        </section>
    }
}
