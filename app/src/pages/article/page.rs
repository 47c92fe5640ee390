use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::get_article_page;
use crate::components::{ArticleCard, Breadcrumb};
use crate::format;
use crate::pages::NotFound;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_article_page,
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(data)) => {
                        let article = data.article;
                        let datetime = article.published_at.to_rfc3339();
                        view! {
                            <Title text=article.title.clone()/>
                            <Meta name="description" content=article.summary.clone()/>
                            <article class="article">
                                <Breadcrumb trail=article.breadcrumb/>
                                <h1 class="article-title">{article.title}</h1>
                                <p class="article-date">
                                    <time datetime=datetime>{format::date_time(article.published_at)}</time>
                                </p>
                                <p class="sapo">{article.summary}</p>
                                <div class="article-body" inner_html=article.body_html></div>
                                {article.author.map(|author| view! { <p class="article-author">{author}</p> })}
                            </article>
                            {(!data.related.is_empty()).then(|| view! {
                                <section class="related" aria-labelledby="related-title">
                                    <h2 id="related-title" class="section-title">"Tin liên quan"</h2>
                                    <div class="card-grid">
                                        {data.related.into_iter().map(|article| view! { <ArticleCard article/> }).collect_view()}
                                    </div>
                                </section>
                            })}
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
