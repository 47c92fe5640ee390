use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{ArticleLookup, get_article_page};
use crate::components::{ArticleCard, Breadcrumb, ErrorMessage, PageMeta, ReaderToolbar, StructuredData};
use crate::format;
use crate::layout::use_chrome;
use crate::models::{Article, ArticleSummary, SiteChrome, article_url};
use crate::pages::NotFound;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(move || params.read().get("slug").unwrap_or_default(), get_article_page);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match (page.await, use_chrome()) {
                    (Ok(ArticleLookup::Found(data)), site) => view! {
                        <ArticleView site article=data.article/>
                        <StoryList id="related" title="Tin liên quan" stories=data.related/>
                        <StoryList id="category-recent" title="Tin cùng chuyên mục" stories=data.category_recent/>
                    }
                    .into_any(),
                    (Ok(ArticleLookup::Moved(slug)), _) => {
                        let url = article_url(&slug);
                        redirect_permanently(&url);
                        let href = url.clone();
                        view! { <p>"Bài viết đã chuyển tới " <a href=href>{url}</a></p> }.into_any()
                    }
                    (Ok(ArticleLookup::NotFound), _) => view! { <NotFound/> }.into_any(),
                    (Err(error), _) => {
                        view! { <ErrorMessage error/> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn ArticleView(site: SiteChrome, article: Article) -> impl IntoView {
    let url = format!("{}{}", site.public_url, article.url());
    let structured_data = news_article_json_ld(&site, &article, &url);
    view! {
        <PageMeta
            site=site
            title=article.seo_title.clone().unwrap_or_else(|| article.title.clone())
            description=article.seo_description.clone().unwrap_or_else(|| article.summary.clone())
            path=article.url()
            image=article.cover_image.clone().unwrap_or_default()
            kind="article"
        />
        <StructuredData data=structured_data/>
        <ArticleContent article url/>
    }
}

/// The article itself as readers see it; the back office's preview shows the same.
#[component]
pub fn ArticleContent(article: Article, url: String) -> impl IntoView {
    let datetime = article.published_at.to_rfc3339();
    view! {
        <article class="article">
            <Breadcrumb trail=article.breadcrumb/>
            <h1 class="article-title">{article.title.clone()}</h1>
            <p class="article-date">
                <time datetime=datetime>{format::date_time(article.published_at)}</time>
            </p>
            <ReaderToolbar url=url.clone() title=article.title/>
            <p class="sapo">{article.summary}</p>
            <div class="article-body" inner_html=article.body_html></div>
            {article.author.map(|author| view! { <p class="article-author">{author}</p> })}
            {(!article.tags.is_empty()).then(|| view! {
                <p class="article-tags">"Từ khoá: "
                    {article.tags.into_iter().map(|tag| {
                        let href = format!("/tim-kiem?q={}", crate::url::encode_component(&tag));
                        view! { <a href=href>{tag}</a> }
                    }).collect_view()}
                </p>
            })}
            <p class="print-only">"Nguồn: " {url}</p>
        </article>
    }
}

/// Sends the reader to `path` for good: a 301 from the server, a history replacement in the browser.
fn redirect_permanently(path: &str) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::MOVED_PERMANENTLY);
        if let Ok(location) = http::HeaderValue::from_str(path) {
            response.insert_header(http::header::LOCATION, location);
        }
    }
    #[cfg(not(feature = "ssr"))]
    leptos_router::hooks::use_navigate()(path, leptos_router::NavigateOptions { replace: true, ..Default::default() });
}

/// A titled list of stories, left out when empty.
#[component]
fn StoryList(id: &'static str, title: &'static str, stories: Vec<ArticleSummary>) -> impl IntoView {
    let heading_id = format!("{id}-title");
    let labelled_by = heading_id.clone();
    (!stories.is_empty()).then(|| {
        view! {
            <section class="story-list" aria-labelledby=labelled_by>
                <h2 id=heading_id class="section-title">{title}</h2>
                <div class="card-grid">
                    {stories.into_iter().map(|article| view! { <ArticleCard article/> }).collect_view()}
                </div>
            </section>
        }
    })
}

/// schema.org `NewsArticle` for search engines. `</` is escaped so the JSON cannot end the script element.
fn news_article_json_ld(site: &SiteChrome, article: &Article, url: &str) -> serde_json::Value {
    let absolute =
        |path: &str| if path.starts_with('/') { format!("{}{path}", site.public_url) } else { path.to_owned() };
    let publisher = serde_json::json!({
        "@type": "GovernmentOrganization",
        "name": site.settings.site_name,
        "logo": { "@type": "ImageObject", "url": absolute(&site.settings.emblem_url) },
    });
    let author = match &article.author {
        Some(name) => serde_json::json!({ "@type": "Organization", "name": name }),
        None => publisher.clone(),
    };
    let image = article.cover_image.as_deref().map_or_else(|| absolute(&site.settings.emblem_url), absolute);
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "datePublished": article.published_at.with_timezone(&format::site_time_zone()).to_rfc3339(),
        "dateModified": article.updated_at.with_timezone(&format::site_time_zone()).to_rfc3339(),
        "mainEntityOfPage": url,
        "image": [image],
        "inLanguage": "vi",
        "author": author,
        "publisher": publisher,
    })
}
