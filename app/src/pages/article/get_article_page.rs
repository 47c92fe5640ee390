use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::{Article, ArticleSummary};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticlePageData {
    pub article: Article,
    /// Other recent stories of the same category ("Tin liên quan").
    pub related: Vec<ArticleSummary>,
}

/// The article readers may see at `slug`, or `None` (the page answers 404).
#[server]
pub async fn get_article_page(slug: String) -> Result<Option<ArticlePageData>, ServerFnError> {
    ssr::load(&slug).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use chrono::Utc;
    use leptos::prelude::ServerFnError;
    use service::{articles, categories};

    use super::ArticlePageData;
    use crate::models::Article;
    use crate::ssr::{CategoryIndex, app_state, article_summary, internal_error};

    const RELATED: u64 = 6;

    pub async fn load(slug: &str) -> Result<Option<ArticlePageData>, ServerFnError> {
        let db = app_state()?.db;
        let db = db.reader();
        let now = Utc::now();
        let Some(row) = articles::published_by_slug(db, slug, now)
            .await
            .map_err(internal_error)?
        else {
            return Ok(None);
        };
        let index = CategoryIndex::new(categories::all(db).await.map_err(internal_error)?);
        let (same_category, _) =
            articles::published_in_categories(db, &[row.category_id], now, 1, RELATED + 1)
                .await
                .map_err(internal_error)?;
        let related = same_category
            .into_iter()
            .filter(|other| other.id != row.id)
            .take(RELATED as usize)
            .map(|other| article_summary(other, &index))
            .collect();
        let article = Article {
            breadcrumb: index.breadcrumb(row.category_id),
            published_at: row.published_at.unwrap_or(row.updated_at),
            updated_at: row.updated_at,
            slug: row.slug,
            title: row.title,
            summary: row.summary,
            body_html: row.body_html,
            cover_image: row.cover_image,
            author: row.author,
        };
        Ok(Some(ArticlePageData { article, related }))
    }
}
