use leptos::prelude::*;

use super::{CategoryRow, SaveCategory};
use crate::components::ActionOutcome;

/// Adds a category, or changes `editing`.
#[component]
pub fn CategoryForm(
    action: ServerAction<SaveCategory>,
    tree: Vec<CategoryRow>,
    editing: Option<CategoryRow>,
) -> impl IntoView {
    let heading = if editing.is_some() { "Sửa chuyên mục" } else { "Thêm chuyên mục" };
    let current = editing.clone();
    let field = move |get: fn(&CategoryRow) -> String| current.as_ref().map(get).unwrap_or_default();
    let parent = editing.as_ref().and_then(|c| c.parent_id);
    let shown = editing.as_ref().is_none_or(|c| c.show_in_menu);
    view! {
        <section class="admin-card" aria-labelledby="category-form-title">
            <h2 id="category-form-title">{heading}</h2>
            <ActionForm action attr:class="admin-form">
                {editing.as_ref().map(|c| view! { <input type="hidden" name="id" value=c.id/> })}
                <label for="category-name">"Tên"</label>
                <input id="category-name" name="name" value=field(|c| c.name.clone()) required maxlength="100"/>
                <label for="category-slug">"Đường dẫn (để trống: tạo từ tên)"</label>
                <input id="category-slug" name="slug" value=field(|c| c.slug.clone())/>
                <label for="category-description">"Mô tả"</label>
                <textarea id="category-description" name="description" rows="2">{field(|c| c.description.clone())}</textarea>
                <label for="category-parent">"Thuộc chuyên mục"</label>
                <select id="category-parent" name="parent">
                    <option value="" selected=parent.is_none()>"— Cấp cao nhất —"</option>
                    {tree.into_iter().map(|c| view! {
                        <option value=c.id selected=parent == Some(c.id)>{format!("{}{}", "— ".repeat(c.depth), c.name)}</option>
                    }).collect_view()}
                </select>
                <label for="category-menu">"Hiện trên menu"</label>
                <select id="category-menu" name="show_in_menu">
                    <option value="true" selected=shown>"Có"</option>
                    <option value="false" selected=!shown>"Không"</option>
                </select>
                <button type="submit">{heading}</button>
                <ActionOutcome value=action.value() success="Đã lưu chuyên mục."/>
            </ActionForm>
        </section>
    }
}
