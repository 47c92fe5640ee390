use leptos::prelude::*;

use super::{HeaderSearch, use_chrome};

/// The agency banner and the main menu built from the category tree.
#[component]
pub fn Header() -> impl IntoView {
    let chrome = use_chrome();
    let settings = chrome.settings;
    view! {
        <header class="site-header">
            <div class="banner">
                <a class="brand" href="/">
                    <img class="emblem" src=settings.emblem_url alt="" width="64" height="64"/>
                    <span class="brand-text">
                        <span class="brand-name">{settings.site_name}</span>
                        <span class="brand-agency">{settings.agency_name}</span>
                    </span>
                </a>
                <HeaderSearch/>
            </div>
            <nav class="main-menu" aria-label="Chuyên mục">
                <ul>
                    <li><a href="/">"Trang chủ"</a></li>
                    {chrome.menu.into_iter().map(|item| view! {
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
            </nav>
        </header>
    }
    .into_any()
}
