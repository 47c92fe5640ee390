use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{ArticleFormEditor, OthersEditing, RevisionHistory, WorkflowPanel, get_article_editor};
use crate::components::ErrorMessage;

/// `/quan-tri/bai-viet/moi` and `/quan-tri/bai-viet/{id}`: the article form, its workflow steps
/// and its revision history.
#[component]
pub fn ArticleEditorPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|id| id.parse::<i32>().ok()));
    // Bumped after a workflow step or a restore, so the page shows the stored state again.
    let reloads = RwSignal::new(0u32);
    let editor = Resource::new(move || (id.get(), reloads.get()), |(id, _)| get_article_editor(id));
    let reload = Callback::new(move |()| reloads.update(|n| *n += 1));
    view! {
        <Title text="Soạn bài - Quản trị"/>
        <p><a href="/quan-tri/bai-viet">"← Danh sách bài viết"</a></p>
        <Suspense fallback=|| view! { <p>"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match editor.await {
                    Ok(editor) => {
                        let heading = if editor.id.is_some() { "Sửa bài viết" } else { "Viết bài mới" };
                        view! {
                            <h1>{heading}</h1>
                            {editor.id.map(|id| view! { <OthersEditing id/> })}
                            {editor.id.map(|id| view! {
                                <WorkflowPanel id status=editor.status published_at=editor.published_at
                                    review_note=editor.review_note.clone() steps=editor.steps.clone() on_done=reload/>
                            })}
                            <ArticleFormEditor editor=editor.clone()/>
                            {editor.id.map(|id| view! {
                                <RevisionHistory id version=editor.version revisions=editor.revisions.clone()
                                    may_restore=editor.may_edit on_restored=reload/>
                            })}
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorMessage error=leptos::prelude::ServerFnError::new(error.to_string())/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
