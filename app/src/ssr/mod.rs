//! Server-only glue shared by the server functions.

mod category_index;
mod client_address;
mod content_security_policy;
pub mod local_days;
mod state;

pub use category_index::CategoryIndex;
pub use client_address::{client_address, request_client_address};
pub use content_security_policy::{PageNonce, page_policy, provide_page_nonce};
pub use state::{AppState, AppStateInner, BehindProxy, PublicUrl, app_state, database_error, refuse, set_status};

use service::articles::ArticleListing;
use service::visitors::{ArticleViews, VisitorNumbers};

use crate::models::{ArticleReadCount, ArticleSummary, VisitorStats};

/// The listing form of a stored article. Articles reach readers only when published, so they have a date.
pub fn article_summary(row: ArticleListing, categories: &CategoryIndex) -> ArticleSummary {
    ArticleSummary {
        category: categories.link(row.category_id),
        published_at: row.published_at.unwrap_or(row.updated_at),
        slug: row.slug,
        title: row.title,
        summary: row.summary,
        cover_image: row.cover_image,
    }
}

pub fn visitor_stats(numbers: VisitorNumbers) -> VisitorStats {
    VisitorStats { online: numbers.online, today: numbers.today, total: numbers.total, visible: numbers.widget_visible }
}

pub fn read_count(row: ArticleViews) -> ArticleReadCount {
    ArticleReadCount { slug: row.slug, title: row.title, views: row.view_count }
}
