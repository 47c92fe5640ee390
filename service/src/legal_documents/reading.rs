//! What readers see of one document: every field named, its effect with the reason, its relations
//! read from both ends, its attachments, and the newest documents of the same field.

use chrono::NaiveDate;
use entity::article::ArticleStatus;
use entity::legal_document_relation;
use entity::media as media_row;
use entity::{document_field, document_signer, legal_document, legal_document_attachment, legal_document_field};
use legal::{Effect, EffectDates, RelationKind};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait};

use super::catalogue::Catalogue;
use super::editing::filed_under;
use super::effect::effect_dates;

/// How many documents of the same field the page lists.
const SAME_FIELD: u64 = 5;

pub struct DocumentPage {
    pub document: legal_document::Model,
    pub type_name: String,
    pub body_name: String,
    pub signer: Option<document_signer::Model>,
    /// The fields an editor filed it under (not their ancestors).
    pub fields: Vec<document_field::Model>,
    pub effect: EffectDates,
    /// What this document does to others: "Thay thế văn bản …".
    pub acts_on: Vec<(RelationKind, RelatedDocument)>,
    /// What others do to it: "Văn bản thay thế: …".
    pub acted_on_by: Vec<(RelationKind, RelatedDocument)>,
    pub attachments: Vec<(legal_document_attachment::Model, media_row::Model)>,
    pub same_field: Vec<RelatedDocument>,
}

/// Another published document as a link with its number, summary and effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelatedDocument {
    pub slug: String,
    pub number: String,
    pub summary: String,
    pub issued_on: NaiveDate,
    pub effect: Effect,
}

impl RelatedDocument {
    pub fn of(document: &legal_document::Model, today: NaiveDate) -> Self {
        Self {
            slug: document.slug.clone(),
            number: document.number.clone(),
            summary: document.summary.clone(),
            issued_on: document.issued_on,
            effect: stored_effect(document, today),
        }
    }
}

/// A document's effect on `today` from its stored dates (what lists show).
pub fn stored_effect(document: &legal_document::Model, today: NaiveDate) -> Effect {
    legal::effect::effect(today, document.effective_from, document.ended_on, document.partly_ended_on)
}

/// The page of published document `slug`; `catalogue` names what it refers to.
pub async fn published_by_slug(
    db: &impl ConnectionTrait,
    catalogue: &Catalogue,
    slug: &str,
    today: NaiveDate,
) -> Result<Option<DocumentPage>, DbErr> {
    let document = legal_document::Entity::find()
        .filter(legal_document::Column::Slug.eq(slug))
        .filter(legal_document::Column::Status.eq(ArticleStatus::Published))
        .one(db)
        .await?;
    let Some(document) = document else {
        return Ok(None);
    };
    let field_ids = filed_under(db, document.id).await?;
    let fields = catalogue.fields.iter().filter(|f| field_ids.contains(&f.id)).cloned().collect();
    let relations = legal_document_relation::Entity::find()
        .filter(
            legal_document_relation::Column::SourceId
                .eq(document.id)
                .or(legal_document_relation::Column::TargetId.eq(document.id)),
        )
        .order_by_asc(legal_document_relation::Column::Id)
        .all(db)
        .await?;
    let other_ids: Vec<i32> =
        relations.iter().map(|r| if r.source_id == document.id { r.target_id } else { r.source_id }).collect();
    let others = legal_document::Entity::find()
        .filter(legal_document::Column::Id.is_in(other_ids))
        .filter(legal_document::Column::Status.eq(ArticleStatus::Published))
        .all(db)
        .await?;
    let (mut acts_on, mut acted_on_by) = (Vec::new(), Vec::new());
    for relation in &relations {
        let Some(kind) = RelationKind::from_code(&relation.kind) else { continue };
        let outgoing = relation.source_id == document.id;
        let other_id = if outgoing { relation.target_id } else { relation.source_id };
        let Some(other) = others.iter().find(|o| o.id == other_id) else { continue };
        let related = RelatedDocument::of(other, today);
        if outgoing { acts_on.push((kind, related)) } else { acted_on_by.push((kind, related)) }
    }
    let attachments = legal_document_attachment::Entity::find()
        .filter(legal_document_attachment::Column::DocumentId.eq(document.id))
        .order_by_asc(legal_document_attachment::Column::Position)
        .find_also_related(media_row::Entity)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(attachment, file)| Some((attachment, file?)))
        .collect();
    let same_field = if field_ids.is_empty() {
        Vec::new()
    } else {
        let filed = legal_document_field::Entity::find()
            .select_only()
            .column(legal_document_field::Column::DocumentId)
            .filter(legal_document_field::Column::FieldId.is_in(field_ids.clone()))
            .into_query();
        legal_document::Entity::find()
            .filter(legal_document::Column::Id.in_subquery(filed))
            .filter(legal_document::Column::Id.ne(document.id))
            .filter(legal_document::Column::Status.eq(ArticleStatus::Published))
            .order_by_desc(legal_document::Column::IssuedOn)
            .order_by_desc(legal_document::Column::Id)
            .limit(SAME_FIELD)
            .all(db)
            .await?
            .iter()
            .map(|other| RelatedDocument::of(other, today))
            .collect()
    };
    Ok(Some(DocumentPage {
        type_name: catalogue.type_name(document.type_id).to_owned(),
        body_name: catalogue.body_name(document.issuing_body_id).to_owned(),
        signer: catalogue.signer(document.signer_id).cloned(),
        fields,
        effect: effect_dates(db, &document).await?,
        acts_on,
        acted_on_by,
        attachments,
        same_field,
        document,
    }))
}

/// The newest published documents, for the sidebar's "Văn bản mới" and the feeds; only those of
/// type `type_id` and filed under field `field_id` (or its sub-fields) when given.
pub async fn latest(
    db: &impl ConnectionTrait,
    type_id: Option<i32>,
    field_id: Option<i32>,
    limit: u64,
) -> Result<Vec<legal_document::Model>, DbErr> {
    let mut query = legal_document::Entity::find().filter(legal_document::Column::Status.eq(ArticleStatus::Published));
    if let Some(type_id) = type_id {
        query = query.filter(legal_document::Column::TypeId.eq(type_id));
    }
    if let Some(field_id) = field_id {
        let filed = legal_document_field::Entity::find()
            .select_only()
            .column(legal_document_field::Column::DocumentId)
            .filter(legal_document_field::Column::FieldId.eq(field_id))
            .into_query();
        query = query.filter(legal_document::Column::Id.in_subquery(filed));
    }
    query
        .order_by_desc(legal_document::Column::IssuedOn)
        .order_by_desc(legal_document::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// Every published document's slug and last change, oldest first, for the sitemap.
pub async fn sitemap_entries(db: &impl ConnectionTrait) -> Result<Vec<(String, chrono::DateTime<chrono::Utc>)>, DbErr> {
    legal_document::Entity::find()
        .select_only()
        .column(legal_document::Column::Slug)
        .column(legal_document::Column::UpdatedAt)
        .filter(legal_document::Column::Status.eq(ArticleStatus::Published))
        .order_by_asc(legal_document::Column::Id)
        .into_tuple()
        .all(db)
        .await
}

/// The stored file of attachment `attachment_id` of published document `slug`, counted as one
/// download; `None` when either is not there for readers.
pub async fn download(
    db: &impl ConnectionTrait,
    slug: &str,
    attachment_id: i32,
) -> Result<Option<media_row::Model>, DbErr> {
    let attachment = legal_document_attachment::Entity::find_by_id(attachment_id)
        .find_also_related(media_row::Entity)
        .one(db)
        .await?;
    let Some((attachment, Some(file))) = attachment else {
        return Ok(None);
    };
    let published = legal_document::Entity::find_by_id(attachment.document_id)
        .filter(legal_document::Column::Slug.eq(slug))
        .filter(legal_document::Column::Status.eq(ArticleStatus::Published))
        .one(db)
        .await?
        .is_some();
    if !published {
        return Ok(None);
    }
    legal_document_attachment::Entity::update_many()
        .col_expr(
            legal_document_attachment::Column::DownloadCount,
            Expr::col(legal_document_attachment::Column::DownloadCount).add(1),
        )
        .filter(legal_document_attachment::Column::Id.eq(attachment_id))
        .exec(db)
        .await?;
    Ok(Some(file))
}
