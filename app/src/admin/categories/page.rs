use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{CategoryForm, DeleteCategory, MoveCategory, SaveCategory, list_categories};
use crate::components::{ActionOutcome, ErrorMessage};

/// `/quan-tri/chuyen-muc`; `?sua={id}` opens a category in the form.
#[component]
pub fn CategoriesPage() -> impl IntoView {
    let query = use_query_map();
    let editing_id = move || query.read().get("sua").and_then(|id| id.parse::<i32>().ok());
    let save = ServerAction::<SaveCategory>::new();
    let reorder = ServerAction::<MoveCategory>::new();
    let delete = ServerAction::<DeleteCategory>::new();
    let tree = Resource::new(
        move || (save.version().get(), reorder.version().get(), delete.version().get()),
        |_| list_categories(),
    );
    view! {
        <Title text="Chuyên mục - Quản trị"/>
        <h1>"Chuyên mục"</h1>
        <ActionOutcome value=reorder.value() success="Đã đổi thứ tự."/>
        <ActionOutcome value=delete.value() success="Đã xoá chuyên mục."/>
        <Suspense fallback=|| view! { <p>"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match tree.await {
                    Ok(rows) => {
                        let editing = editing_id().and_then(|id| rows.iter().find(|c| c.id == id).cloned());
                        view! {
                            <table class="article-list categories">
                                <thead><tr><th scope="col">"Tên"</th><th scope="col">"Đường dẫn"</th><th scope="col">"Menu"</th><th scope="col">"Thao tác"</th></tr></thead>
                                <tbody>
                                    {rows.clone().into_iter().map(|c| {
                                        let (edit, remove) = (format!("Sửa “{}”", c.name), format!("Xoá “{}”", c.name));
                                        view! {
                                        <tr>
                                            <th scope="row" class=format!("depth-{}", c.depth.min(4))>{c.name.clone()}</th>
                                            <td><a href=format!("/chuyen-muc/{}", c.slug)>{c.slug.clone()}</a></td>
                                            <td>{if c.show_in_menu { "Hiện" } else { "Ẩn" }}</td>
                                            <td class="row-actions">
                                                {move_buttons!(reorder, c.id, &c.name)}
                                                <a href=format!("/quan-tri/chuyen-muc?sua={}", c.id) aria-label=edit>"Sửa"</a>
                                                <ActionForm action=delete>
                                                    <input type="hidden" name="id" value=c.id/>
                                                    <button type="submit" aria-label=remove>"Xoá"</button>
                                                </ActionForm>
                                            </td>
                                        </tr>
                                    }}).collect_view()}
                                </tbody>
                            </table>
                            <CategoryForm action=save tree=rows editing/>
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
