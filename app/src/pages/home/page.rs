use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::get_home_page;
use crate::components::{ArticleCard, CategoryAnchor};
use crate::layout::use_chrome;

#[component]
pub fn HomePage() -> impl IntoView {
    let page = Resource::new(|| (), |_| get_home_page());
    let chrome = use_chrome();
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                let site_name = chrome.await.map(|c| c.settings.site_name).unwrap_or_default();
                let data = match page.await {
                    Ok(data) => data,
                    Err(error) => return view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                };
                let description = data.lead.as_ref().map(|a| a.summary.clone()).unwrap_or_default();
                view! {
                    <Title text=site_name.clone()/>
                    <Meta name="description" content=description/>
                    <h1 class="visually-hidden">{site_name}</h1>
                    <section class="home-top" aria-label="Tin nổi bật">
                        {data.lead.map(|article| view! { <ArticleCard article lead=true/> })}
                        <div class="latest">
                            <h2 class="section-title">"Tin mới"</h2>
                            {data.latest.into_iter().map(|article| view! { <ArticleCard article/> }).collect_view()}
                        </div>
                    </section>
                    {data.sections.into_iter().map(|section| view! {
                        <section class="category-section">
                            <h2 class="section-title"><CategoryAnchor category=section.category/></h2>
                            <div class="card-grid">
                                {section.articles.into_iter().map(|article| view! { <ArticleCard article/> }).collect_view()}
                            </div>
                        </section>
                    }).collect_view()}
                }
                .into_any()
            })}
        </Suspense>
    }
}
