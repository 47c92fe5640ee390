//! Server-only glue for the article pages: statuses, form conversions and error statuses.

use chrono::{DateTime, Utc};
use entity::article::{self, ArticleStatus};
use entity::article_revision;
use http::StatusCode;
use service::editorial::diff::{Change, word_diff};
use service::editorial::permissions::{ArticleAction, ArticleFacts, may};
use service::editorial::workflow::next_status;
use service::editorial::{ArticleFields, Conflict, EditorialError, Transition};

use super::EditorError;
use crate::components::error_text;
use crate::models::{
    ArticleForm, ArticleRow, DiffPart, FieldDiff, FieldMessage, SaveConflict, WorkflowStatus, WorkflowStep,
};
use crate::ssr::{CategoryIndex, database_error, set_status};

pub fn workflow_status(
    status: ArticleStatus,
    published_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> WorkflowStatus {
    match status {
        ArticleStatus::Draft => WorkflowStatus::Draft,
        ArticleStatus::Pending => WorkflowStatus::Pending,
        ArticleStatus::Published if published_at.is_some_and(|at| at > now) => WorkflowStatus::Scheduled,
        ArticleStatus::Published => WorkflowStatus::Published,
        ArticleStatus::Unpublished => WorkflowStatus::Unpublished,
        ArticleStatus::Trashed => WorkflowStatus::Trashed,
    }
}

pub fn stored_status(filter: &str) -> Option<ArticleStatus> {
    match filter {
        "nhap" => Some(ArticleStatus::Draft),
        "cho-duyet" => Some(ArticleStatus::Pending),
        "da-xuat-ban" => Some(ArticleStatus::Published),
        "go-xuong" => Some(ArticleStatus::Unpublished),
        "thung-rac" => Some(ArticleStatus::Trashed),
        _ => None,
    }
}

pub const ALL_STEPS: [WorkflowStep; 6] = [
    WorkflowStep::Submit,
    WorkflowStep::Publish,
    WorkflowStep::SendBack,
    WorkflowStep::Unpublish,
    WorkflowStep::Trash,
    WorkflowStep::Restore,
];

pub fn transition(step: WorkflowStep) -> Transition {
    match step {
        WorkflowStep::Submit => Transition::Submit,
        WorkflowStep::Publish => Transition::Publish,
        WorkflowStep::SendBack => Transition::SendBack,
        WorkflowStep::Unpublish => Transition::Unpublish,
        WorkflowStep::Trash => Transition::Trash,
        WorkflowStep::Restore => Transition::Restore,
    }
}

fn action(step: WorkflowStep) -> ArticleAction {
    match step {
        WorkflowStep::Submit => ArticleAction::Submit,
        WorkflowStep::Publish => ArticleAction::Publish,
        WorkflowStep::SendBack => ArticleAction::SendBack,
        WorkflowStep::Unpublish => ArticleAction::Unpublish,
        WorkflowStep::Trash => ArticleAction::Trash,
        WorkflowStep::Restore => ArticleAction::Restore,
    }
}

/// The steps `account` may take with `article` as it stands.
pub fn available_steps(account: &entity::user::Model, article: &article::Model) -> Vec<WorkflowStep> {
    let facts = ArticleFacts { status: article.status, own: article.created_by == Some(account.id) };
    ALL_STEPS
        .into_iter()
        .filter(|step| next_status(article.status, transition(*step)).is_some())
        .filter(|step| may(account.role, action(*step), Some(facts)))
        .collect()
}

pub fn may_edit(account: &entity::user::Model, article: &article::Model) -> bool {
    let facts = ArticleFacts { status: article.status, own: article.created_by == Some(account.id) };
    may(account.role, ArticleAction::Edit, Some(facts))
}

pub fn form_of(article: &article::Model) -> ArticleForm {
    ArticleForm {
        title: article.title.clone(),
        slug: article.slug.clone(),
        summary: article.summary.clone(),
        body_html: article.body_html.clone(),
        category_id: Some(article.category_id),
        author: article.author.clone().unwrap_or_default(),
        cover_image: article.cover_image.clone().unwrap_or_default(),
        featured: article.featured,
        tags: article.tags.clone(),
        seo_title: article.seo_title.clone().unwrap_or_default(),
        seo_description: article.seo_description.clone().unwrap_or_default(),
    }
}

pub fn form_of_fields(fields: ArticleFields) -> ArticleForm {
    ArticleForm {
        title: fields.title,
        slug: fields.slug,
        summary: fields.summary,
        body_html: fields.body_html,
        category_id: fields.category_id,
        author: fields.author,
        cover_image: fields.cover_image,
        featured: fields.featured,
        tags: fields.tags,
        seo_title: fields.seo_title,
        seo_description: fields.seo_description,
    }
}

pub fn fields_of(form: ArticleForm) -> ArticleFields {
    ArticleFields {
        title: form.title,
        slug: form.slug,
        summary: form.summary,
        body_html: form.body_html,
        category_id: form.category_id,
        author: form.author,
        cover_image: form.cover_image,
        featured: form.featured,
        tags: form.tags,
        seo_title: form.seo_title,
        seo_description: form.seo_description,
    }
}

/// How title, lead and body differ from `before` to `after`; unchanged fields are left out.
pub fn revision_changes(before: &article_revision::Model, after: &article_revision::Model) -> Vec<FieldDiff> {
    text_changes((&before.title, &before.summary, &before.body_html), (&after.title, &after.summary, &after.body_html))
}

type Texts<'a> = (&'a str, &'a str, &'a str);

fn text_changes(before: Texts<'_>, after: Texts<'_>) -> Vec<FieldDiff> {
    use service::text::html_to_text;
    [
        ("Tiêu đề", before.0.to_owned(), after.0.to_owned()),
        ("Sapo", before.1.to_owned(), after.1.to_owned()),
        ("Nội dung", html_to_text(before.2), html_to_text(after.2)),
    ]
    .into_iter()
    .filter(|(_, before, after)| before != after)
    .map(|(label, before, after)| FieldDiff { label: label.to_owned(), parts: diff_parts(&before, &after) })
    .collect()
}

fn diff_parts(before: &str, after: &str) -> Vec<DiffPart> {
    word_diff(before, after)
        .into_iter()
        .map(|change| match change {
            Change::Same(text) => DiffPart::Same(text),
            Change::Added(text) => DiffPart::Added(text),
            Change::Removed(text) => DiffPart::Removed(text),
        })
        .collect()
}

fn save_conflict(conflict: Conflict) -> SaveConflict {
    let current = &conflict.current;
    let changes = match &conflict.based_on {
        Some(base) => text_changes(
            (&base.title, &base.summary, &base.body_html),
            (&current.title, &current.summary, &current.body_html),
        ),
        None => Vec::new(),
    };
    SaveConflict { version: current.version, saved_by: conflict.saved_by, stored: form_of(current), changes }
}

/// The page's form of a refusal, with the HTTP status it deserves.
pub fn editor_error(error: EditorialError) -> EditorError {
    let message = error.to_string();
    let (status, refusal) = match error {
        EditorialError::Database(error) => return editor_database_error(error),
        EditorialError::Invalid(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            EditorError::Invalid(
                errors.into_iter().map(|e| FieldMessage { field: e.field.to_owned(), message: e.message }).collect(),
            ),
        ),
        EditorialError::Conflict(conflict) => {
            (StatusCode::CONFLICT, EditorError::Conflict(Box::new(save_conflict(*conflict))))
        }
        EditorialError::NotApplicable { .. } => (StatusCode::CONFLICT, EditorError::Refused(message)),
        EditorialError::Forbidden => (StatusCode::FORBIDDEN, EditorError::Refused(message)),
        EditorialError::NotFound => (StatusCode::NOT_FOUND, EditorError::Refused(message)),
    };
    set_status(status);
    refusal
}

/// A database failure in the editor: only one worth retrying lets the editor try again by itself.
pub fn editor_database_error(error: service::DbErr) -> EditorError {
    let retry = service::db_failure::DbFailure::of(&error) == service::db_failure::DbFailure::Unavailable;
    let message = error_text(&database_error(error));
    if retry { EditorError::Unavailable(message) } else { EditorError::Refused(message) }
}

/// A list row, with its category and writer named.
pub fn article_row(
    row: service::editorial::listing::ArticleRow,
    categories: &CategoryIndex,
    staff: &[entity::user::Model],
    now: DateTime<Utc>,
) -> ArticleRow {
    ArticleRow {
        id: row.id,
        category: categories.get(row.category_id).map(|c| c.name.clone()).unwrap_or_default(),
        written_by: row.created_by.and_then(|id| staff.iter().find(|u| u.id == id)).map(|u| u.display_name.clone()),
        status: workflow_status(row.status, row.published_at, now),
        title: row.title,
        slug: row.slug,
        updated_at: row.updated_at,
        published_at: row.published_at,
        views: row.view_count,
    }
}
