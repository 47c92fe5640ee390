use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::{CategoryLink, SearchHit};
use crate::url::encode_component;

/// What a reader asked for, as it stands in the URL (`/tim-kiem?q=…&category=…&from=…&to=…&page=…`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchParams {
    pub q: String,
    /// A category slug; empty for all.
    pub category: String,
    /// `YYYY-MM-DD`, inclusive; empty for no bound.
    pub from: String,
    /// `YYYY-MM-DD`, inclusive; empty for no bound.
    pub to: String,
    pub page: u64,
}

impl SearchParams {
    /// The URL of these parameters without the page number.
    pub fn url(&self) -> String {
        let mut url = format!("/tim-kiem?q={}", encode_component(&self.q));
        for (key, value) in [("category", &self.category), ("from", &self.from), ("to", &self.to)] {
            if !value.is_empty() {
                url.push_str(&format!("&{key}={}", encode_component(value)));
            }
        }
        url
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPageData {
    pub hits: Vec<SearchHit>,
    pub total: usize,
    /// More matched than were ranked; the reader should narrow the search.
    pub truncated: bool,
    pub page: u64,
    pub total_pages: u64,
    /// Every category, for the filter, in menu order.
    pub categories: Vec<CategoryLink>,
    /// What was wrong with the request, in words the reader can act on.
    pub problem: Option<String>,
}

/// The endpoint has a fixed name so the server can rate-limit it (`server::security`).
#[server(endpoint = "get_search_page")]
pub async fn get_search_page(params: SearchParams) -> Result<SearchPageData, ServerFnError> {
    ssr::load(params).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use leptos::prelude::ServerFnError;
    use service::{categories, search, text};

    use super::{SearchPageData, SearchParams};
    use crate::models::{SearchHit, TextSegment};
    use crate::ssr::local_days::{end_of_day, parse_range, start_of_day};
    use crate::ssr::{CategoryIndex, app_state, article_summary, database_error};

    const RESULTS_PER_PAGE: usize = 10;

    fn segments(text: &str, terms: &[String]) -> Vec<TextSegment> {
        text::highlight(text, terms)
            .into_iter()
            .map(|segment| TextSegment { text: segment.text, matched: segment.matched })
            .collect()
    }

    pub async fn load(params: SearchParams) -> Result<SearchPageData, ServerFnError> {
        let state = app_state()?;
        let now = state.clock.now();
        let db = state.db.clone();
        let db = db.reader();
        let index = CategoryIndex::new(categories::all(db).await.map_err(database_error)?);
        let mut data = SearchPageData {
            hits: Vec::new(),
            total: 0,
            truncated: false,
            page: params.page.max(1),
            total_pages: 1,
            categories: index.tree_order().into_iter().map(|c| index.link(c.id)).collect(),
            problem: None,
        };
        let dates = parse_range(&params.from, &params.to);
        let (from, to) = match dates {
            Ok(dates) => dates,
            Err(problem) => {
                data.problem = Some(problem);
                return Ok(data);
            }
        };
        let category_ids = match params.category.as_str() {
            "" => None,
            slug => match index.by_slug(slug) {
                Some(category) => Some(index.subtree_ids(category.id)),
                None => {
                    data.problem = Some("Chuyên mục đã chọn không còn tồn tại.".into());
                    return Ok(data);
                }
            },
        };
        let terms = text::search_terms(&params.q);
        let filters = search::Filters { category_ids, from: from.map(start_of_day), until: to.and_then(end_of_day) };
        let found = search::search(db, &terms, &filters, now, data.page as usize, RESULTS_PER_PAGE)
            .await
            .map_err(database_error)?;
        data.total = found.total;
        data.truncated = found.truncated;
        data.total_pages = found.total.div_ceil(RESULTS_PER_PAGE).max(1) as u64;
        data.hits = found
            .hits
            .into_iter()
            .map(|row| {
                let title = segments(&row.title, &terms);
                let summary = segments(&row.summary, &terms);
                SearchHit { article: article_summary(row, &index), title, summary }
            })
            .collect();
        Ok(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_keeps_every_filter_and_encodes_vietnamese() {
        let params = SearchParams {
            q: "Đảng bộ & chi bộ".into(),
            category: "dang-bo".into(),
            from: "2022-12-01".into(),
            to: String::new(),
            page: 3,
        };
        assert_eq!(
            params.url(),
            "/tim-kiem?q=%C4%90%E1%BA%A3ng+b%E1%BB%99+%26+chi+b%E1%BB%99&category=dang-bo&from=2022-12-01"
        );
    }
}
