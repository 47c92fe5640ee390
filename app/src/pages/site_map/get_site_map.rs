use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::CategoryLink;

/// A category and how deep it sits in the tree (0 for top level).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteMapCategory {
    pub category: CategoryLink,
    pub depth: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteMapData {
    pub categories: Vec<SiteMapCategory>,
    /// (path, title) of every static page.
    pub pages: Vec<(String, String)>,
}

#[server]
pub async fn get_site_map() -> Result<SiteMapData, ServerFnError> {
    use crate::ssr::{CategoryIndex, app_state, database_error};
    let db = app_state()?.db.clone();
    let index = CategoryIndex::new(service::categories::all(db.reader()).await.map_err(database_error)?);
    let pages = service::static_pages::all(db.reader()).await.map_err(database_error)?;
    Ok(SiteMapData {
        categories: index
            .tree_order()
            .into_iter()
            .map(|c| SiteMapCategory { category: index.link(c.id), depth: index.breadcrumb(c.id).len() - 1 })
            .collect(),
        pages: pages.into_iter().map(|p| (format!("/trang/{}", p.slug), p.title)).collect(),
    })
}
