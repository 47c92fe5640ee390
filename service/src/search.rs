//! Full-text search over published articles, ignoring case and Vietnamese diacritics in both
//! directions ("dang bo" finds "Đảng bộ", "Đảng" finds "dang").
//!
//! Each query word must begin a word of the article (title, lead or body). Matches are ranked by
//! where the words appear (title first, then the lead, whole phrase above scattered words), newest first
//! among equals.

use chrono::{DateTime, Utc};
use entity::article;
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbErr, QueryFilter, QuerySelect};

use text::{fold_diacritics, words};

use crate::articles::{ArticleListing, newest_visible};

/// How many of the newest matches are ranked. Older matches beyond it are not shown.
const MAX_CANDIDATES: u64 = 1000;

/// Narrows a search.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    /// Only these categories (a category and its sub-categories, as the caller resolves them).
    pub category_ids: Option<Vec<i32>>,
    /// Published at or after.
    pub from: Option<DateTime<Utc>>,
    /// Published before.
    pub until: Option<DateTime<Utc>>,
}

pub struct SearchPage {
    pub hits: Vec<ArticleListing>,
    /// Matches found (at most the ranking limit).
    pub total: usize,
    /// Whether more matches exist than were ranked.
    pub truncated: bool,
}

pub async fn search(
    db: &impl ConnectionTrait,
    terms: &[String],
    filters: &Filters,
    now: DateTime<Utc>,
    page: usize,
    per_page: usize,
) -> Result<SearchPage, DbErr> {
    if terms.is_empty() {
        return Ok(SearchPage { hits: Vec::new(), total: 0, truncated: false });
    }
    let mut query = newest_visible(now).filter(contains_every_term(article::Column::SearchText, terms));
    if let Some(ids) = &filters.category_ids {
        query = query.filter(article::Column::CategoryId.is_in(ids.iter().copied()));
    }
    if let Some(from) = filters.from {
        query = query.filter(article::Column::PublishedAt.gte(from));
    }
    if let Some(until) = filters.until {
        query = query.filter(article::Column::PublishedAt.lt(until));
    }
    let mut candidates: Vec<ArticleListing> = query.limit(MAX_CANDIDATES + 1).into_partial_model().all(db).await?;
    let truncated = candidates.len() as u64 > MAX_CANDIDATES;
    candidates.truncate(MAX_CANDIDATES as usize);
    let total = candidates.len();
    // Candidates arrive newest first and the sort is stable, so equal scores stay newest first.
    let mut scored: Vec<(u32, ArticleListing)> =
        candidates.into_iter().map(|c| (relevance(terms, &c.title, &c.summary), c)).collect();
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    let hits = scored.into_iter().skip(page.saturating_sub(1) * per_page).take(per_page).map(|(_, c)| c).collect();
    Ok(SearchPage { hits, total, truncated })
}

/// Rows whose folded `search_text` column has a word starting with each of `terms`.
pub(crate) fn contains_every_term(search_text: impl ColumnTrait, terms: &[String]) -> Condition {
    terms.iter().fold(Condition::all(), |all, term| {
        let pattern = format!("% {}%", escape_like(term));
        all.add(Expr::col(search_text).like(LikeExpr::new(pattern).escape('\\')))
    })
}

fn escape_like(term: &str) -> String {
    term.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// How well an article that contains every term matches: title words count most, then lead words,
/// and the terms standing together as a phrase count extra.
pub fn relevance(terms: &[String], title: &str, summary: &str) -> u32 {
    let title_words: Vec<String> = words(&fold_diacritics(title)).map(str::to_owned).collect();
    let summary_words: Vec<String> = words(&fold_diacritics(summary)).map(str::to_owned).collect();
    let starts = |text: &[String], term: &str| text.iter().any(|w| w.starts_with(term));
    let mut score = 0;
    for term in terms {
        if starts(&title_words, term) {
            score += 10;
        }
        if starts(&summary_words, term) {
            score += 3;
        }
    }
    if terms.len() > 1 {
        if contains_phrase(&title_words, terms) {
            score += 20;
        } else if contains_phrase(&summary_words, terms) {
            score += 6;
        }
    }
    score
}

fn contains_phrase(text: &[String], terms: &[String]) -> bool {
    text.windows(terms.len()).any(|window| window.iter().zip(terms).all(|(word, term)| word.starts_with(term.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_matches_and_phrases_rank_first() {
        let query = text::search_terms("chuyển đổi số");
        let in_title = relevance(&query, "Thanh Hóa đẩy mạnh chuyển đổi số", "Tin hoạt động");
        let scattered_title = relevance(&query, "Số hóa và chuyển đổi", "Tin hoạt động");
        let in_lead = relevance(&query, "Hội nghị tổng kết", "Bàn về chuyển đổi số");
        assert!(in_title > scattered_title, "{in_title} > {scattered_title}");
        assert!(scattered_title > in_lead, "{scattered_title} > {in_lead}");
        assert!(in_lead > relevance(&query, "Hội nghị", "Tổng kết"));
    }

    #[test]
    fn like_wildcards_in_a_query_are_literal() {
        assert_eq!(escape_like("100%_a\\"), "100\\%\\_a\\\\");
    }
}
