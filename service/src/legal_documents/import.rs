//! Importing documents from JSON Lines (`server import-documents FILE.jsonl --attachments DIR`),
//! one object a line:
//!
//! ```json
//! {"number": "15/2023/QĐ-UBND", "type": "Quyết định", "issuing_body": "UBND tỉnh Thanh Hóa",
//!  "signer": {"name": "Đỗ Minh Tuấn", "title": "Chủ tịch UBND tỉnh"},
//!  "fields": ["Thông tin và truyền thông > Chuyển đổi số"], "summary": "Ban hành Quy chế…",
//!  "body_html": "<p>…</p>", "issued_on": "2023-03-15", "effective_from": "2023-04-01",
//!  "effective_until": "", "relations": [{"kind": "replaces", "number": "12/2019/QĐ-UBND"}],
//!  "attachments": ["qd-15-2023.pdf"], "status": "published"}
//! ```
//!
//! Types, issuing bodies, signers and fields are found by name and created when missing. A
//! relation names the other document by number (and issuing body, when not the same). The key of
//! a document is its issuing body and number: importing a file again changes nothing, and a
//! changed line updates its document (a new version, its attachments' download counts kept). A bad
//! line is reported with its number and skipped; the rest still imports.

use std::io::BufRead;
use std::path::Path;

use chrono::{DateTime, Utc};
use entity::article::ArticleStatus;
use entity::legal_document;
use legal::{DocumentForm, RelationForm};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use serde::Deserialize;

use super::catalogue::{find_or_create_body, find_or_create_field, find_or_create_signer, find_or_create_type};
use super::editing::{form_of, insert, overwrite, record_revision};
use super::form::{check, number_key};
use crate::Database;
use crate::audit::Actor;
use crate::import::{ImportReport, LineError};
use crate::media_library::{self, MediaLibrary, Upload};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentRecord {
    number: String,
    #[serde(rename = "type")]
    document_type: String,
    issuing_body: String,
    #[serde(default)]
    signer: Option<SignerRecord>,
    /// Each a path in the fields' tree, its levels joined by " > ".
    fields: Vec<String>,
    summary: String,
    #[serde(default)]
    body_html: String,
    issued_on: String,
    #[serde(default)]
    effective_from: String,
    #[serde(default)]
    effective_until: String,
    #[serde(default)]
    relations: Vec<RelationRecord>,
    /// File names in the attachments folder.
    #[serde(default)]
    attachments: Vec<String>,
    /// "published" (the default) or "draft".
    #[serde(default)]
    status: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignerRecord {
    name: String,
    title: String,
}

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RelationRecord {
    kind: String,
    number: String,
    /// The other document's issuing body, when not this one's.
    #[serde(default)]
    issuing_body: Option<String>,
}

/// Where the files a file names come from.
pub enum AttachmentFiles<'a> {
    /// No folder was given: a line naming a file is an error.
    None,
    /// A folder on the server (`--attachments DIR`).
    Folder(&'a Path),
    /// Files built into the binary (the demo's).
    Embedded(&'a [(&'a str, &'a [u8])]),
}

/// Where the files come from, the library they go into and who the upload is recorded as.
pub struct Attachments<'a> {
    pub files: AttachmentFiles<'a>,
    pub library: &'a MediaLibrary,
    pub uploader: &'a Actor,
}

/// A line whose relations name documents further down the file: written again at the end.
struct Pending {
    line: usize,
    id: i32,
    relations: Vec<RelationRecord>,
    body: String,
}

/// Imports every line of `input`. `on_progress` is told the number of lines read so far.
/// Database errors stop the import (what was committed stays); bad lines do not.
pub async fn import_documents(
    db: &Database,
    input: impl BufRead,
    attachments: &Attachments<'_>,
    now: DateTime<Utc>,
    mut on_progress: impl FnMut(usize),
) -> Result<ImportReport, DbErr> {
    let mut report = ImportReport::default();
    let mut pending = Vec::new();
    for (index, line) in input.lines().enumerate() {
        let line_number = index + 1;
        let line = match line {
            Ok(line) => line,
            Err(error) => {
                report.errors.push(LineError { line: line_number, message: format!("cannot read the line: {error}") });
                break;
            }
        };
        on_progress(line_number);
        if line.trim().is_empty() {
            continue;
        }
        let record: DocumentRecord = match serde_json::from_str(&line) {
            Ok(record) => record,
            Err(error) => {
                report.errors.push(LineError { line: line_number, message: format!("not a valid document: {error}") });
                continue;
            }
        };
        match import_line(db, &record, attachments, now, &mut report).await? {
            Ok(Some(id)) if !record.relations.is_empty() => pending.push(Pending {
                line: line_number,
                id,
                relations: record.relations.clone(),
                body: record.issuing_body.clone(),
            }),
            Ok(_) => {}
            Err(message) => report.errors.push(LineError { line: line_number, message }),
        }
    }
    for Pending { line, id, relations, body } in pending {
        if let Err(message) = complete_relations(db, id, &relations, &body, attachments, now).await? {
            report.errors.push(LineError { line, message });
        }
    }
    Ok(report)
}

/// The id of the document `number` of the body named `body`, if it is there.
async fn find_document(
    db: &impl ConnectionTrait,
    body: &str,
    number: &str,
) -> Result<Option<legal_document::Model>, DbErr> {
    let Some(body) =
        entity::issuing_body::Entity::find().filter(entity::issuing_body::Column::Name.eq(body.trim())).one(db).await?
    else {
        return Ok(None);
    };
    legal_document::Entity::find()
        .filter(legal_document::Column::IssuingBodyId.eq(body.id))
        .filter(
            legal_document::Column::NumberKey
                .eq(number_key(&legal::DocumentNumber::parse(number).map(|n| n.to_string()).unwrap_or_default())),
        )
        .one(db)
        .await
}

/// The relations a line names that exist already; `Err` lists the numbers not found.
async fn resolve_relations(
    db: &impl ConnectionTrait,
    relations: &[RelationRecord],
    body: &str,
) -> Result<Result<Vec<RelationForm>, Vec<String>>, DbErr> {
    let (mut found, mut missing) = (Vec::new(), Vec::new());
    for relation in relations {
        let other_body = relation.issuing_body.as_deref().unwrap_or(body);
        match find_document(db, other_body, &relation.number).await? {
            Some(other) => found.push(RelationForm { kind: relation.kind.clone(), target_id: other.id }),
            None => missing.push(relation.number.clone()),
        }
    }
    Ok(if missing.is_empty() { Ok(found) } else { Err(missing) })
}

/// Imports one line; `Ok(Some(id))` is the document written or found unchanged.
async fn import_line(
    db: &Database,
    record: &DocumentRecord,
    attachments: &Attachments<'_>,
    now: DateTime<Utc>,
    report: &mut ImportReport,
) -> Result<Result<Option<i32>, String>, DbErr> {
    let status = match record.status.as_deref().unwrap_or("published") {
        "published" => ArticleStatus::Published,
        "draft" => ArticleStatus::Draft,
        other => return Ok(Err(format!("status {other:?} must be \"published\" or \"draft\""))),
    };
    let mut attachment_ids = Vec::new();
    for name in &record.attachments {
        match upload(db, attachments, name, now).await? {
            Ok(id) => attachment_ids.push(id),
            Err(message) => return Ok(Err(message)),
        }
    }
    let txn = db.begin_write().await?;
    let type_id = find_or_create_type(&txn, &record.document_type).await?.id;
    let body_id = find_or_create_body(&txn, &record.issuing_body).await?.id;
    let signer_id = match &record.signer {
        Some(signer) => Some(find_or_create_signer(&txn, &signer.name, &signer.title).await?.id),
        None => None,
    };
    let mut field_ids = Vec::new();
    for path in &record.fields {
        let levels: Vec<&str> = path.split('>').map(str::trim).filter(|level| !level.is_empty()).collect();
        if levels.is_empty() {
            return Ok(Err(format!("field {path:?} is empty")));
        }
        field_ids.push(find_or_create_field(&txn, &levels).await?.id);
    }
    // Documents named further down the file are related once they are in (`complete_relations`).
    let relations = resolve_relations(&txn, &record.relations, &record.issuing_body).await?.unwrap_or_default();
    let form = DocumentForm {
        number: record.number.clone(),
        type_id: Some(type_id),
        issuing_body_id: Some(body_id),
        signer_id,
        field_ids,
        summary: record.summary.clone(),
        body_html: record.body_html.clone(),
        issued_on: record.issued_on.clone(),
        effective_from: record.effective_from.clone(),
        effective_until: record.effective_until.clone(),
        relations,
        attachment_ids,
    };
    let checked = match check(&form) {
        Ok(checked) => checked,
        Err(errors) => {
            let message =
                errors.into_iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ");
            return Ok(Err(message));
        }
    };
    let store = attachments.library.store.as_ref();
    let existing = legal_document::Entity::find()
        .filter(legal_document::Column::IssuingBodyId.eq(body_id))
        .filter(legal_document::Column::NumberKey.eq(checked.number_key()))
        .one(&txn)
        .await?;
    let id = match existing {
        None => {
            let created = insert(&txn, store, &checked, None, status, now).await?;
            record_revision(&txn, &created, None, now).await?;
            report.inserted += 1;
            created.id
        }
        Some(existing) => {
            let stored = form_of(&txn, &existing).await?;
            let wanted = super::form::stored_form(&checked);
            if same_form(&stored, &wanted) && existing.status == status {
                report.unchanged += 1;
            } else {
                overwrite(&txn, store, existing.id, existing.version, &checked, now).await?;
                set_status(&txn, existing.id, status, now).await?;
                let saved = legal_document::Entity::find_by_id(existing.id).one(&txn).await?;
                if let Some(saved) = saved {
                    record_revision(&txn, &saved, None, now).await?;
                }
                report.updated += 1;
            }
            existing.id
        }
    };
    txn.commit().await?;
    Ok(Ok(Some(id)))
}

/// Whether two forms describe the same document (fields in any order).
fn same_form(a: &DocumentForm, b: &DocumentForm) -> bool {
    let sorted = |form: &DocumentForm| {
        let mut form = form.clone();
        form.field_ids.sort_unstable();
        form
    };
    sorted(a) == sorted(b)
}

/// An imported document's status as the file says; publishing keeps its first date.
async fn set_status(
    db: &impl ConnectionTrait,
    id: i32,
    status: ArticleStatus,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    use sea_orm::sea_query::Expr;
    let mut update = legal_document::Entity::update_many()
        .col_expr(legal_document::Column::Status, Expr::value(status))
        .filter(legal_document::Column::Id.eq(id));
    if status == ArticleStatus::Published {
        update = update.col_expr(
            legal_document::Column::PublishedAt,
            Expr::cust_with_values("COALESCE(\"published_at\", ?)", [now]),
        );
    }
    update.exec(db).await?;
    super::effect::refresh(db, &super::effect::targets_of(db, id).await?).await
}

/// Relates a document to the ones its line names, now that the whole file is in.
async fn complete_relations(
    db: &Database,
    id: i32,
    relations: &[RelationRecord],
    body: &str,
    attachments: &Attachments<'_>,
    now: DateTime<Utc>,
) -> Result<Result<(), String>, DbErr> {
    let txn = db.begin_write().await?;
    let resolved = match resolve_relations(&txn, relations, body).await? {
        Ok(resolved) => resolved,
        Err(missing) => return Ok(Err(format!("no document numbered {} to relate to", missing.join(", ")))),
    };
    let Some(document) = legal_document::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(Ok(()));
    };
    let mut form = form_of(&txn, &document).await?;
    if form.relations == resolved {
        return Ok(Ok(()));
    }
    form.relations = resolved;
    let checked = match check(&form) {
        Ok(checked) => checked,
        Err(errors) => return Ok(Err(errors.into_iter().map(|e| e.message).collect::<Vec<_>>().join("; "))),
    };
    overwrite(&txn, attachments.library.store.as_ref(), id, document.version, &checked, now).await?;
    if let Some(saved) = legal_document::Entity::find_by_id(id).one(&txn).await? {
        record_revision(&txn, &saved, None, now).await?;
    }
    txn.commit().await?;
    Ok(Ok(()))
}

/// Stores a file of the attachments folder in the media library (once: the same content gives
/// back the same row) and returns its id.
async fn upload(
    db: &Database,
    attachments: &Attachments<'_>,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Result<i32, String>, DbErr> {
    // Only a file directly in the folder: a name cannot reach elsewhere with `..` or a path.
    if name.contains(['/', '\\']) || name.starts_with('.') {
        return Ok(Err(format!("attachment {name:?} must be a file name in the attachments folder")));
    }
    let bytes = match &attachments.files {
        AttachmentFiles::None => {
            return Ok(Err(format!("attachment {name:?} named, but no attachments folder was given")));
        }
        AttachmentFiles::Folder(folder) => match tokio::fs::read(folder.join(name)).await {
            Ok(bytes) => bytes,
            Err(error) => return Ok(Err(format!("cannot read attachment {name:?}: {error}"))),
        },
        AttachmentFiles::Embedded(files) => match files.iter().find(|(embedded, _)| *embedded == name) {
            Some((_, bytes)) => bytes.to_vec(),
            None => return Ok(Err(format!("attachment {name:?} is not among the demo's files"))),
        },
    };
    let upload = Upload { original_name: name, bytes, alt_text: "" };
    match media_library::store_upload(db, attachments.library, upload, attachments.uploader, now).await {
        Ok(row) => Ok(Ok(row.id)),
        Err(media_library::UploadError::Database(error)) => Err(error),
        Err(error) => Ok(Err(format!("attachment {name:?}: {error}"))),
    }
}
