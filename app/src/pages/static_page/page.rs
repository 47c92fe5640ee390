use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::get_static_page;
use crate::components::{ErrorMessage, PageMeta};
use crate::layout::use_chrome;
use crate::pages::NotFound;

/// "Giới thiệu", "Liên hệ" and other pages managed as content.
#[component]
pub fn StaticPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(move || params.read().get("slug").unwrap_or_default(), get_static_page);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match (page.await, use_chrome()) {
                    (Ok(Some(page)), site) => {
                        let description = format!("{} - {}", page.title, site.settings.site_name);
                        view! {
                            <PageMeta site title=page.title.clone() description path=format!("/trang/{}", page.slug)/>
                            <article class="static-page">
                                <h1 class="page-title">{page.title}</h1>
                                <div class="article-body" inner_html=page.body_html></div>
                            </article>
                        }
                        .into_any()
                    }
                    (Ok(None), _) => view! { <NotFound/> }.into_any(),
                    (Err(error), _) => {
                        view! { <ErrorMessage error/> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
