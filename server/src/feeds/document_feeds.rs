//! RSS of new legal documents: `/van-ban/rss.xml` for all, `/van-ban/loai/{slug}/rss.xml` for one
//! type and `/van-ban/linh-vuc/{slug}/rss.xml` for one field (with its sub-fields). Paths, not
//! query parameters, so the page cache keeps each feed under its own address.

use app::ssr::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use service::legal_documents::{Catalogue, reading};
use service::site;

use super::FeedError;
use super::xml::escape;

/// Documents a feed carries.
const ITEMS: u64 = 30;

pub async fn all_documents(State(state): State<AppState>) -> Result<impl IntoResponse, FeedError> {
    feed(&state, Scope::All).await
}

pub async fn documents_of_type(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<impl IntoResponse, FeedError> {
    feed(&state, Scope::Type(slug)).await
}

pub async fn documents_in_field(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<impl IntoResponse, FeedError> {
    feed(&state, Scope::Field(slug)).await
}

enum Scope {
    All,
    Type(String),
    Field(String),
}

async fn feed(state: &AppState, scope: Scope) -> Result<impl IntoResponse + use<>, FeedError> {
    let db = state.db.reader();
    let catalogue = Catalogue::load(db).await?;
    let (title, page, feed, type_id, field_id) = match &scope {
        Scope::All => ("Văn bản mới".to_owned(), "/van-ban".to_owned(), "/van-ban/rss.xml".to_owned(), None, None),
        Scope::Type(slug) => {
            let kind = catalogue.types.iter().find(|t| &t.slug == slug).ok_or(FeedError::NotFound)?;
            let page = format!("/van-ban?type={slug}");
            (format!("Văn bản mới: {}", kind.name), page, format!("/van-ban/loai/{slug}/rss.xml"), Some(kind.id), None)
        }
        Scope::Field(slug) => {
            let field = catalogue.fields.iter().find(|f| &f.slug == slug).ok_or(FeedError::NotFound)?;
            let page = format!("/van-ban?field={slug}");
            let feed = format!("/van-ban/linh-vuc/{slug}/rss.xml");
            (format!("Văn bản mới: {}", field.name), page, feed, None, Some(field.id))
        }
    };
    let documents = reading::latest(db, type_id, field_id, ITEMS).await?;
    let site_name = site::settings(db).await?.map(|s| s.site_name).unwrap_or_default();
    let base = &state.public_url.0;
    let title = format!("{title} - {site_name}");
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n\
         <title>{title}</title>\n<link>{link}</link>\n<description>{title}</description>\n<language>vi</language>\n\
         <atom:link href=\"{self_link}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        title = escape(&title),
        link = escape(&format!("{base}{page}")),
        self_link = escape(&format!("{base}{feed}")),
    );
    for document in &documents {
        let link = escape(&format!("{base}/van-ban/{}", document.slug));
        let published = document.published_at.unwrap_or(document.updated_at);
        let kind = catalogue.type_name(document.type_id);
        xml.push_str(&format!(
            "<item><title>{}</title><link>{link}</link><guid isPermaLink=\"true\">{link}</guid>\
             <pubDate>{}</pubDate><category>{}</category><description>{}</description></item>\n",
            escape(&format!("{kind} {}: {}", document.number, document.summary)),
            published.to_rfc2822(),
            escape(kind),
            escape(&format!(
                "{} ban hành ngày {}",
                catalogue.body_name(document.issuing_body_id),
                document.issued_on.format("%d/%m/%Y")
            )),
        ));
    }
    xml.push_str("</channel>\n</rss>\n");
    Ok(([(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")], xml))
}
