use leptos::prelude::*;

use super::use_chrome;
use crate::models::article_url;

/// "Đọc nhiều nhất": the published articles with the most counted views.
#[component]
pub fn MostReadWidget() -> impl IntoView {
    let chrome = use_chrome();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                chrome.await.ok().filter(|chrome| !chrome.most_read.is_empty()).map(|chrome| view! {
                    <section class="widget most-read-widget" aria-labelledby="most-read-title">
                        <h2 id="most-read-title" class="widget-title">"Đọc nhiều nhất"</h2>
                        <ol>
                            {chrome.most_read.into_iter().map(|article| view! {
                                <li><a href=article_url(&article.slug)>{article.title}</a></li>
                            }).collect_view()}
                        </ol>
                    </section>
                })
            })}
        </Suspense>
    }
}
