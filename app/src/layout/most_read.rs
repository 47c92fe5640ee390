use leptos::prelude::*;

use super::use_chrome;
use crate::models::article_url;

/// "Đọc nhiều nhất": the published articles with the most counted views.
#[component]
pub fn MostReadWidget() -> impl IntoView {
    let most_read = use_chrome().most_read;
    (!most_read.is_empty()).then(|| {
        view! {
            <section class="widget most-read-widget" aria-labelledby="most-read-title">
                <h2 id="most-read-title" class="widget-title">"Đọc nhiều nhất"</h2>
                <ol>
                    {most_read.into_iter().map(|article| view! {
                        <li><a href=article_url(&article.slug)>{article.title}</a></li>
                    }).collect_view()}
                </ol>
            </section>
        }
    })
}
