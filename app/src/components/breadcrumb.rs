use leptos::prelude::*;

use crate::models::CategoryLink;

/// "Trang chủ › Tin tức - Sự kiện › Đảng bộ"
#[component]
pub fn Breadcrumb(trail: Vec<CategoryLink>) -> impl IntoView {
    view! {
        <nav class="breadcrumb" aria-label="Đường dẫn">
            <ol>
                <li><a href="/">"Trang chủ"</a></li>
                {trail.into_iter().map(|category| view! { <li><CategoryAnchor category/></li> }).collect_view()}
            </ol>
        </nav>
    }
}

/// A link to a category page, named by the category.
#[component]
pub fn CategoryAnchor(category: CategoryLink) -> impl IntoView {
    let href = category.url();
    view! { <a href=href>{category.name}</a> }
}
