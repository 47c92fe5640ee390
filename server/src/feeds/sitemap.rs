use app::ssr::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use chrono::{SecondsFormat, Utc};
use service::{articles, categories, static_pages};

use super::FeedError;
use super::xml::escape;

/// The sitemap protocol's limit of addresses in one file.
const MAX_URLS: u64 = 50_000;

pub async fn sitemap_xml(State(state): State<AppState>) -> Result<impl IntoResponse, FeedError> {
    let db = state.db.reader();
    let base = &state.public_url.0;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut add = |path: &str, last_modified: Option<chrono::DateTime<Utc>>| {
        xml.push_str(&format!("<url><loc>{}</loc>", escape(&format!("{base}{path}"))));
        if let Some(at) = last_modified {
            xml.push_str(&format!("<lastmod>{}</lastmod>", at.to_rfc3339_opts(SecondsFormat::Secs, true)));
        }
        xml.push_str("</url>\n");
    };
    let entries = articles::sitemap_entries(db, state.clock.now(), MAX_URLS).await?;
    add("/", entries.iter().map(|e| e.updated_at).max());
    for category in categories::all(db).await? {
        add(&format!("/chuyen-muc/{}", category.slug), None);
    }
    for page in static_pages::all(db).await? {
        add(&format!("/trang/{}", page.slug), Some(page.updated_at));
    }
    for entry in &entries {
        add(&format!("/bai-viet/{}", entry.slug), Some(entry.updated_at));
    }
    xml.push_str("</urlset>\n");
    Ok(([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], xml))
}
