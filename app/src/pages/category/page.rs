use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::get_category_page;
use crate::components::{ArticleCard, Breadcrumb, CategoryAnchor, ErrorMessage, PageMeta, Pagination};
use crate::layout::use_chrome;
use crate::pages::NotFound;

#[component]
pub fn CategoryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = Resource::new(
        move || {
            let slug = params.read().get("slug").unwrap_or_default();
            // A page number that is not a number leads nowhere, like a page past the last.
            let page = query.read().get("page").map_or(Some(1), |p| p.parse::<u64>().ok());
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
                match (page.await, use_chrome()) {
                    (Ok(Some(data)), site) => {
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
                        let path = if data.page > 1 {
                            format!("{}?page={}", data.category.url(), data.page)
                        } else {
                            data.category.url()
                        };
                        view! {
                            <PageMeta site title description path/>
                            <Link
                                rel="alternate"
                                type_="application/rss+xml"
                                title=format!("Tin mới: {}", data.category.name)
                                href=format!("{}/rss.xml", data.category.url())
                            />
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
                                // The cards' titles are h3: this heading keeps the levels in order.
                                view! {
                                    <section class="article-list" aria-labelledby="category-articles-title">
                                        <h2 id="category-articles-title" class="visually-hidden">"Danh sách bài viết"</h2>
                                        {
                                            let first_photo = data.articles.iter().position(|article| article.cover_image.is_some());
                                            data.articles.into_iter().enumerate().map(|(index, article)| {
                                                view! { <ArticleCard article first_photo={Some(index) == first_photo}/> }
                                            }).collect_view()
                                        }
                                    </section>
                                }.into_any()
                            }}
                            <Pagination base_url=data.category.url() page=data.page total_pages=data.total_pages/>
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
