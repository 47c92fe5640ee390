use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::{Article, ArticleSummary};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticlePageData {
    pub article: Article,
    /// "Tin liên quan": stories of the same section whose titles are closest to this one.
    pub related: Vec<ArticleSummary>,
    /// "Tin cùng chuyên mục": the category's other recent stories.
    pub category_recent: Vec<ArticleSummary>,
}

/// What is at an article address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArticleLookup {
    Found(Box<ArticlePageData>),
    /// The article now lives at this slug (its slug was changed).
    Moved(String),
    NotFound,
}

#[server]
pub async fn get_article_page(slug: String) -> Result<ArticleLookup, ServerFnError> {
    ssr::load(&slug).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use leptos::prelude::ServerFnError;
    use service::{articles, categories};

    use super::{ArticleLookup, ArticlePageData};
    use crate::models::Article;
    use crate::ssr::{CategoryIndex, app_state, article_summary, database_error};

    const RELATED: usize = 5;
    const CATEGORY_RECENT: u64 = 6;

    pub async fn load(slug: &str) -> Result<ArticleLookup, ServerFnError> {
        let state = app_state()?;
        let now = state.clock.now();
        let db = state.db.clone();
        let db = db.reader();
        let Some(row) = articles::published_by_slug(db, slug, now).await.map_err(database_error)? else {
            return Ok(match articles::moved_to(db, slug, now).await.map_err(database_error)? {
                Some(new_slug) => ArticleLookup::Moved(new_slug),
                None => ArticleLookup::NotFound,
            });
        };
        let index = CategoryIndex::new(categories::all(db).await.map_err(database_error)?);
        let breadcrumb = index.breadcrumb(row.category_id);
        // Related stories come from the whole top-level section the article belongs to.
        let section = breadcrumb
            .first()
            .and_then(|top| index.by_slug(&top.slug))
            .map_or_else(|| vec![row.category_id], |top| index.subtree_ids(top.id));
        let related: Vec<_> = articles::related(db, row.id, &row.title, &section, now, RELATED)
            .await
            .map_err(database_error)?
            .into_iter()
            .map(|other| article_summary(other, &index))
            .collect();
        let same_category =
            articles::published_in_categories(db, &[row.category_id], now, 1, CATEGORY_RECENT + RELATED as u64 + 1)
                .await
                .map_err(database_error)?;
        let category_recent = same_category
            .into_iter()
            .filter(|other| other.id != row.id && !related.iter().any(|r| r.slug == other.slug))
            .take(CATEGORY_RECENT as usize)
            .map(|other| article_summary(other, &index))
            .collect();
        let article = Article {
            breadcrumb,
            published_at: row.published_at.unwrap_or(row.updated_at),
            updated_at: row.updated_at,
            slug: row.slug,
            title: row.title,
            summary: row.summary,
            body_html: row.body_html,
            cover_image: row.cover_image,
            author: row.author,
            tags: service::editorial::article_form::tag_list(&row.tags),
            seo_title: row.seo_title,
            seo_description: row.seo_description,
        };
        Ok(ArticleLookup::Found(Box::new(ArticlePageData { article, related, category_recent })))
    }
}
