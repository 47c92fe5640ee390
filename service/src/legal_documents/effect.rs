//! Keeping each document's derived effect dates true. A document's `ended_on` and
//! `partly_ended_on` follow from its own end date and from the published documents that replace or
//! repeal it (`legal::EffectDates::derive`); they are rewritten, in the same transaction, whenever
//! one of those inputs changes: the document is saved, or a document acting on it is saved,
//! published, withdrawn or deleted.

use std::collections::HashMap;

use chrono::NaiveDate;
use entity::article::ArticleStatus;
use entity::{legal_document, legal_document_relation};
use legal::effect::Act;
use legal::{EffectDates, RelationKind};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

/// The published documents acting on each of `target_ids`, keyed by target.
pub(crate) async fn acts_on(db: &impl ConnectionTrait, target_ids: &[i32]) -> Result<HashMap<i32, Vec<Act>>, DbErr> {
    let relations = legal_document_relation::Entity::find()
        .filter(legal_document_relation::Column::TargetId.is_in(target_ids.iter().copied()))
        .all(db)
        .await?;
    let source_ids: Vec<i32> = relations.iter().map(|r| r.source_id).collect();
    let sources: HashMap<i32, (String, NaiveDate)> = legal_document::Entity::find()
        .select_only()
        .column(legal_document::Column::Id)
        .column(legal_document::Column::Number)
        .column(legal_document::Column::EffectiveFrom)
        .filter(legal_document::Column::Id.is_in(source_ids))
        .filter(legal_document::Column::Status.eq(ArticleStatus::Published))
        .into_tuple::<(i32, String, NaiveDate)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, number, from)| (id, (number, from)))
        .collect();
    let mut acts: HashMap<i32, Vec<Act>> = HashMap::new();
    for relation in relations {
        let (Some(kind), Some((number, from))) =
            (RelationKind::from_code(&relation.kind), sources.get(&relation.source_id))
        else {
            continue;
        };
        let act = Act { kind, by_number: number.clone(), takes_effect_on: *from };
        acts.entry(relation.target_id).or_default().push(act);
    }
    Ok(acts)
}

/// `document`'s effect dates with their causes, for its page.
pub async fn effect_dates(db: &impl ConnectionTrait, document: &legal_document::Model) -> Result<EffectDates, DbErr> {
    let mut acts = acts_on(db, &[document.id]).await?;
    let acts = acts.remove(&document.id).unwrap_or_default();
    Ok(EffectDates::derive(document.effective_from, document.effective_until, acts))
}

/// Rewrites the derived dates of `ids` (those whose inputs may have changed).
pub async fn refresh(db: &impl ConnectionTrait, ids: &[i32]) -> Result<(), DbErr> {
    if ids.is_empty() {
        return Ok(());
    }
    let documents =
        legal_document::Entity::find().filter(legal_document::Column::Id.is_in(ids.iter().copied())).all(db).await?;
    let mut acts = acts_on(db, ids).await?;
    for document in documents {
        let acts = acts.remove(&document.id).unwrap_or_default();
        let dates = EffectDates::derive(document.effective_from, document.effective_until, acts);
        if (dates.ended_on(), dates.partly_ended_on()) == (document.ended_on, document.partly_ended_on) {
            continue;
        }
        legal_document::Entity::update_many()
            .col_expr(legal_document::Column::EndedOn, Expr::value(dates.ended_on()))
            .col_expr(legal_document::Column::PartlyEndedOn, Expr::value(dates.partly_ended_on()))
            .filter(legal_document::Column::Id.eq(document.id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The documents `source_id` acts on: their effect may change when it does.
pub(crate) async fn targets_of(db: &impl ConnectionTrait, source_id: i32) -> Result<Vec<i32>, DbErr> {
    legal_document_relation::Entity::find()
        .select_only()
        .column(legal_document_relation::Column::TargetId)
        .filter(legal_document_relation::Column::SourceId.eq(source_id))
        .into_tuple::<i32>()
        .all(db)
        .await
}
