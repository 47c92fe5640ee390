use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::{ArticleSummary, CategoryLink};

/// The newest stories in one top-level category (its sub-categories included).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategorySection {
    pub category: CategoryLink,
    pub articles: Vec<ArticleSummary>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomePageData {
    /// The newest story, shown large.
    pub lead: Option<ArticleSummary>,
    pub latest: Vec<ArticleSummary>,
    pub sections: Vec<CategorySection>,
}

#[server]
pub async fn get_home_page() -> Result<HomePageData, ServerFnError> {
    ssr::load().await
}

#[cfg(feature = "ssr")]
mod ssr {
    use leptos::prelude::ServerFnError;
    use service::{articles, categories};

    use super::{CategorySection, HomePageData};
    use crate::ssr::{CategoryIndex, app_state, article_summary, database_error};

    const LATEST: u64 = 7;
    const PER_SECTION: u64 = 4;

    pub async fn load() -> Result<HomePageData, ServerFnError> {
        let state = app_state()?;
        let now = state.clock.now();
        let db = state.db.clone();
        let db = db.reader();
        let index = CategoryIndex::new(categories::all(db).await.map_err(database_error)?);
        let mut latest = articles::latest_published(db, now, LATEST)
            .await
            .map_err(database_error)?
            .into_iter()
            .map(|row| article_summary(row, &index))
            .collect::<Vec<_>>();
        let lead = (!latest.is_empty()).then(|| latest.remove(0));
        let mut sections = Vec::new();
        for top in index.children(None).filter(|c| c.show_in_menu) {
            let rows = articles::published_in_categories(db, &index.subtree_ids(top.id), now, 1, PER_SECTION)
                .await
                .map_err(database_error)?;
            if !rows.is_empty() {
                sections.push(CategorySection {
                    category: index.link(top.id),
                    articles: rows.into_iter().map(|row| article_summary(row, &index)).collect(),
                });
            }
        }
        Ok(HomePageData { lead, latest, sections })
    }
}
