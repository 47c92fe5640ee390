use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::ArticleList;
use crate::url::encode_component;

/// The list's filters as they stand in the address (`/quan-tri/bai-viet?trang-thai=…`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleListQuery {
    /// A `WorkflowStatus::query_value`; empty for every status but the trash.
    pub status: String,
    pub category: Option<i32>,
    pub writer: Option<i32>,
    /// `YYYY-MM-DD`, inclusive: last changed from / to.
    pub from: String,
    pub to: String,
    pub q: String,
    /// `cap-nhat` (default), `xuat-ban`, `tieu-de`, `doc-nhieu`.
    pub sort: String,
    pub page: u64,
}

impl ArticleListQuery {
    /// The query's address at `page`.
    pub fn url(&self, page: u64) -> String {
        let category = self.category.map(|id| id.to_string()).unwrap_or_default();
        let writer = self.writer.map(|id| id.to_string()).unwrap_or_default();
        let pairs = [
            ("trang-thai", self.status.as_str()),
            ("chuyen-muc", &category),
            ("nguoi-viet", &writer),
            ("tu-ngay", &self.from),
            ("den-ngay", &self.to),
            ("q", &self.q),
            ("sap-xep", &self.sort),
        ];
        let mut url = String::from("/quan-tri/bai-viet?");
        for (key, value) in pairs.into_iter().filter(|(_, value)| !value.is_empty()) {
            url.push_str(&format!("{key}={}&", encode_component(value)));
        }
        url.push_str(&format!("trang={page}"));
        url
    }
}

pub const ARTICLES_PER_PAGE: u64 = 20;

#[server(endpoint = "list_articles")]
pub async fn list_articles(query: ArticleListQuery) -> Result<ArticleList, ServerFnError> {
    ssr::list(query).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use http::StatusCode;
    use leptos::prelude::ServerFnError;
    use service::editorial::listing::{self, ArticleFilter, SortOrder};
    use service::editorial::permissions::{ArticleAction, may, sees_all_articles};
    use service::{categories, users};

    use super::{ARTICLES_PER_PAGE, ArticleListQuery};
    use crate::admin::articles::ssr::{article_row, stored_status};
    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::models::{ArticleList, Choice};
    use crate::ssr::local_days::{end_of_day, parse_range, start_of_day};
    use crate::ssr::{CategoryIndex, app_state, database_error, refuse};

    pub async fn list(query: ArticleListQuery) -> Result<ArticleList, ServerFnError> {
        let account = require_staff(ALL_STAFF).await?;
        let state = app_state()?;
        let db = state.db.reader();
        let (from, to) =
            parse_range(&query.from, &query.to).map_err(|problem| refuse(StatusCode::BAD_REQUEST, problem))?;
        let status = match query.status.as_str() {
            "" => None,
            value => Some(
                stored_status(value).ok_or_else(|| refuse(StatusCode::BAD_REQUEST, "Trạng thái lọc không hợp lệ."))?,
            ),
        };
        let index = CategoryIndex::new(categories::all(db).await.map_err(database_error)?);
        let category_ids = match query.category {
            Some(id) if index.get(id).is_some() => Some(index.subtree_ids(id)),
            Some(_) => return Err(refuse(StatusCode::BAD_REQUEST, "Chuyên mục đã chọn không còn tồn tại.")),
            None => None,
        };
        let sees_all = sees_all_articles(account.role);
        let filter = ArticleFilter {
            status,
            category_ids,
            // Authors work on their own articles only.
            created_by: if sees_all { query.writer } else { Some(account.id) },
            updated_from: from.map(start_of_day),
            updated_until: to.and_then(end_of_day),
            text: query.q.clone(),
            sort: match query.sort.as_str() {
                "xuat-ban" => SortOrder::RecentlyPublished,
                "tieu-de" => SortOrder::Title,
                "doc-nhieu" => SortOrder::MostRead,
                _ => SortOrder::RecentlyUpdated,
            },
        };
        let page = query.page.max(1);
        let (rows, total) = listing::list(db, &filter, page, ARTICLES_PER_PAGE).await.map_err(database_error)?;
        let staff = users::all(db).await.map_err(database_error)?;
        let now = state.clock.now();
        Ok(ArticleList {
            rows: rows.into_iter().map(|row| article_row(row, &index, &staff, now)).collect(),
            total,
            page,
            pages: total.div_ceil(ARTICLES_PER_PAGE).max(1),
            categories: category_choices(&index),
            writers: if sees_all {
                staff.iter().map(|u| Choice { id: u.id, label: u.display_name.clone() }).collect()
            } else {
                Vec::new()
            },
            may_empty_trash: may(account.role, ArticleAction::EmptyTrash, None),
            may_publish: may(account.role, ArticleAction::Publish, None),
        })
    }

    /// Every category in menu order, sub-categories indented under their parents.
    pub fn category_choices(index: &CategoryIndex) -> Vec<Choice> {
        index
            .tree_order()
            .into_iter()
            .map(|category| {
                let depth = index.breadcrumb(category.id).len().saturating_sub(1);
                Choice { id: category.id, label: format!("{}{}", "— ".repeat(depth), category.name) }
            })
            .collect()
    }
}

#[cfg(feature = "ssr")]
pub use ssr::category_choices;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_keeps_the_filters_that_are_set() {
        let query = ArticleListQuery {
            status: "cho-duyet".into(),
            q: "Đảng bộ".into(),
            category: Some(4),
            ..Default::default()
        };
        assert_eq!(
            query.url(2),
            "/quan-tri/bai-viet?trang-thai=cho-duyet&chuyen-muc=4&q=%C4%90%E1%BA%A3ng+b%E1%BB%99&trang=2"
        );
    }
}
