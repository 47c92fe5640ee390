use leptos::prelude::*;

use crate::models::MenuItem;

/// The main menu's links: the home page, then each category with its sub-categories.
#[component]
pub fn MenuLinks(menu: Vec<MenuItem>) -> impl IntoView {
    view! {
        <ul>
            <li><a href="/">"Trang chủ"</a></li>
            {menu.into_iter().map(|item| view! {
                <li class="menu-item">
                    <a href=item.category.url()>{item.category.name.clone()}</a>
                    {(!item.children.is_empty()).then(|| view! {
                        <ul class="submenu">
                            {item.children.into_iter().map(|child| view! {
                                <li><a href=child.url()>{child.name.clone()}</a></li>
                            }).collect_view()}
                        </ul>
                    })}
                </li>
            }).collect_view()}
        </ul>
    }
}
