//! Creating, saving and moving articles through the workflow, each in the caller's transaction,
//! with the permission check, a revision for every save and an audit-log entry for every change.

use chrono::{DateTime, Utc};
use entity::article::{self, ArticleStatus};
use entity::{article_revision, article_slug_redirect, category, user};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

use super::article_form::{ArticleFields, CheckedFields, FieldError, check};
use super::body_images::describe_body_images;
use super::permissions::{ArticleAction, ArticleFacts, may, sees_all_articles};
use super::workflow::{Transition, next_status, status_label};
use crate::articles::{change_slug, record_revision};
use crate::audit::{self, Actor, Entry};
use text::search_text;

#[derive(Debug, thiserror::Error)]
pub enum EditorialError {
    #[error("Tài khoản của bạn không có quyền thực hiện việc này.")]
    Forbidden,
    #[error("Không tìm thấy bài viết.")]
    NotFound,
    #[error("Có thông tin chưa hợp lệ.")]
    Invalid(Vec<FieldError>),
    #[error("Bài viết đã được người khác lưu trong lúc bạn sửa.")]
    Conflict(Box<Conflict>),
    #[error("Không thể {action} bài viết đang ở trạng thái “{status}”.")]
    NotApplicable { action: &'static str, status: &'static str },
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// A save based on an outdated version: what is stored now, so the editor can compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub current: article::Model,
    /// The revision the editor started from, when it is still kept.
    pub based_on: Option<article_revision::Model>,
    /// Who saved the version that is stored now.
    pub saved_by: Option<String>,
}

fn facts(article: &article::Model, actor: &user::Model) -> ArticleFacts {
    ArticleFacts { status: article.status, own: article.created_by == Some(actor.id) }
}

fn ensure(allowed: bool) -> Result<(), EditorialError> {
    if allowed { Ok(()) } else { Err(EditorialError::Forbidden) }
}

pub(super) fn ensure_may_edit(article: &article::Model, actor: &user::Model) -> Result<(), EditorialError> {
    ensure(may(actor.role, ArticleAction::Edit, Some(facts(article, actor))))
}

pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<article::Model, EditorialError> {
    article::Entity::find_by_id(id).one(db).await?.ok_or(EditorialError::NotFound)
}

/// Article `id`, if `actor` may see it in the back office (authors see only their own).
pub async fn find_for(
    db: &impl ConnectionTrait,
    actor: &user::Model,
    id: i32,
) -> Result<article::Model, EditorialError> {
    let article = find(db, id).await?;
    ensure(sees_all_articles(actor.role) || article.created_by == Some(actor.id))?;
    Ok(article)
}

/// Checks what needs the database: the category exists, and the slug is not another article's
/// (nor an address that redirects to another article).
async fn check_against_database(
    db: &impl ConnectionTrait,
    fields: &ArticleFields,
    article_id: Option<i32>,
) -> Result<CheckedFields, EditorialError> {
    let (checked, mut errors) = match check(fields) {
        Ok(checked) => (Some(checked), Vec::new()),
        Err(errors) => (None, errors),
    };
    if let Some(category_id) = fields.category_id
        && category::Entity::find_by_id(category_id).one(db).await?.is_none()
    {
        errors.push(FieldError::new("category_id", "Chuyên mục này không tồn tại."));
    }
    if let Some(fields) = &checked {
        let other_article = article::Entity::find()
            .filter(article::Column::Slug.eq(fields.slug.as_str()))
            .filter(article::Column::Id.ne(article_id.unwrap_or(0)))
            .one(db)
            .await?
            .is_some();
        let redirect_elsewhere = article_slug_redirect::Entity::find_by_id(fields.slug.clone())
            .one(db)
            .await?
            .is_some_and(|redirect| Some(redirect.article_id) != article_id);
        if other_article || redirect_elsewhere {
            errors.push(FieldError::new("slug", "Đường dẫn này đã được bài viết khác sử dụng; hãy sửa lại cho khác."));
        }
    }
    match checked {
        Some(mut checked) if errors.is_empty() => {
            checked.body_html = describe_body_images(db, &checked.body_html).await?;
            Ok(checked)
        }
        _ => Err(EditorialError::Invalid(errors)),
    }
}

/// Creates a draft written by `actor`.
pub async fn create_draft(
    db: &impl ConnectionTrait,
    actor: &user::Model,
    fields: &ArticleFields,
    now: DateTime<Utc>,
) -> Result<article::Model, EditorialError> {
    ensure(may(actor.role, ArticleAction::Create, None))?;
    let fields = check_against_database(db, fields, None).await?;
    let created = article::ActiveModel {
        search_text: Set(search_text(&fields.title, &fields.summary, &fields.body_html)),
        slug: Set(fields.slug),
        title: Set(fields.title),
        summary: Set(fields.summary),
        body_html: Set(fields.body_html),
        cover_image: Set(fields.cover_image),
        category_id: Set(fields.category_id),
        author: Set(fields.author),
        created_by: Set(Some(actor.id)),
        status: Set(ArticleStatus::Draft),
        featured: Set(fields.featured),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(None),
        version: Set(1),
        view_count: Set(0),
        review_note: Set(None),
        tags: Set(fields.tags),
        seo_title: Set(fields.seo_title),
        seo_description: Set(fields.seo_description),
        ..Default::default()
    }
    .insert(db)
    .await?;
    record_revision(db, &created, Some(actor.id), now).await?;
    let summary = format!("Tạo bản nháp “{}”", created.title);
    audit::record(db, &Actor::from(actor), article_entry("article.create", created.id, summary), now).await?;
    Ok(created)
}

/// Saves `fields` over version `based_on` of article `id`. If someone saved in between, nothing
/// is stored and the conflict says what is there now.
pub async fn save(
    db: &impl ConnectionTrait,
    actor: &user::Model,
    id: i32,
    based_on: i32,
    fields: &ArticleFields,
    now: DateTime<Utc>,
) -> Result<article::Model, EditorialError> {
    let current = find(db, id).await?;
    ensure_may_edit(&current, actor)?;
    if current.version != based_on {
        return Err(conflict(db, current, based_on).await?);
    }
    let fields = check_against_database(db, fields, Some(id)).await?;
    if fields.slug != current.slug {
        // Readers may have the old address: it keeps working as a redirect.
        change_slug(db, id, &fields.slug, now).await.map_err(|error| match error {
            crate::articles::ChangeSlugError::Database(error) => EditorialError::Database(error),
            refused => EditorialError::Invalid(vec![FieldError::new("slug", refused.to_string())]),
        })?;
    }
    let changes = changed_fields(&current, &fields);
    // The version in the WHERE clause makes a save that raced another one update nothing.
    let stored = article::Entity::update_many()
        .col_expr(article::Column::Title, Expr::value(fields.title.clone()))
        .col_expr(article::Column::Summary, Expr::value(fields.summary.clone()))
        .col_expr(article::Column::BodyHtml, Expr::value(fields.body_html.clone()))
        .col_expr(
            article::Column::SearchText,
            Expr::value(search_text(&fields.title, &fields.summary, &fields.body_html)),
        )
        .col_expr(article::Column::CoverImage, Expr::value(fields.cover_image.clone()))
        .col_expr(article::Column::CategoryId, Expr::value(fields.category_id))
        .col_expr(article::Column::Author, Expr::value(fields.author.clone()))
        .col_expr(article::Column::Featured, Expr::value(fields.featured))
        .col_expr(article::Column::Tags, Expr::value(fields.tags.clone()))
        .col_expr(article::Column::SeoTitle, Expr::value(fields.seo_title.clone()))
        .col_expr(article::Column::SeoDescription, Expr::value(fields.seo_description.clone()))
        .col_expr(article::Column::UpdatedAt, Expr::value(now))
        .col_expr(article::Column::Version, Expr::value(based_on + 1))
        .filter(article::Column::Id.eq(id))
        .filter(article::Column::Version.eq(based_on))
        .exec(db)
        .await?;
    if stored.rows_affected != 1 {
        let current = find(db, id).await?;
        return Err(conflict(db, current, based_on).await?);
    }
    let saved = find(db, id).await?;
    record_revision(db, &saved, Some(actor.id), now).await?;
    super::autosave::discard(db, id, actor.id).await?;
    let summary = if changes.is_empty() {
        format!("Lưu “{}” (không thay đổi nội dung)", saved.title)
    } else {
        format!("Lưu “{}”: sửa {}", saved.title, changes.join(", "))
    };
    audit::record(db, &Actor::from(actor), article_entry("article.save", id, summary), now).await?;
    Ok(saved)
}

/// The Vietnamese names of the fields a save changes, for the audit log.
fn changed_fields(current: &article::Model, fields: &CheckedFields) -> Vec<&'static str> {
    [
        (current.title != fields.title, "tiêu đề"),
        (current.slug != fields.slug, "đường dẫn"),
        (current.summary != fields.summary, "sapo"),
        (current.body_html != fields.body_html, "nội dung"),
        (current.category_id != fields.category_id, "chuyên mục"),
        (current.author != fields.author, "tác giả/nguồn"),
        (current.cover_image != fields.cover_image, "ảnh đại diện"),
        (current.featured != fields.featured, "tin nổi bật"),
        (current.tags != fields.tags, "từ khoá"),
        (current.seo_title != fields.seo_title || current.seo_description != fields.seo_description, "SEO"),
    ]
    .into_iter()
    .filter_map(|(changed, name)| changed.then_some(name))
    .collect()
}

async fn conflict(db: &impl ConnectionTrait, current: article::Model, based_on: i32) -> Result<EditorialError, DbErr> {
    let revisions = article_revision::Entity::find()
        .filter(article_revision::Column::ArticleId.eq(current.id))
        .filter(article_revision::Column::Version.is_in([based_on, current.version]))
        .all(db)
        .await?;
    let based_on_revision = revisions.iter().find(|r| r.version == based_on).cloned();
    let saved_by_id = revisions.iter().find(|r| r.version == current.version).and_then(|r| r.saved_by);
    let saved_by = match saved_by_id {
        Some(user_id) => user::Entity::find_by_id(user_id).one(db).await?.map(|u| u.display_name),
        None => None,
    };
    Ok(EditorialError::Conflict(Box::new(Conflict { current, based_on: based_on_revision, saved_by })))
}

/// What a workflow step needs besides the article.
#[derive(Clone, Debug, Default)]
pub struct StepDetails {
    /// For `Publish`: when the article goes live; `None` is now (or, republishing, its first date).
    pub publish_at: Option<DateTime<Utc>>,
    /// For `SendBack`: the editor's comment to the author.
    pub note: Option<String>,
}

/// Moves article `id` one step through the workflow.
pub async fn apply(
    db: &impl ConnectionTrait,
    actor: &user::Model,
    id: i32,
    transition: Transition,
    details: StepDetails,
    now: DateTime<Utc>,
) -> Result<article::Model, EditorialError> {
    let current = find(db, id).await?;
    ensure(may(actor.role, transition.required_action(), Some(facts(&current, actor))))?;
    let Some(status) = next_status(current.status, transition) else {
        return Err(EditorialError::NotApplicable { action: transition.label(), status: status_label(current.status) });
    };
    let note = details.note.map(|note| note.trim().to_owned()).filter(|note| !note.is_empty());
    if transition == Transition::SendBack && note.is_none() {
        let message = "Hãy ghi lý do trả lại để tác giả biết cần sửa gì.";
        return Err(EditorialError::Invalid(vec![FieldError::new("note", message)]));
    }
    let title = current.title.clone();
    let mut update: article::ActiveModel = current.clone().into();
    update.status = Set(status);
    update.updated_at = Set(now);
    match transition {
        Transition::Publish => {
            update.published_at = Set(Some(details.publish_at.or(current.published_at).unwrap_or(now)));
            update.review_note = Set(None);
        }
        Transition::SendBack => update.review_note = Set(note.clone()),
        Transition::Submit => update.review_note = Set(None),
        _ => {}
    }
    let updated = update.update(db).await?;
    let mut summary = format!("“{title}”: {} → {}", status_label(current.status), status_label(status));
    if let Some(at) = updated.published_at.filter(|at| transition == Transition::Publish && *at > now) {
        summary.push_str(&format!(" (lên lịch {})", at.to_rfc3339()));
    }
    if let Some(note) = &note {
        summary.push_str(&format!(" — “{note}”"));
    }
    let action = format!("article.{}", transition.audit_name());
    audit::record(db, &Actor::from(actor), article_entry(&action, id, summary), now).await?;
    Ok(updated)
}

/// Deletes every article in the trash for good. Administrators only.
pub async fn empty_trash(
    db: &impl ConnectionTrait,
    actor: &user::Model,
    now: DateTime<Utc>,
) -> Result<u64, EditorialError> {
    ensure(may(actor.role, ArticleAction::EmptyTrash, None))?;
    let deleted = article::Entity::delete_many()
        .filter(article::Column::Status.eq(ArticleStatus::Trashed))
        .exec(db)
        .await?
        .rows_affected;
    let entry = Entry {
        action: "article.empty_trash",
        target_kind: "article",
        target_id: None,
        summary: format!("Dọn thùng rác: xoá hẳn {deleted} bài"),
    };
    audit::record(db, &Actor::from(actor), entry, now).await?;
    Ok(deleted)
}

fn article_entry(action: &str, id: i32, summary: String) -> Entry<'_> {
    Entry { action, target_kind: "article", target_id: Some(id), summary }
}

/// Saves version `revision` of article `id` again as its newest version (title, lead and body;
/// the other fields stay as they are now). Like any save, it must be based on the current version.
pub async fn restore_revision(
    db: &impl ConnectionTrait,
    actor: &user::Model,
    id: i32,
    revision: i32,
    based_on: i32,
    now: DateTime<Utc>,
) -> Result<article::Model, EditorialError> {
    let current = find(db, id).await?;
    let old = article_revision::Entity::find()
        .filter(article_revision::Column::ArticleId.eq(id))
        .filter(article_revision::Column::Version.eq(revision))
        .one(db)
        .await?
        .ok_or(EditorialError::NotFound)?;
    let fields = ArticleFields {
        title: old.title,
        slug: current.slug.clone(),
        summary: old.summary,
        body_html: old.body_html,
        category_id: Some(current.category_id),
        author: current.author.clone().unwrap_or_default(),
        cover_image: current.cover_image.clone().unwrap_or_default(),
        featured: current.featured,
        tags: current.tags.clone(),
        seo_title: current.seo_title.clone().unwrap_or_default(),
        seo_description: current.seo_description.clone().unwrap_or_default(),
    };
    let restored = save(db, actor, id, based_on, &fields, now).await?;
    let entry = article_entry(
        "article.restore_revision",
        id,
        format!("Khôi phục “{}” về phiên bản {revision}", restored.title),
    );
    audit::record(db, &Actor::from(actor), entry, now).await?;
    Ok(restored)
}

/// Two saved versions of article `id`, oldest first, for comparing.
pub async fn revision_pair(
    db: &impl ConnectionTrait,
    id: i32,
    from: i32,
    to: i32,
) -> Result<(article_revision::Model, article_revision::Model), EditorialError> {
    let revisions = article_revision::Entity::find()
        .filter(article_revision::Column::ArticleId.eq(id))
        .filter(article_revision::Column::Version.is_in([from, to]))
        .all(db)
        .await?;
    let find = |version| revisions.iter().find(|r| r.version == version).cloned().ok_or(EditorialError::NotFound);
    Ok((find(from)?, find(to)?))
}
