use leptos::prelude::*;

use super::{HeaderSearch, MenuLinks, use_chrome};

/// The agency banner and the main menu built from the category tree: a bar on wide screens, and on
/// phones a "Chuyên mục" button that opens the whole menu. The button is a `<details>` disclosure,
/// so it opens without JavaScript and screen readers announce it as expanded or collapsed; the
/// reader script shuts it when a link in it opens another page in the same document.
#[component]
pub fn Header() -> impl IntoView {
    let chrome = use_chrome();
    let settings = chrome.settings;
    let menu = chrome.menu;
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
                <MenuLinks menu=menu.clone()/>
            </nav>
            <details class="phone-menu">
                <summary>"Chuyên mục"</summary>
                <nav aria-label="Chuyên mục">
                    <MenuLinks menu/>
                </nav>
            </details>
        </header>
    }
    .into_any()
}
