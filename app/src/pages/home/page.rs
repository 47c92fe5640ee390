use leptos::prelude::*;

use super::get_home_page;
use crate::components::{ArticleCard, CategoryAnchor, ErrorMessage, PageMeta};
use crate::layout::use_chrome;

#[component]
pub fn HomePage() -> impl IntoView {
    let page = Resource::new(|| (), |_| get_home_page());
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                let (data, site) = match (page.await, use_chrome()) {
                    (Ok(data), site) => (data, site),
                    (Err(error), _) => {
                        return view! { <ErrorMessage error/> }.into_any();
                    }
                };
                let site_name = site.settings.site_name.clone();
                let description = format!("{site_name}: tin tức, sự kiện, thông báo và văn bản chỉ đạo.");
                view! {
                    <PageMeta site title=site_name.clone() description path="/".to_string()/>
                    <h1 class="visually-hidden">{site_name}</h1>
                    // Headings go down one level at a time (h1, h2, then the cards' h3), so the lead
                    // story's section has its own, for screen readers only.
                    <section class="home-top" aria-labelledby="lead-story-title">
                        <h2 id="lead-story-title" class="visually-hidden">"Tin nổi bật"</h2>
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
