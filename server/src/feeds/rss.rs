use app::ssr::{AppState, CategoryIndex};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use service::articles::{self, ArticleListing};
use service::{categories, site};

use super::FeedError;
use super::xml::escape;

/// Stories a feed carries.
const ITEMS: u64 = 30;

pub async fn site_feed(State(state): State<AppState>) -> Result<impl IntoResponse, FeedError> {
    let db = state.db.reader();
    let index = CategoryIndex::new(categories::all(db).await?);
    let items = articles::latest_published(db, state.clock.now(), ITEMS).await?;
    let site_name = site::settings(db).await?.map(|s| s.site_name).unwrap_or_default();
    Ok(rss_response(&state, &site_name, "/", "/rss.xml", &items, &index))
}

pub async fn category_feed(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<impl IntoResponse, FeedError> {
    let db = state.db.reader();
    let index = CategoryIndex::new(categories::all(db).await?);
    let category = index.by_slug(&slug).ok_or(FeedError::NotFound)?;
    let items =
        articles::published_in_categories(db, &index.subtree_ids(category.id), state.clock.now(), 1, ITEMS).await?;
    let site_name = site::settings(db).await?.map(|s| s.site_name).unwrap_or_default();
    let title = format!("{} - {site_name}", category.name);
    let path = format!("/chuyen-muc/{}", category.slug);
    Ok(rss_response(&state, &title, &path, &format!("{path}/rss.xml"), &items, &index))
}

fn rss_response(
    state: &AppState,
    title: &str,
    page_path: &str,
    feed_path: &str,
    items: &[ArticleListing],
    index: &CategoryIndex,
) -> impl IntoResponse + use<> {
    let base = &state.public_url.0;
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n\
         <title>{title}</title>\n<link>{link}</link>\n<description>{title}</description>\n<language>vi</language>\n\
         <atom:link href=\"{self_link}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        title = escape(title),
        link = escape(&format!("{base}{page_path}")),
        self_link = escape(&format!("{base}{feed_path}")),
    );
    if let Some(newest) = items.first() {
        let at = newest.published_at.unwrap_or(newest.updated_at);
        xml.push_str(&format!("<lastBuildDate>{}</lastBuildDate>\n", at.to_rfc2822()));
    }
    for item in items {
        let link = escape(&format!("{base}/bai-viet/{}", item.slug));
        let published = item.published_at.unwrap_or(item.updated_at);
        xml.push_str(&format!(
            "<item><title>{}</title><link>{link}</link><guid isPermaLink=\"true\">{link}</guid>\
             <pubDate>{}</pubDate><category>{}</category><description>{}</description></item>\n",
            escape(&item.title),
            published.to_rfc2822(),
            escape(&index.link(item.category_id).name),
            escape(&item.summary),
        ));
    }
    xml.push_str("</channel>\n</rss>\n");
    ([(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")], xml)
}
