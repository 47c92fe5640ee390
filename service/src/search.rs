//! Full-text search over published articles, ignoring case and Vietnamese diacritics in both
//! directions ("dang bo" finds "Đảng bộ", "Đảng" finds "dang").
//!
//! Each query word must be a word of the article (title, lead or body); the last may also begin
//! one, so "muong la" finds "Mường Lát" while the reader is still typing. The earlier words are
//! whole words because Vietnamese words are syllables: "hoa" beginning "hoàn", "hoạch" and "hoạt"
//! would make "thanh hoa" match nearly every article. The words are found in an inverted index over
//! the folded text (migrations `m20261129_000010_article_word_index` and `…12`: FTS5 on SQLite, a
//! GIN `tsvector` index on PostgreSQL), so a search costs what its matches cost, not what the
//! whole archive costs. Matches are ranked by where the words appear (title first, then the lead,
//! whole phrase above scattered words), newest first among equals.

use chrono::{DateTime, Utc};
use entity::article;
use entity::article::ArticleStatus;
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr, SimpleExpr};
use sea_orm::{
    ActiveEnum, ColumnTrait, Condition, ConnectionTrait, DbBackend, DbErr, DerivePartialModel, EntityTrait,
    QueryFilter, QuerySelect, Select, Statement,
};

use text::{fold_diacritics, words};

use crate::articles::{ArticleListing, newest_first, newest_visible};

/// How many of the newest matches are ranked. Older matches beyond it are not shown.
const MAX_CANDIDATES: u64 = 1000;

/// Below this many matches, SQLite reads the matching articles themselves; from it on, it walks
/// the publication-date index newest first and keeps the matches until it has enough.
const FEW_MATCHES: u64 = 2 * MAX_CANDIDATES;

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
    let backend = db.get_database_backend();
    let visible = if backend == DbBackend::Sqlite && ARTICLE_WORDS.fewer_matches_than(db, terms, FEW_MATCHES).await? {
        visible_looked_up_by_id(now)
    } else {
        newest_visible(now)
    };
    let mut query = visible.filter(ARTICLE_WORDS.has_every_word(backend, terms));
    if let Some(ids) = &filters.category_ids {
        query = query.filter(article::Column::CategoryId.is_in(ids.iter().copied()));
    }
    if let Some(from) = filters.from {
        query = query.filter(article::Column::PublishedAt.gte(from));
    }
    if let Some(until) = filters.until {
        query = query.filter(article::Column::PublishedAt.lt(until));
    }
    let mut candidates: Vec<Candidate> = query.limit(MAX_CANDIDATES + 1).into_partial_model().all(db).await?;
    let truncated = candidates.len() as u64 > MAX_CANDIDATES;
    candidates.truncate(MAX_CANDIDATES as usize);
    let total = candidates.len();
    // Candidates arrive newest first and the sort is stable, so equal scores stay newest first.
    let mut scored: Vec<(u32, i32)> =
        candidates.iter().map(|c| (relevance(terms, &c.title, &c.summary), c.id)).collect();
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    let shown: Vec<i32> =
        scored.into_iter().skip(page.saturating_sub(1) * per_page).take(per_page).map(|(_, id)| id).collect();
    // Still visible: an editor may have withdrawn one since the candidates were read.
    let mut hits: Vec<ArticleListing> = newest_visible(now)
        .filter(article::Column::Id.is_in(shown.iter().copied()))
        .into_partial_model()
        .all(db)
        .await?;
    hits.sort_by_key(|hit| shown.iter().position(|id| *id == hit.id));
    Ok(SearchPage { hits, total, truncated })
}

/// What ranking reads of a match. The title and lead come before the body in an article's row,
/// so a thousand of them are read without the body's overflow pages.
#[derive(DerivePartialModel)]
#[sea_orm(entity = "article::Entity")]
struct Candidate {
    id: i32,
    title: String,
    summary: String,
}

/// The articles readers can see, newest first, with the status test written `+status` so that
/// SQLite cannot answer it from the (status, publication date) index: it then reads the few
/// matching articles by id and sorts them, instead of walking that index until enough matches
/// turned up (all of it for a word nobody wrote: 36 ms at 100,000 articles, against 2 ms).
fn visible_looked_up_by_id(now: DateTime<Utc>) -> Select<article::Entity> {
    let published = Expr::cust_with_values("+\"article\".\"status\" = ?", [ArticleStatus::Published.to_value()]);
    newest_first(article::Entity::find().filter(published).filter(article::Column::PublishedAt.lte(now)))
}

/// A table with a word index over its folded `search_text` column (migrations 10 and 14): FTS5 on
/// SQLite, a GIN `tsvector` index on PostgreSQL.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WordIndex {
    table: &'static str,
    /// The FTS5 table (SQLite).
    words: &'static str,
}

pub(crate) const ARTICLE_WORDS: WordIndex = WordIndex { table: "article", words: "article_words" };
pub(crate) const LEGAL_DOCUMENT_WORDS: WordIndex = WordIndex { table: "legal_document", words: "legal_document_words" };

impl WordIndex {
    /// Rows holding every one of `terms` as a word (the last may begin a word), looked up in the
    /// word index.
    pub(crate) fn has_every_word(self, backend: DbBackend, terms: &[String]) -> SimpleExpr {
        let Self { table, words } = self;
        match backend {
            DbBackend::Postgres => Expr::cust_with_values(
                format!(
                    "to_tsvector('simple'::regconfig, \"{table}\".\"search_text\") @@ to_tsquery('simple'::regconfig, $1)"
                ),
                [postgres_query(terms)],
            ),
            _ => Expr::cust_with_values(
                format!("\"{table}\".\"id\" IN (SELECT rowid FROM {words} WHERE {words} MATCH ?)"),
                [fts5_query(terms)],
            ),
        }
    }

    /// Whether fewer than `limit` rows (of any status) hold the words: the word index counts
    /// them, and stops at `limit`.
    pub(crate) async fn fewer_matches_than(
        self,
        db: &impl ConnectionTrait,
        terms: &[String],
        limit: u64,
    ) -> Result<bool, DbErr> {
        let words = self.words;
        let count = Statement::from_sql_and_values(
            DbBackend::Sqlite,
            format!("SELECT COUNT(*) FROM (SELECT rowid FROM {words} WHERE {words} MATCH ? LIMIT ?)"),
            [fts5_query(terms).into(), (limit as i64).into()],
        );
        let matches = match db.query_one_raw(count).await? {
            Some(row) => row.try_get_by_index::<i64>(0)?,
            None => 0,
        };
        Ok((matches as u64) < limit)
    }
}

/// `"dang" AND "bo"*`: each term a quoted phrase (so no term is read as an operator), the last
/// as a prefix.
fn fts5_query(terms: &[String]) -> String {
    let phrases: Vec<String> = terms.iter().map(|term| format!("\"{}\"", term.replace('"', "\"\""))).collect();
    format!("{}*", phrases.join(" AND "))
}

/// `'dang' & 'bo':*`: each term a quoted lexeme, the last as a prefix.
fn postgres_query(terms: &[String]) -> String {
    let lexemes: Vec<String> =
        terms.iter().map(|term| format!("'{}'", term.replace('\\', "\\\\").replace('\'', "''"))).collect();
    format!("{}:*", lexemes.join(" & "))
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
    let (title, summary) = (fold_diacritics(title), fold_diacritics(summary));
    let title_words: Vec<&str> = words(&title).collect();
    let summary_words: Vec<&str> = words(&summary).collect();
    let has = |text: &[&str], index: usize| text.iter().any(|word| is_match(word, terms, index));
    let mut score = 0;
    for index in 0..terms.len() {
        if has(&title_words, index) {
            score += 10;
        }
        if has(&summary_words, index) {
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

fn contains_phrase(text: &[&str], terms: &[String]) -> bool {
    text.windows(terms.len()).any(|window| window.iter().enumerate().all(|(index, word)| is_match(word, terms, index)))
}

/// Whether `word` is the query's term at `index`, as the word index matches it: the last term
/// may begin the word, the others are the word.
fn is_match(word: &str, terms: &[String], index: usize) -> bool {
    if index + 1 == terms.len() { word.starts_with(terms[index].as_str()) } else { word == terms[index] }
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
        let whole_words = text::search_terms("hoa thanh");
        assert_eq!(relevance(&whole_words, "Hoàn thành kế hoạch", ""), 10, "only the last word may begin a word");
    }

    #[test]
    fn index_queries_quote_every_term_and_the_last_is_a_prefix() {
        let terms = vec!["dang".to_string(), "a\"b'c\\".to_string()];
        assert_eq!(fts5_query(&terms), r#""dang" AND "a""b'c\"*"#);
        assert_eq!(postgres_query(&terms), r#"'dang' & 'a"b''c\\':*"#);
        assert_eq!(fts5_query(&terms[..1]), r#""dang"*"#);
    }

    #[test]
    fn like_wildcards_in_a_query_are_literal() {
        assert_eq!(escape_like("100%_a\\"), "100\\%\\_a\\\\");
    }
}
