//! Creating, saving and moving documents through the workflow, each in the caller's transaction:
//! the right to manage documents checked, the form checked against the database, fields,
//! relations and attachments written, the effect of every document concerned recomputed, a
//! revision kept and the change written to the audit log.

use chrono::{DateTime, Datelike, Utc};
use entity::article::ArticleStatus;
use entity::media as media_row;
use entity::user::Role;
use entity::{
    document_field, document_signer, document_type, issuing_body, legal_document, legal_document_attachment,
    legal_document_field, legal_document_relation, legal_document_revision, user,
};
use legal::{DocumentForm, RelationForm};
use media::{MediaKind, MediaStore, read_document_text};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use sha2::{Digest, Sha256};

use super::catalogue::Catalogue;
use super::effect::{refresh, targets_of};
use super::form::{CheckedDocument, check, form_day};
use crate::audit::{self, Actor, Entry};
use crate::editorial::FieldError;
use crate::editorial::permissions::{self, ArticleAction, ArticleFacts};
use crate::editorial::workflow::{Transition, next_status, status_label};
use text::slugify;

#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("Tài khoản của bạn không có quyền quản lý văn bản; hãy nhờ quản trị viên cấp quyền.")]
    Forbidden,
    #[error("Không tìm thấy văn bản.")]
    NotFound,
    #[error("Có thông tin chưa hợp lệ.")]
    Invalid(Vec<FieldError>),
    #[error("Văn bản đã được người khác lưu trong lúc bạn sửa; hãy tải lại để xem bản mới nhất (phiên bản {current}).")]
    Conflict { current: i32 },
    #[error("Không thể {action} văn bản đang ở trạng thái “{status}”.")]
    NotApplicable { action: &'static str, status: &'static str },
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// Whether `account` may do `action` to a document: administrators always; editors and authors
/// once an administrator has granted them the right, then with the articles' rules (authors write
/// and submit their own drafts, editors approve and publish).
pub fn may(account: &user::Model, action: ArticleAction, document: Option<ArticleFacts>) -> bool {
    (account.role == Role::Admin || account.manages_documents) && permissions::may(account.role, action, document)
}

fn ensure(allowed: bool) -> Result<(), DocumentError> {
    if allowed { Ok(()) } else { Err(DocumentError::Forbidden) }
}

fn facts(document: &legal_document::Model, actor: &user::Model) -> ArticleFacts {
    ArticleFacts { status: document.status, own: document.created_by == Some(actor.id) }
}

pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<legal_document::Model, DocumentError> {
    legal_document::Entity::find_by_id(id).one(db).await?.ok_or(DocumentError::NotFound)
}

/// The form's checks that need the database: the chosen type, body, signer, fields, related
/// documents and files exist, and the number is not already another document's of that body.
async fn check_against_database(
    db: &impl ConnectionTrait,
    form: &DocumentForm,
    document_id: Option<i32>,
) -> Result<CheckedDocument, DocumentError> {
    let (checked, mut errors) = match check(form) {
        Ok(checked) => (Some(checked), Vec::new()),
        Err(errors) => (None, errors),
    };
    if let Some(id) = form.type_id
        && document_type::Entity::find_by_id(id).one(db).await?.is_none()
    {
        errors.push(FieldError::new("type_id", "Loại văn bản này không tồn tại."));
    }
    if let Some(id) = form.issuing_body_id
        && issuing_body::Entity::find_by_id(id).one(db).await?.is_none()
    {
        errors.push(FieldError::new("issuing_body_id", "Cơ quan ban hành này không tồn tại."));
    }
    if let Some(id) = form.signer_id
        && document_signer::Entity::find_by_id(id).one(db).await?.is_none()
    {
        errors.push(FieldError::new("signer_id", "Người ký này không có trong danh sách."));
    }
    let Some(checked) = checked else {
        return Err(DocumentError::Invalid(errors));
    };
    let fields_found = document_field::Entity::find()
        .filter(document_field::Column::Id.is_in(checked.field_ids.clone()))
        .count(db)
        .await?;
    if fields_found != checked.field_ids.len() as u64 {
        errors.push(FieldError::new("field_ids", "Có lĩnh vực đã chọn không còn tồn tại; hãy chọn lại."));
    }
    let targets: Vec<i32> = checked.relations.iter().map(|(_, target)| *target).collect();
    if document_id.is_some_and(|id| targets.contains(&id)) {
        errors.push(FieldError::new("relations", "Văn bản không thể liên kết với chính nó."));
    }
    let mut distinct_targets = targets.clone();
    distinct_targets.sort_unstable();
    distinct_targets.dedup();
    let targets_found = legal_document::Entity::find()
        .filter(legal_document::Column::Id.is_in(distinct_targets.clone()))
        .count(db)
        .await?;
    if targets_found != distinct_targets.len() as u64 {
        errors.push(FieldError::new("relations", "Có văn bản liên kết không còn tồn tại; hãy chọn lại."));
    }
    let files =
        media_row::Entity::find().filter(media_row::Column::Id.is_in(checked.attachment_ids.clone())).all(db).await?;
    if files.len() != checked.attachment_ids.len() {
        errors.push(FieldError::new("attachment_ids", "Có tệp đính kèm không còn trong thư viện; hãy chọn lại."));
    }
    if let Some(image) = files.iter().find(|file| file.content_type.starts_with("image/")) {
        errors.push(FieldError::new(
            "attachment_ids",
            format!("“{}” là ảnh; tệp đính kèm của văn bản phải là PDF, DOCX hoặc XLSX.", image.original_name),
        ));
    }
    let same_number = legal_document::Entity::find()
        .filter(legal_document::Column::IssuingBodyId.eq(checked.issuing_body_id))
        .filter(legal_document::Column::NumberKey.eq(checked.number_key()))
        .filter(legal_document::Column::Id.ne(document_id.unwrap_or(0)))
        .one(db)
        .await?;
    if let Some(other) = same_number {
        errors.push(FieldError::new(
            "number",
            format!(
                "Cơ quan này đã có văn bản số {} (“{}”); số ký hiệu không được trùng.",
                other.number, other.summary
            ),
        ));
    }
    if errors.is_empty() { Ok(checked) } else { Err(DocumentError::Invalid(errors)) }
}

/// A slug from the number ("15-2023-qd-ubnd"), with the issuing body's slug and then a numeric
/// suffix when taken (two bodies may use one number).
async fn unique_slug(db: &impl ConnectionTrait, checked: &CheckedDocument) -> Result<String, DbErr> {
    let taken = |slug: String| async move {
        legal_document::Entity::find().filter(legal_document::Column::Slug.eq(slug)).count(db).await.map(|n| n > 0)
    };
    let base = slugify(checked.number.as_str());
    if !taken(base.clone()).await? {
        return Ok(base);
    }
    let body = issuing_body::Entity::find_by_id(checked.issuing_body_id).one(db).await?;
    let with_body = format!("{base}-{}", body.map(|b| b.slug).unwrap_or_default());
    let mut candidate = with_body.clone();
    let mut suffix = 2;
    while taken(candidate.clone()).await? {
        candidate = format!("{with_body}-{suffix}");
        suffix += 1;
    }
    Ok(candidate)
}

/// Creates a draft written by `actor`.
pub async fn create_draft(
    db: &impl ConnectionTrait,
    store: &dyn MediaStore,
    actor: &user::Model,
    form: &DocumentForm,
    now: DateTime<Utc>,
) -> Result<legal_document::Model, DocumentError> {
    ensure(may(actor, ArticleAction::Create, None))?;
    let checked = check_against_database(db, form, None).await?;
    let created = insert(db, store, &checked, Some(actor.id), ArticleStatus::Draft, now).await?;
    record_revision(db, &created, Some(actor.id), now).await?;
    let summary = format!("Tạo văn bản {} “{}”", created.number, created.summary);
    audit::record(db, &Actor::from(actor), entry("legal_document.create", created.id, summary), now).await?;
    Ok(created)
}

/// Saves `form` over version `based_on` of document `id`; if someone saved in between, nothing
/// is stored.
pub async fn save(
    db: &impl ConnectionTrait,
    store: &dyn MediaStore,
    actor: &user::Model,
    id: i32,
    based_on: i32,
    form: &DocumentForm,
    now: DateTime<Utc>,
) -> Result<legal_document::Model, DocumentError> {
    let current = find(db, id).await?;
    ensure(may(actor, ArticleAction::Edit, Some(facts(&current, actor))))?;
    if current.version != based_on {
        return Err(DocumentError::Conflict { current: current.version });
    }
    let checked = check_against_database(db, form, Some(id)).await?;
    if !overwrite(db, store, id, based_on, &checked, now).await? {
        return Err(DocumentError::Conflict { current: find(db, id).await?.version });
    }
    let saved = find(db, id).await?;
    record_revision(db, &saved, Some(actor.id), now).await?;
    let summary = format!("Lưu văn bản {} “{}”", saved.number, saved.summary);
    audit::record(db, &Actor::from(actor), entry("legal_document.save", id, summary), now).await?;
    Ok(saved)
}

/// Writes a new document row as `checked` describes it, with its links and effect.
pub(crate) async fn insert(
    db: &impl ConnectionTrait,
    store: &dyn MediaStore,
    checked: &CheckedDocument,
    created_by: Option<i32>,
    status: ArticleStatus,
    now: DateTime<Utc>,
) -> Result<legal_document::Model, DbErr> {
    let published_at = (status == ArticleStatus::Published).then_some(now);
    let created = legal_document::ActiveModel {
        slug: Set(unique_slug(db, checked).await?),
        number: Set(checked.number.to_string()),
        number_key: Set(checked.number_key()),
        type_id: Set(checked.type_id),
        issuing_body_id: Set(checked.issuing_body_id),
        signer_id: Set(checked.signer_id),
        summary: Set(checked.summary.clone()),
        body_html: Set(checked.body_html.clone()),
        search_text: Set(String::new()),
        issued_on: Set(checked.issued_on),
        issued_year: Set(checked.issued_on.year()),
        effective_from: Set(checked.effective_from),
        effective_until: Set(checked.effective_until),
        ended_on: Set(None),
        partly_ended_on: Set(None),
        status: Set(status),
        created_by: Set(created_by),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(published_at),
        version: Set(1),
        review_note: Set(None),
        view_count: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await?;
    write_links(db, store, created.id, checked).await?;
    let mut concerned: Vec<i32> = checked.relations.iter().map(|(_, target)| *target).collect();
    concerned.push(created.id);
    refresh(db, &concerned).await?;
    legal_document::Entity::find_by_id(created.id).one(db).await?.ok_or(DbErr::RecordNotFound(created.id.to_string()))
}

/// Stores `checked` over version `based_on` of document `id`, with its links and the effect of
/// every document concerned. `false`: someone saved in between, and nothing was stored.
pub(crate) async fn overwrite(
    db: &impl ConnectionTrait,
    store: &dyn MediaStore,
    id: i32,
    based_on: i32,
    checked: &CheckedDocument,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let targets_before = targets_of(db, id).await?;
    // The version in the WHERE clause makes a save that raced another one update nothing.
    let stored = legal_document::Entity::update_many()
        .col_expr(legal_document::Column::Number, Expr::value(checked.number.to_string()))
        .col_expr(legal_document::Column::NumberKey, Expr::value(checked.number_key()))
        .col_expr(legal_document::Column::TypeId, Expr::value(checked.type_id))
        .col_expr(legal_document::Column::IssuingBodyId, Expr::value(checked.issuing_body_id))
        .col_expr(legal_document::Column::SignerId, Expr::value(checked.signer_id))
        .col_expr(legal_document::Column::Summary, Expr::value(checked.summary.clone()))
        .col_expr(legal_document::Column::BodyHtml, Expr::value(checked.body_html.clone()))
        .col_expr(legal_document::Column::IssuedOn, Expr::value(checked.issued_on))
        .col_expr(legal_document::Column::IssuedYear, Expr::value(checked.issued_on.year()))
        .col_expr(legal_document::Column::EffectiveFrom, Expr::value(checked.effective_from))
        .col_expr(legal_document::Column::EffectiveUntil, Expr::value(checked.effective_until))
        .col_expr(legal_document::Column::UpdatedAt, Expr::value(now))
        .col_expr(legal_document::Column::Version, Expr::value(based_on + 1))
        .filter(legal_document::Column::Id.eq(id))
        .filter(legal_document::Column::Version.eq(based_on))
        .exec(db)
        .await?;
    if stored.rows_affected != 1 {
        return Ok(false);
    }
    write_links(db, store, id, checked).await?;
    let mut concerned = targets_before;
    concerned.extend(checked.relations.iter().map(|(_, target)| *target));
    concerned.push(id);
    refresh(db, &concerned).await?;
    Ok(true)
}

/// Moves document `id` one step through the workflow. Publishing or withdrawing a document that
/// replaces or repeals others changes their effect, so theirs is recomputed with it.
pub async fn apply(
    db: &impl ConnectionTrait,
    actor: &user::Model,
    id: i32,
    transition: Transition,
    note: Option<String>,
    now: DateTime<Utc>,
) -> Result<legal_document::Model, DocumentError> {
    let current = find(db, id).await?;
    ensure(may(actor, transition.required_action(), Some(facts(&current, actor))))?;
    let Some(status) = next_status(current.status, transition) else {
        return Err(DocumentError::NotApplicable { action: transition.label(), status: status_label(current.status) });
    };
    let note = note.map(|note| note.trim().to_owned()).filter(|note| !note.is_empty());
    if transition == Transition::SendBack && note.is_none() {
        let message = "Hãy ghi lý do trả lại để người soạn biết cần sửa gì.";
        return Err(DocumentError::Invalid(vec![FieldError::new("note", message)]));
    }
    let mut update: legal_document::ActiveModel = current.clone().into();
    update.status = Set(status);
    update.updated_at = Set(now);
    match transition {
        Transition::Publish => {
            update.published_at = Set(Some(current.published_at.unwrap_or(now)));
            update.review_note = Set(None);
        }
        Transition::SendBack => update.review_note = Set(note.clone()),
        Transition::Submit => update.review_note = Set(None),
        _ => {}
    }
    let updated = update.update(db).await?;
    refresh(db, &targets_of(db, id).await?).await?;
    let mut summary =
        format!("Văn bản {}: {} → {}", updated.number, status_label(current.status), status_label(status));
    if let Some(note) = &note {
        summary.push_str(&format!(" — “{note}”"));
    }
    let action = format!("legal_document.{}", transition.audit_name());
    audit::record(db, &Actor::from(actor), entry(&action, id, summary), now).await?;
    Ok(updated)
}

fn entry(action: &str, id: i32, summary: String) -> Entry<'_> {
    Entry { action, target_kind: "legal_document", target_id: Some(id), summary }
}

/// Writes a document's fields (with their ancestors), relations and attachments as `checked`
/// lists them, then its search text. Attachments keep their download counts.
async fn write_links(
    db: &impl ConnectionTrait,
    store: &dyn MediaStore,
    id: i32,
    checked: &CheckedDocument,
) -> Result<(), DbErr> {
    let catalogue = Catalogue::load(db).await?;
    legal_document_field::Entity::delete_many()
        .filter(legal_document_field::Column::DocumentId.eq(id))
        .exec(db)
        .await?;
    let mut filed: Vec<(i32, bool)> = Vec::new();
    for field_id in &checked.field_ids {
        for (depth, ancestor) in catalogue.field_with_ancestors(*field_id).into_iter().enumerate() {
            match filed.iter_mut().find(|(filed_id, _)| *filed_id == ancestor) {
                Some((_, direct)) => *direct |= depth == 0,
                None => filed.push((ancestor, depth == 0)),
            }
        }
    }
    for (field_id, direct) in filed {
        legal_document_field::ActiveModel { document_id: Set(id), field_id: Set(field_id), direct: Set(direct) }
            .insert(db)
            .await?;
    }

    legal_document_relation::Entity::delete_many()
        .filter(legal_document_relation::Column::SourceId.eq(id))
        .exec(db)
        .await?;
    for (kind, target_id) in &checked.relations {
        legal_document_relation::ActiveModel {
            source_id: Set(id),
            target_id: Set(*target_id),
            kind: Set(kind.code().to_owned()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }

    legal_document_attachment::Entity::delete_many()
        .filter(legal_document_attachment::Column::DocumentId.eq(id))
        .filter(legal_document_attachment::Column::MediaId.is_not_in(checked.attachment_ids.clone()))
        .exec(db)
        .await?;
    for (position, media_id) in checked.attachment_ids.iter().enumerate() {
        let existing = legal_document_attachment::Entity::find()
            .filter(legal_document_attachment::Column::DocumentId.eq(id))
            .filter(legal_document_attachment::Column::MediaId.eq(*media_id))
            .one(db)
            .await?;
        match existing {
            Some(existing) => {
                let mut update: legal_document_attachment::ActiveModel = existing.into();
                update.position = Set(position as i32);
                update.update(db).await?;
            }
            None => {
                legal_document_attachment::ActiveModel {
                    document_id: Set(id),
                    media_id: Set(*media_id),
                    position: Set(position as i32),
                    download_count: Set(0),
                    ..Default::default()
                }
                .insert(db)
                .await?;
            }
        }
        read_text_if_unread(db, store, *media_id).await?;
    }
    update_search_text(db, id, &catalogue).await
}

/// Files uploaded before the library read documents' text (and kept their digest) have both read
/// when first attached.
async fn read_text_if_unread(db: &impl ConnectionTrait, store: &dyn MediaStore, media_id: i32) -> Result<(), DbErr> {
    let Some(file) = media_row::Entity::find_by_id(media_id).one(db).await? else {
        return Ok(());
    };
    if file.text_state != "unread" {
        return Ok(());
    }
    let Some(kind) = file.file_name.rsplit('.').next().and_then(MediaKind::from_extension) else {
        return Ok(());
    };
    let bytes = store.get(&file.file_name).await.map_err(|error| DbErr::Custom(error.to_string()))?;
    let Some(bytes) = bytes else {
        return Ok(());
    };
    let (text, digest) =
        tokio::task::spawn_blocking(move || (read_document_text(kind, &bytes), hex::encode(Sha256::digest(&bytes))))
            .await
            .map_err(|error| DbErr::Custom(error.to_string()))?;
    let mut update: media_row::ActiveModel = file.into();
    update.sha256 = Set(digest);
    update.document_text = Set(text.text);
    update.text_state = Set(text.state.code().to_owned());
    update.update(db).await?;
    Ok(())
}

/// The words a document is found by: its number, summary, type, issuing body and signer, its
/// body and the text of its attachments.
pub(crate) async fn update_search_text(db: &impl ConnectionTrait, id: i32, catalogue: &Catalogue) -> Result<(), DbErr> {
    let document =
        legal_document::Entity::find_by_id(id).one(db).await?.ok_or(DbErr::RecordNotFound(id.to_string()))?;
    let signer = catalogue.signer(document.signer_id).map(|s| s.name.as_str()).unwrap_or_default();
    let described = format!(
        "{} {} {} {}",
        document.summary,
        catalogue.type_name(document.type_id),
        catalogue.body_name(document.issuing_body_id),
        signer
    );
    let mut words = text::search_text(&document.number, &described, &document.body_html);
    let attachments = legal_document_attachment::Entity::find()
        .filter(legal_document_attachment::Column::DocumentId.eq(id))
        .order_by_asc(legal_document_attachment::Column::Position)
        .find_also_related(media_row::Entity)
        .all(db)
        .await?;
    for file in attachments.into_iter().filter_map(|(_, file)| file).filter(|file| !file.document_text.is_empty()) {
        words.push_str(&file.document_text);
        words.push(' ');
    }
    legal_document::Entity::update_many()
        .col_expr(legal_document::Column::SearchText, Expr::value(words))
        .filter(legal_document::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The fields an editor filed document `id` under (not their ancestors).
pub(crate) async fn filed_under(db: &impl ConnectionTrait, id: i32) -> Result<Vec<i32>, DbErr> {
    legal_document_field::Entity::find()
        .select_only()
        .column(legal_document_field::Column::FieldId)
        .filter(legal_document_field::Column::DocumentId.eq(id))
        .filter(legal_document_field::Column::Direct.eq(true))
        .into_tuple()
        .all(db)
        .await
}

/// The form as it would show `document` again: what a revision keeps.
pub async fn form_of(db: &impl ConnectionTrait, document: &legal_document::Model) -> Result<DocumentForm, DbErr> {
    let field_ids = filed_under(db, document.id).await?;
    let relations = legal_document_relation::Entity::find()
        .filter(legal_document_relation::Column::SourceId.eq(document.id))
        .order_by_asc(legal_document_relation::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|row| RelationForm { kind: row.kind, target_id: row.target_id })
        .collect();
    let attachment_ids = legal_document_attachment::Entity::find()
        .filter(legal_document_attachment::Column::DocumentId.eq(document.id))
        .order_by_asc(legal_document_attachment::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.media_id)
        .collect();
    let day = form_day;
    Ok(DocumentForm {
        number: document.number.clone(),
        type_id: Some(document.type_id),
        issuing_body_id: Some(document.issuing_body_id),
        signer_id: document.signer_id,
        field_ids,
        summary: document.summary.clone(),
        body_html: document.body_html.clone(),
        issued_on: day(document.issued_on),
        effective_from: day(document.effective_from),
        effective_until: document.effective_until.map(day).unwrap_or_default(),
        relations,
        attachment_ids,
    })
}

pub(crate) async fn record_revision(
    db: &impl ConnectionTrait,
    saved: &legal_document::Model,
    saved_by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let form = form_of(db, saved).await?;
    legal_document_revision::ActiveModel {
        document_id: Set(saved.id),
        version: Set(saved.version),
        saved_at: Set(now),
        saved_by: Set(saved_by),
        fields: Set(serde_json::to_string(&form).expect("a form serialises")),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
