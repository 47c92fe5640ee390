use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::CategoryLink;

/// An article as listed: on the home page, in a category, among related stories.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub cover_image: Option<String>,
    pub published_at: DateTime<Utc>,
    pub category: CategoryLink,
}

impl ArticleSummary {
    pub fn url(&self) -> String {
        article_url(&self.slug)
    }
}

/// An article as a reader sees it on its own page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub slug: String,
    pub title: String,
    /// The lead paragraph ("sapo").
    pub summary: String,
    /// Sanitised on the way into the database, so it is safe to render as HTML.
    pub body_html: String,
    pub cover_image: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    /// What search engines and shares show, when the editor set something other than title and lead.
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
    pub published_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// From the top-level category down to the article's own.
    pub breadcrumb: Vec<CategoryLink>,
}

impl Article {
    pub fn url(&self) -> String {
        article_url(&self.slug)
    }
}

pub fn article_url(slug: &str) -> String {
    format!("/bai-viet/{slug}")
}
