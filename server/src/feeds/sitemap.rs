//! `/sitemap.xml`: every address a search engine should know. Up to `articles_per_file` articles
//! it is one list; beyond that it is a sitemap index pointing at `/sitemap/1.xml`, `/sitemap/2.xml`…
//! (oldest articles first, so a file's addresses stay put as new articles go to the last one).

use app::ssr::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, SecondsFormat, Utc};
use service::{articles, categories, legal_documents, static_pages};

use super::FeedError;
use super::xml::escape;

/// Articles in one sitemap file. The protocol allows 50,000 addresses; ten thousand keep a file
/// quick to render and to compress once for the page cache.
pub const ARTICLES_PER_FILE: u64 = 10_000;

pub async fn sitemap_xml(state: AppState, articles_per_file: u64) -> Result<Response, FeedError> {
    let files = file_count(articles::count_visible(state.db.reader(), state.clock.now()).await?, articles_per_file);
    if files == 1 {
        return sitemap_file(&state, 1, articles_per_file).await;
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for number in 1..=files {
        let location = escape(&format!("{}/sitemap/{number}.xml", state.public_url.0));
        xml.push_str(&format!("<sitemap><loc>{location}</loc></sitemap>\n"));
    }
    xml.push_str("</sitemapindex>\n");
    Ok(xml_response(xml))
}

/// `/sitemap/{number}.xml`, one file of the index.
pub async fn sitemap_part(
    State(state): State<AppState>,
    Path(name): Path<String>,
    articles_per_file: u64,
) -> Result<Response, FeedError> {
    let files = file_count(articles::count_visible(state.db.reader(), state.clock.now()).await?, articles_per_file);
    match part_number(&name) {
        // With one file there is no index: `/sitemap.xml` is that file.
        Some(number) if files > 1 && number <= files => sitemap_file(&state, number, articles_per_file).await,
        _ => Err(FeedError::NoSuchSitemap),
    }
}

/// File `number` (from 1): its articles, and in the first also the home page, categories, pages
/// and legal documents.
async fn sitemap_file(state: &AppState, number: u64, articles_per_file: u64) -> Result<Response, FeedError> {
    let db = state.db.reader();
    let now = state.clock.now();
    let base = &state.public_url.0;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut add = |path: &str, last_modified: Option<DateTime<Utc>>| {
        xml.push_str(&format!("<url><loc>{}</loc>", escape(&format!("{base}{path}"))));
        if let Some(at) = last_modified {
            xml.push_str(&format!("<lastmod>{}</lastmod>", at.to_rfc3339_opts(SecondsFormat::Secs, true)));
        }
        xml.push_str("</url>\n");
    };
    if number == 1 {
        add("/", articles::last_visible_change(db, now).await?);
        for category in categories::all(db).await? {
            add(&format!("/chuyen-muc/{}", category.slug), None);
        }
        for page in static_pages::all(db).await? {
            add(&format!("/trang/{}", page.slug), Some(page.updated_at));
        }
        // The documents are few beside the articles (a department publishes thousands, not tens
        // of thousands), so they all go in the first file.
        add("/van-ban", None);
        for (slug, updated_at) in legal_documents::reading::sitemap_entries(db).await? {
            add(&format!("/van-ban/{slug}"), Some(updated_at));
        }
    }
    let offset = (number - 1) * articles_per_file;
    for entry in articles::sitemap_entries(db, now, offset, articles_per_file).await? {
        add(&format!("/bai-viet/{}", entry.slug), Some(entry.updated_at));
    }
    xml.push_str("</urlset>\n");
    Ok(xml_response(xml))
}

fn xml_response(xml: String) -> Response {
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], xml).into_response()
}

/// How many files `articles` articles take (at least one: the home page is always listed).
fn file_count(articles: u64, articles_per_file: u64) -> u64 {
    articles.div_ceil(articles_per_file.max(1)).max(1)
}

/// `"3.xml"` → 3. Numbers start at 1; "03.xml" is not another name for file 3.
fn part_number(name: &str) -> Option<u64> {
    let digits = name.strip_suffix(".xml")?;
    let plain = !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit());
    plain.then(|| digits.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_fill_files_of_the_given_size() {
        assert_eq!(file_count(0, 10_000), 1);
        assert_eq!(file_count(10_000, 10_000), 1);
        assert_eq!(file_count(10_001, 10_000), 2);
        assert_eq!(file_count(100_000, 10_000), 10);
    }

    #[test]
    fn only_plain_numbers_from_one_name_a_file() {
        assert_eq!(part_number("1.xml"), Some(1));
        assert_eq!(part_number("12.xml"), Some(12));
        for name in
            ["0.xml", "01.xml", "1", "1.xml.xml", "-1.xml", "+1.xml", "a.xml", ".xml", "99999999999999999999.xml"]
        {
            assert_eq!(part_number(name), None, "{name}");
        }
    }
}
