use leptos::prelude::*;

use super::{DiffView, RestoreRevision, compare_revisions};
use crate::format::date_time;
use crate::models::RevisionEntry;

/// Every saved version, newest first: compare any two, or make an old one current again.
#[component]
pub fn RevisionHistory(
    id: i32,
    version: i32,
    revisions: Vec<RevisionEntry>,
    may_restore: bool,
    on_restored: Callback<()>,
) -> impl IntoView {
    let oldest = revisions.last().map_or(1, |r| r.version);
    let from = RwSignal::new(revisions.get(1).map_or(oldest, |r| r.version));
    let to = RwSignal::new(version);
    let compare = Action::new(move |(from, to): &(i32, i32)| compare_revisions(id, *from, *to));
    let restore = ServerAction::<RestoreRevision>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = restore.value().get() {
            on_restored.run(());
        }
    });
    let versions: Vec<i32> = revisions.iter().map(|r| r.version).collect();
    let version_options = move |selected: RwSignal<i32>| {
        versions
            .iter()
            .map(
                |&v| view! { <option value=v selected=move || selected.get() == v>{format!("Phiên bản {v}")}</option> },
            )
            .collect_view()
    };
    view! {
        <section class="admin-card revisions" aria-labelledby="revisions-title">
            <h2 id="revisions-title">"Lịch sử phiên bản"</h2>
            <table>
                <thead><tr><th scope="col">"Phiên bản"</th><th scope="col">"Người lưu"</th><th scope="col">"Thời gian"</th><th scope="col"></th></tr></thead>
                <tbody>
                    {revisions.into_iter().map(|revision| view! {
                        <tr>
                            <td>{revision.version}</td>
                            <td>{revision.saved_by.unwrap_or_else(|| "Nhập tự động".into())}</td>
                            <td>{date_time(revision.saved_at)}</td>
                            <td>{(may_restore && revision.version != version).then(|| view! {
                                <ActionForm action=restore>
                                    <input type="hidden" name="id" value=id/>
                                    <input type="hidden" name="revision" value=revision.version/>
                                    <input type="hidden" name="version" value=version/>
                                    <button type="submit">{format!("Khôi phục phiên bản {}", revision.version)}</button>
                                </ActionForm>
                            })}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {move || restore.value().get().and_then(Result::err).map(|error| view! { <p class="form-error" role="alert">{error.to_string()}</p> })}
            <form class="compare" on:submit=move |event: leptos::ev::SubmitEvent| {
                event.prevent_default();
                compare.dispatch((from.get_untracked(), to.get_untracked()));
            }>
                <label for="compare-from">"So sánh"</label>
                <select id="compare-from" on:change=move |e| from.set(event_target_value(&e).parse().unwrap_or(oldest))>
                    {version_options(from)}
                </select>
                <label for="compare-to">"với"</label>
                <select id="compare-to" on:change=move |e| to.set(event_target_value(&e).parse().unwrap_or(version))>
                    {version_options(to)}
                </select>
                <button type="submit">"So sánh"</button>
            </form>
            {move || compare.value().get().map(|result| match result {
                Ok(changes) => view! { <DiffView changes/> }.into_any(),
                Err(error) => view! { <p class="form-error" role="alert">{error.to_string()}</p> }.into_any(),
            })}
        </section>
    }
}
