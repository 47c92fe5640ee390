use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{ArticleListQuery, BULK_STEPS, BulkChangeStatus, EmptyTrash, list_articles};
use crate::components::ErrorMessage;
use crate::format::date_time;
use crate::models::{ArticleList, Choice, FILTERABLE_STATUSES, WorkflowStep};

/// `/quan-tri/bai-viet`: every article the account may work on, filtered by a plain GET form so
/// the list works and can be bookmarked without JavaScript.
#[component]
pub fn ArticleListPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        let text = |key: &str| params.get(key).unwrap_or_default();
        ArticleListQuery {
            status: text("trang-thai"),
            category: text("chuyen-muc").parse().ok(),
            writer: text("nguoi-viet").parse().ok(),
            from: text("tu-ngay"),
            to: text("den-ngay"),
            q: text("q"),
            sort: text("sap-xep"),
            page: text("trang").parse().unwrap_or(1),
        }
    });
    let empty_trash = ServerAction::<EmptyTrash>::new();
    let bulk = ServerAction::<BulkChangeStatus>::new();
    let list = Resource::new(
        move || (query.get(), empty_trash.version().get(), bulk.version().get()),
        |(query, ..)| list_articles(query),
    );
    view! {
        <Title text="Bài viết - Quản trị"/>
        <div class="admin-title-row">
            <h1>"Bài viết"</h1>
            <a class="button" href="/quan-tri/bai-viet/moi">"Viết bài mới"</a>
        </div>
        <Suspense fallback=|| view! { <p>"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <Filters query=query.get_untracked() list=list.clone()/> <ArticleTable query=query.get_untracked() list empty_trash bulk/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> <p><a href="/quan-tri/bai-viet">"Bỏ lọc"</a></p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn options(choices: Vec<Choice>, selected: Option<i32>) -> impl IntoView {
    choices
        .into_iter()
        .map(|choice| view! { <option value=choice.id selected=selected == Some(choice.id)>{choice.label}</option> })
        .collect_view()
}

#[component]
fn Filters(query: ArticleListQuery, list: ArticleList) -> impl IntoView {
    let sorts =
        [("", "Mới cập nhật"), ("xuat-ban", "Mới xuất bản"), ("tieu-de", "Tiêu đề A–Z"), ("doc-nhieu", "Đọc nhiều")];
    view! {
        <form class="article-filters" method="get" action="/quan-tri/bai-viet" role="search">
            <label>"Tìm" <input type="search" name="q" value=query.q.clone()/></label>
            <label>"Trạng thái"
                <select name="trang-thai">
                    <option value="">"Tất cả (trừ thùng rác)"</option>
                    {FILTERABLE_STATUSES.map(|status| view! {
                        <option value=status.query_value() selected=query.status == status.query_value()>{status.label()}</option>
                    })}
                </select>
            </label>
            <label>"Chuyên mục"
                <select name="chuyen-muc">
                    <option value="">"Tất cả"</option>
                    {options(list.categories, query.category)}
                </select>
            </label>
            {(!list.writers.is_empty()).then(|| view! {
                <label>"Người viết"
                    <select name="nguoi-viet">
                        <option value="">"Tất cả"</option>
                        {options(list.writers, query.writer)}
                    </select>
                </label>
            })}
            <label>"Cập nhật từ" <input type="date" name="tu-ngay" value=query.from.clone()/></label>
            <label>"đến" <input type="date" name="den-ngay" value=query.to.clone()/></label>
            <label>"Sắp xếp"
                <select name="sap-xep">
                    {sorts.map(|(value, label)| view! { <option value=value selected=query.sort == value>{label}</option> })}
                </select>
            </label>
            <button type="submit">"Lọc"</button>
        </form>
    }
}

#[component]
fn ArticleTable(
    query: ArticleListQuery,
    list: ArticleList,
    empty_trash: ServerAction<EmptyTrash>,
    bulk: ServerAction<BulkChangeStatus>,
) -> impl IntoView {
    let in_trash = query.status == "thung-rac";
    let ArticleList { rows, total, page, pages, may_empty_trash, may_publish, .. } = list;
    let selected = RwSignal::new(Vec::<i32>::new());
    let bulk_step = RwSignal::new(WorkflowStep::Publish);
    view! {
        <p role="status">{format!("{total} bài viết")}</p>
        {(in_trash && may_empty_trash && total > 0).then(|| view! {
            <ActionForm action=empty_trash attr:class="admin-form danger">
                <button type="submit">"Dọn thùng rác (xoá hẳn)"</button>
            </ActionForm>
        })}
        {move || empty_trash.value().get().map(|result| match result {
            Ok(deleted) => view! { <p class="form-success" role="status">{format!("Đã xoá hẳn {deleted} bài.")}</p> }.into_any(),
            Err(error) => view! { <p class="form-error" role="alert">{error.to_string()}</p> }.into_any(),
        })}
        {(may_publish && !rows.is_empty()).then(|| view! {
            <form class="bulk-actions js-only" on:submit=move |event: leptos::ev::SubmitEvent| {
                event.prevent_default();
                bulk.dispatch(BulkChangeStatus { ids: selected.get_untracked(), step: bulk_step.get_untracked() });
            }>
                <label for="bulk-step">"Với các bài đã chọn"</label>
                <select id="bulk-step" on:change=move |event| {
                    let chosen = BULK_STEPS.into_iter().find(|step| format!("{step:?}") == event_target_value(&event));
                    bulk_step.set(chosen.unwrap_or(WorkflowStep::Publish));
                }>
                    {BULK_STEPS.map(|step| view! { <option value=format!("{step:?}")>{step.button_label()}</option> })}
                </select>
                <button type="submit" disabled=move || selected.with(Vec::is_empty) || bulk.pending().get()>
                    {move || format!("Áp dụng ({} bài)", selected.with(Vec::len))}
                </button>
            </form>
        })}
        {move || bulk.value().get().map(|result| match result {
            Ok(outcome) => view! {
                <div role="status">
                    <p class="form-success">{format!("Đã đổi trạng thái {} bài.", outcome.changed)}</p>
                    {(!outcome.refused.is_empty()).then(|| view! {
                        <ul class="form-error">{outcome.refused.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    })}
                </div>
            }.into_any(),
            Err(error) => view! { <p class="form-error" role="alert">{error.to_string()}</p> }.into_any(),
        })}
        {if rows.is_empty() {
            view! { <p>"Không có bài viết nào khớp bộ lọc."</p> }.into_any()
        } else {
            view! {
                <table class="article-list">
                    <thead><tr>
                        {may_publish.then(|| view! { <th scope="col" class="js-only"><span class="visually-hidden">"Chọn"</span></th> })}
                        <th scope="col">"Tiêu đề"</th><th scope="col">"Chuyên mục"</th><th scope="col">"Người viết"</th>
                        <th scope="col">"Trạng thái"</th><th scope="col">"Cập nhật"</th><th scope="col">"Lượt xem"</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| view! {
                            <tr>
                                {may_publish.then(|| {
                                    let id = row.id;
                                    view! {
                                        <td class="js-only">
                                            <input type="checkbox" aria-label=format!("Chọn “{}”", row.title)
                                                prop:checked=move || selected.with(|ids| ids.contains(&id))
                                                on:change=move |event| {
                                                    let checked = event_target_checked(&event);
                                                    selected.update(|ids| {
                                                        ids.retain(|other| *other != id);
                                                        if checked { ids.push(id); }
                                                    });
                                                }/>
                                        </td>
                                    }
                                })}
                                <td><a href=format!("/quan-tri/bai-viet/{}", row.id)>{row.title}</a></td>
                                <td>{row.category}</td>
                                <td>{row.written_by.unwrap_or_default()}</td>
                                <td><span class=format!("status status-{}", row.status.query_value())>{row.status.label()}</span></td>
                                <td>{date_time(row.updated_at)}</td>
                                <td>{row.views}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        {(pages > 1).then(|| view! {
            <nav class="pagination" aria-label="Phân trang">
                <ul>
                    {(page > 1).then(|| view! { <li><a href=query.url(page - 1) rel="prev">"‹ Trang trước"</a></li> })}
                    <li>{format!("Trang {page}/{pages}")}</li>
                    {(page < pages).then(|| view! { <li><a href=query.url(page + 1) rel="next">"Trang sau ›"</a></li> })}
                </ul>
            </nav>
        })}
    }
}
