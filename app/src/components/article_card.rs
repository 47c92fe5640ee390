use leptos::prelude::*;

use super::CategoryAnchor;
use crate::format;
use crate::models::ArticleSummary;

/// One story in a list: thumbnail, title, date and lead. `lead`: the home page's top story, shown
/// large; `first_photo`: the list's first card with a photo, above the fold on a phone.
#[component]
pub fn ArticleCard(
    article: ArticleSummary,
    #[prop(optional)] lead: bool,
    #[prop(optional)] first_photo: bool,
) -> impl IntoView {
    let url = article.url();
    let datetime = article.published_at.to_rfc3339();
    let class = if lead { "article-card lead-story" } else { "article-card" };
    // The top story's or the list's first photo is above the fold and the page's largest paint:
    // load it at once and first; the rest as the reader scrolls.
    let (loading, priority) = if lead || first_photo { ("eager", Some("high")) } else { ("lazy", None) };
    view! {
        <article class=class>
            {article.cover_image.map(|src| view! {
                <a class="thumb" href=url.clone() tabindex="-1" aria-hidden="true">
                    <img src=src alt="" loading=loading fetchpriority=priority width="800" height="500"/>
                </a>
            })}
            <div class="card-text">
                <h3 class="card-title"><a href=url>{article.title}</a></h3>
                <p class="meta">
                    <time datetime=datetime>{format::date(article.published_at)}</time>
                    " · "
                    <CategoryAnchor category=article.category/>
                </p>
                <p class="card-summary">{article.summary}</p>
            </div>
        </article>
    }
}
