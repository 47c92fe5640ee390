use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::get_category_page;
use crate::components::{ArticleCard, Breadcrumb, CategoryAnchor, Pagination};
use crate::pages::NotFound;

#[component]
pub fn CategoryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = Resource::new(
        move || {
            let slug = params.read().get("slug").unwrap_or_default();
            // A page number that is not a number leads nowhere, like a page past the last.
            let page = query
                .read()
                .get("page")
                .map_or(Some(1), |p| p.parse::<u64>().ok());
            (slug, page)
        },
        |(slug, page)| async move {
            match page {
                Some(page) => get_category_page(slug, page).await,
                None => Ok(None),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(data)) => {
                        let title = if data.page > 1 {
                            format!("{} - Trang {}", data.category.name, data.page)
                        } else {
                            data.category.name.clone()
                        };
                        let description = if data.description.is_empty() {
                            format!("Tin bài chuyên mục {}", data.category.name)
                        } else {
                            data.description.clone()
                        };
                        view! {
                            <Title text=title/>
                            <Meta name="description" content=description/>
                            <Breadcrumb trail=data.breadcrumb/>
                            <h1 class="page-title">{data.category.name.clone()}</h1>
                            {(!data.subcategories.is_empty()).then(|| view! {
                                <ul class="subcategories" aria-label="Chuyên mục con">
                                    {data.subcategories.into_iter().map(|category| view! {
                                        <li><CategoryAnchor category/></li>
                                    }).collect_view()}
                                </ul>
                            })}
                            {if data.articles.is_empty() {
                                view! { <p class="empty">"Chuyên mục chưa có bài viết."</p> }.into_any()
                            } else {
                                view! {
                                    <div class="article-list">
                                        {data.articles.into_iter().map(|article| view! { <ArticleCard article/> }).collect_view()}
                                    </div>
                                }.into_any()
                            }}
                            <Pagination base_url=data.category.url() page=data.page total_pages=data.total_pages/>
                        }
                        .into_any()
                    }
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
