//! Importing articles from JSON Lines: one object a line with `slug`, `title`, `category` (a name),
//! `published_at` (RFC 3339 with offset), `summary`, `body_html`, and optional `author`, `cover_image`.
//!
//! A bad line is reported with its number and skipped; the rest still imports. Slugs are the key:
//! importing the same file again changes nothing, and a changed line updates its article.

use std::collections::HashMap;
use std::io::BufRead;

use chrono::{DateTime, FixedOffset, Utc};
use sea_orm::DbErr;
use serde::Deserialize;

use crate::articles::{self, ArticleContent, UpsertOutcome};
use crate::{Database, categories};
use text::is_valid_slug;
use text::sanitize::{is_site_path, sanitize_body_html};

/// Lines written in one transaction: large enough to be fast, small enough not to hold the
/// write lock for long while the site is serving.
const BATCH_SIZE: usize = 200;

#[derive(Deserialize)]
struct ImportRecord {
    slug: String,
    title: String,
    category: String,
    published_at: DateTime<FixedOffset>,
    summary: String,
    body_html: String,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    cover_image: Option<String>,
}

/// A line that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub errors: Vec<LineError>,
}

#[derive(Debug)]
struct ValidLine {
    category: String,
    content: ArticleContent,
}

fn parse_line(line: &str) -> Result<ValidLine, String> {
    let record: ImportRecord = serde_json::from_str(line).map_err(|e| format!("not a valid article object: {e}"))?;
    let slug = record.slug.trim().to_owned();
    if !is_valid_slug(&slug) {
        return Err(format!(
            "slug {:?} must be lower-case ASCII letters and digits joined by single hyphens",
            record.slug
        ));
    }
    let title = record.title.trim().to_owned();
    if title.is_empty() {
        return Err("title is empty".into());
    }
    let category = record.category.trim().to_owned();
    if category.is_empty() {
        return Err("category is empty".into());
    }
    let cover_image = record.cover_image.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
    if let Some(cover) = &cover_image
        && !is_site_path(cover)
    {
        return Err(format!("cover_image {cover:?} must be a path on this site, such as /media/anh.jpg"));
    }
    Ok(ValidLine {
        category,
        content: ArticleContent {
            slug,
            title,
            summary: record.summary.trim().to_owned(),
            body_html: sanitize_body_html(&record.body_html),
            category_id: 0,
            author: record.author.map(|a| a.trim().to_owned()).filter(|a| !a.is_empty()),
            cover_image,
            published_at: record.published_at.with_timezone(&Utc),
        },
    })
}

/// Imports every line of `input`. `on_progress` is told the number of bytes read so far.
/// Database errors stop the import (what was committed stays); bad lines do not.
pub async fn import_jsonl(
    db: &Database,
    input: impl BufRead,
    now: DateTime<Utc>,
    mut on_progress: impl FnMut(u64),
) -> Result<ImportReport, DbErr> {
    let mut report = ImportReport::default();
    let mut category_ids = HashMap::new();
    let mut batch = Vec::with_capacity(BATCH_SIZE);
    let mut bytes_read = 0u64;
    for (index, line) in input.lines().enumerate() {
        let line_number = index + 1;
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                report.errors.push(LineError { line: line_number, message: format!("cannot read the line: {e}") });
                break;
            }
        };
        bytes_read += line.len() as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(&line) {
            Ok(valid) => batch.push(valid),
            Err(message) => report.errors.push(LineError { line: line_number, message }),
        }
        if batch.len() == BATCH_SIZE {
            write_batch(db, &mut batch, &mut category_ids, now, &mut report).await?;
            on_progress(bytes_read);
        }
    }
    write_batch(db, &mut batch, &mut category_ids, now, &mut report).await?;
    on_progress(bytes_read);
    Ok(report)
}

async fn write_batch(
    db: &Database,
    batch: &mut Vec<ValidLine>,
    category_ids: &mut HashMap<String, i32>,
    now: DateTime<Utc>,
    report: &mut ImportReport,
) -> Result<(), DbErr> {
    if batch.is_empty() {
        return Ok(());
    }
    let txn = db.begin_write().await?;
    // Categories created in a batch that rolls back must not stay cached.
    let mut batch_category_ids = category_ids.clone();
    let mut outcomes = Vec::with_capacity(batch.len());
    for ValidLine { category, mut content } in batch.drain(..) {
        content.category_id = match batch_category_ids.get(&category) {
            Some(id) => *id,
            None => {
                let id = categories::find_or_create_by_name(&txn, &category).await?.id;
                batch_category_ids.insert(category, id);
                id
            }
        };
        outcomes.push(articles::upsert_published(&txn, content, now).await?);
    }
    txn.commit().await?;
    *category_ids = batch_category_ids;
    for outcome in outcomes {
        match outcome {
            UpsertOutcome::Inserted => report.inserted += 1,
            UpsertOutcome::Updated => report.updated += 1,
            UpsertOutcome::Unchanged => report.unchanged += 1,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(overrides: &[(&str, serde_json::Value)]) -> String {
        let mut object = serde_json::json!({
            "slug": "bai-viet", "title": "Bài viết", "category": "Tin tức",
            "published_at": "2022-12-26T08:30:00+07:00", "summary": "Tóm tắt", "body_html": "<p>Nội dung</p>"
        });
        for (key, value) in overrides {
            object[key] = value.clone();
        }
        object.to_string()
    }

    #[test]
    fn a_good_line_is_sanitised_and_converted_to_utc() {
        let valid = parse_line(&line(&[("body_html", "<p onclick=\"x()\">A</p><script>x()</script>".into())])).unwrap();
        assert_eq!(valid.content.body_html, "<p>A</p>");
        assert_eq!(valid.content.published_at.to_rfc3339(), "2022-12-26T01:30:00+00:00");
        assert_eq!(valid.category, "Tin tức");
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        assert!(parse_line("{not json").unwrap_err().contains("not a valid article object"));
        assert!(parse_line(&line(&[("published_at", "26/12/2022".into())])).unwrap_err().contains("not a valid"));
        assert!(parse_line(&line(&[("slug", "Bài viết".into())])).unwrap_err().contains("slug"));
        assert!(parse_line(&line(&[("title", "  ".into())])).unwrap_err().contains("title is empty"));
        assert!(parse_line(&line(&[("category", "".into())])).unwrap_err().contains("category is empty"));
        assert!(
            parse_line(&line(&[("cover_image", "https://evil.example/a.jpg".into())]))
                .unwrap_err()
                .contains("cover_image")
        );
    }
}
