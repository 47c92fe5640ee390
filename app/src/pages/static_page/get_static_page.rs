use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaticPageData {
    pub slug: String,
    pub title: String,
    /// Sanitised when stored.
    pub body_html: String,
}

/// The page at `/trang/{slug}`, or `None` (404).
#[server]
pub async fn get_static_page(slug: String) -> Result<Option<StaticPageData>, ServerFnError> {
    use crate::ssr::{app_state, database_error};
    let db = app_state()?.db.clone();
    let page = service::static_pages::find_by_slug(db.reader(), &slug).await.map_err(database_error)?;
    Ok(page.map(|page| StaticPageData { slug: page.slug, title: page.title, body_html: page.body_html }))
}
