use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::{ArticleSummary, CategoryLink};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryPageData {
    pub category: CategoryLink,
    pub description: String,
    /// From the top-level category down to this one.
    pub breadcrumb: Vec<CategoryLink>,
    pub subcategories: Vec<CategoryLink>,
    /// Newest first, this category and its sub-categories together.
    pub articles: Vec<ArticleSummary>,
    pub page: u64,
    pub total_pages: u64,
}

/// Page `page` (from 1) of a category, or `None` when the category or the page does not exist.
#[server]
pub async fn get_category_page(slug: String, page: u64) -> Result<Option<CategoryPageData>, ServerFnError> {
    ssr::load(&slug, page).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use leptos::prelude::ServerFnError;
    use service::{articles, categories};

    use super::CategoryPageData;
    use crate::ssr::{CategoryIndex, app_state, article_summary, database_error};

    /// Stories a category page lists at once.
    const ARTICLES_PER_PAGE: u64 = 10;

    pub async fn load(slug: &str, page: u64) -> Result<Option<CategoryPageData>, ServerFnError> {
        let state = app_state()?;
        let now = state.clock.now();
        let db = state.db.clone();
        let db = db.reader();
        let index = CategoryIndex::new(categories::all(db).await.map_err(database_error)?);
        let Some(category) = index.by_slug(slug) else {
            return Ok(None);
        };
        if page == 0 {
            return Ok(None);
        }
        let ids = index.subtree_ids(category.id);
        let total = articles::count_published_in_categories(db, &ids, now).await.map_err(database_error)?;
        let total_pages = total.div_ceil(ARTICLES_PER_PAGE).max(1);
        if page > total_pages {
            return Ok(None);
        }
        let rows =
            articles::published_in_categories(db, &ids, now, page, ARTICLES_PER_PAGE).await.map_err(database_error)?;
        Ok(Some(CategoryPageData {
            category: index.link(category.id),
            description: category.description.clone(),
            breadcrumb: index.breadcrumb(category.id),
            subcategories: index.children(Some(category.id)).map(|c| index.link(c.id)).collect(),
            articles: rows.into_iter().map(|row| article_summary(row, &index)).collect(),
            page,
            total_pages,
        }))
    }
}
