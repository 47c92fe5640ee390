use leptos::prelude::*;

use super::use_chrome;

/// "Liên kết website": each group opens like a dropdown (a native disclosure, so it works with
/// the keyboard and without JavaScript) and each link opens the other agency's site in a new tab.
#[component]
pub fn WebLinksWidget() -> impl IntoView {
    let groups = use_chrome().web_link_groups;
    view! {
        <section class="widget web-links" aria-labelledby="web-links-title">
            <h2 id="web-links-title" class="widget-title">"Liên kết website"</h2>
            {groups.into_iter().map(|group| view! {
                <details class="link-group">
                    <summary>{group.name}</summary>
                    <ul>
                        {group.links.into_iter().map(|link| view! {
                            <li>
                                <a href=link.url target="_blank" rel="noopener noreferrer">
                                    {link.title}
                                    <span class="visually-hidden">" (mở trong thẻ mới)"</span>
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                </details>
            }).collect_view()}
        </section>
    }
}
