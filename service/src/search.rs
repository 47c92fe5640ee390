//! Full-text search over published articles, ignoring case and Vietnamese diacritics in both
//! directions ("dang bo" finds "Đảng bộ", "Đảng" finds "dang").
//!
//! Each query word must begin a word of the article (title, lead or body). The words are found in
//! an inverted index over the folded text (migration `m20261129_000010_article_word_index`: FTS5 on
//! SQLite, a GIN `tsvector` index on PostgreSQL), so a search costs what its matches cost, not what
//! the whole archive costs. Matches are ranked by where the words appear (title first, then the
//! lead, whole phrase above scattered words), newest first among equals.

use chrono::{DateTime, Utc};
use entity::article;
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr, SimpleExpr};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbBackend, DbErr, QueryFilter, QuerySelect};

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
    let mut query = newest_visible(now).filter(has_every_word(db.get_database_backend(), terms));
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

/// Articles with a word starting with each of `terms`, looked up in the word index.
pub(crate) fn has_every_word(backend: DbBackend, terms: &[String]) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => Expr::cust_with_values(
            "to_tsvector('simple'::regconfig, \"article\".\"search_text\") @@ to_tsquery('simple'::regconfig, $1)",
            [postgres_prefix_query(terms)],
        ),
        _ => Expr::cust_with_values(
            "\"article\".\"id\" IN (SELECT rowid FROM article_words WHERE article_words MATCH ?)",
            [fts5_prefix_query(terms)],
        ),
    }
}

/// `"dang"* AND "bo"*`: each term a quoted phrase (so no term is read as an operator), as a prefix.
fn fts5_prefix_query(terms: &[String]) -> String {
    let phrases: Vec<String> = terms.iter().map(|term| format!("\"{}\"*", term.replace('"', "\"\""))).collect();
    phrases.join(" AND ")
}

/// `'dang':* & 'bo':*`: each term a quoted lexeme, as a prefix.
fn postgres_prefix_query(terms: &[String]) -> String {
    let lexemes: Vec<String> =
        terms.iter().map(|term| format!("'{}':*", term.replace('\\', "\\\\").replace('\'', "''"))).collect();
    lexemes.join(" & ")
}

/// Rows whose folded `search_text` column has a word starting with each of `terms`, by reading the
/// text of every row: for small tables (the media library) that have no word index.
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
    fn index_queries_quote_every_term_as_a_prefix() {
        let terms = vec!["dang".to_string(), "a\"b'c\\".to_string()];
        assert_eq!(fts5_prefix_query(&terms), r#""dang"* AND "a""b'c\"*"#);
        assert_eq!(postgres_prefix_query(&terms), r#"'dang':* & 'a"b''c\\':*"#);
    }

    #[test]
    fn like_wildcards_in_a_query_are_literal() {
        assert_eq!(escape_like("100%_a\\"), "100\\%\\_a\\\\");
    }
}
