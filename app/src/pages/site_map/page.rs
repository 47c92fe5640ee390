use leptos::prelude::*;

use super::get_site_map;
use crate::components::{CategoryAnchor, ErrorMessage, PageMeta};
use crate::layout::use_chrome;

/// "Sơ đồ trang": every category and page of the site.
#[component]
pub fn SiteMapPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_site_map());
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match (data.await, use_chrome()) {
                    (Ok(data), site) => view! {
                        <PageMeta
                            site
                            title="Sơ đồ trang".to_string()
                            description="Danh sách chuyên mục và trang thông tin".to_string()
                            path="/so-do-trang".to_string()
                        />
                        <h1 class="page-title">"Sơ đồ trang"</h1>
                        <h2 class="section-title">"Chuyên mục"</h2>
                        <ul class="site-map">
                            {data.categories.into_iter().map(|entry| {
                                let class = format!("depth-{}", entry.depth.min(3));
                                view! { <li class=class><CategoryAnchor category=entry.category/></li> }
                            }).collect_view()}
                        </ul>
                        <h2 class="section-title">"Thông tin"</h2>
                        <ul class="site-map">
                            <li><a href="/tim-kiem">"Tìm kiếm"</a></li>
                            {data.pages.into_iter().map(|(path, title)| view! { <li><a href=path>{title}</a></li> }).collect_view()}
                            <li><a href="/rss.xml">"Tin mới (RSS)"</a></li>
                        </ul>
                    }
                    .into_any(),
                    (Err(error), _) => {
                        view! { <ErrorMessage error/> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
