//! The public list of documents: filters, the count beside every choice of every filter (facet
//! counts, each computed with the other filters applied, so a choice never promises documents
//! that are not there), text search over the number, summary, body and attachments, and pages.

use chrono::NaiveDate;
use entity::article::ArticleStatus;
use entity::{legal_document, legal_document_field};
use legal::Effect;
use legal::number::looks_like_a_number;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Order, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Select,
};

use super::form::number_key;
use crate::search::LEGAL_DOCUMENT_WORDS;

/// What a reader narrowed the list to. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentFilters {
    /// The search box as typed.
    pub query: String,
    pub type_id: Option<i32>,
    /// A field and, through the stored ancestors, everything under it.
    pub field_id: Option<i32>,
    pub issuing_body_id: Option<i32>,
    pub signer_id: Option<i32>,
    pub year: Option<i32>,
    /// Issued on or after.
    pub issued_from: Option<NaiveDate>,
    /// Issued on or before.
    pub issued_until: Option<NaiveDate>,
    pub effect: Option<Effect>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Facet {
    Type,
    Field,
    Body,
    Signer,
    Year,
    Effect,
}

/// How many documents each choice of each filter would list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub types: Vec<(i32, u64)>,
    pub fields: Vec<(i32, u64)>,
    pub bodies: Vec<(i32, u64)>,
    pub signers: Vec<(i32, u64)>,
    /// Newest first.
    pub years: Vec<(i32, u64)>,
    pub effects: Vec<(Effect, u64)>,
}

pub struct DocumentListing {
    pub documents: Vec<legal_document::Model>,
    pub total: u64,
    pub facets: Facets,
}

/// One page of the published documents `filters` select, newest first (an exact number first),
/// with the facet counts, their effect judged on `today`.
pub async fn list(
    db: &impl ConnectionTrait,
    filters: &DocumentFilters,
    today: NaiveDate,
    page: u64,
    per_page: u64,
) -> Result<DocumentListing, DbErr> {
    let search = Search::of(&filters.query);
    let backend = db.get_database_backend();
    let selected = |except: Option<Facet>| {
        legal_document::Entity::find().filter(condition(filters, &search, backend, today, except))
    };
    let mut listed = selected(None);
    if let Some(key) = &search.number_key {
        let exact = Expr::col(legal_document::Column::NumberKey).eq(key.as_str());
        let exact_first: SimpleExpr = Expr::case(exact, 0).finally(1).into();
        listed = listed.order_by(exact_first, Order::Asc);
    }
    let listed = listed
        .order_by_desc(legal_document::Column::IssuedOn)
        .order_by_desc(legal_document::Column::Id)
        .paginate(db, std::cmp::max(per_page, 1));
    let total = listed.num_items().await?;
    let documents = listed.fetch_page(page.saturating_sub(1)).await?;

    let counts = |column: legal_document::Column, except: Facet| {
        selected(Some(except))
            .select_only()
            .column(column)
            .column_as(Expr::col(legal_document::Column::Id).count(), "documents")
            .group_by(column)
            .into_tuple::<(i32, i64)>()
    };
    let as_counts = |rows: Vec<(i32, i64)>| rows.into_iter().map(|(id, n)| (id, n as u64)).collect::<Vec<_>>();
    let types = as_counts(counts(legal_document::Column::TypeId, Facet::Type).all(db).await?);
    let bodies = as_counts(counts(legal_document::Column::IssuingBodyId, Facet::Body).all(db).await?);
    let signers = as_counts(
        selected(Some(Facet::Signer))
            .select_only()
            .column(legal_document::Column::SignerId)
            .column_as(Expr::col(legal_document::Column::Id).count(), "documents")
            .filter(legal_document::Column::SignerId.is_not_null())
            .group_by(legal_document::Column::SignerId)
            .into_tuple::<(i32, i64)>()
            .all(db)
            .await?,
    );
    let mut years = as_counts(counts(legal_document::Column::IssuedYear, Facet::Year).all(db).await?);
    years.sort_by_key(|(year, _)| std::cmp::Reverse(*year));
    let fields = as_counts(
        legal_document_field::Entity::find()
            .select_only()
            .column(legal_document_field::Column::FieldId)
            .column_as(Expr::col(legal_document_field::Column::DocumentId).count(), "documents")
            .filter(legal_document_field::Column::DocumentId.in_subquery(
                selected(Some(Facet::Field)).select_only().column(legal_document::Column::Id).into_query(),
            ))
            .group_by(legal_document_field::Column::FieldId)
            .into_tuple::<(i32, i64)>()
            .all(db)
            .await?,
    );
    let effects = effect_counts(db, selected(Some(Facet::Effect)), today).await?;
    Ok(DocumentListing { documents, total, facets: Facets { types, fields, bodies, signers, years, effects } })
}

/// The search box read as words (each must be in the document), and, when it looks like a number
/// ("15/2023/QĐ-UBND"), also as the number to list first.
struct Search {
    terms: Vec<String>,
    number_key: Option<String>,
}

impl Search {
    fn of(query: &str) -> Self {
        let number_key = looks_like_a_number(query).then(|| number_key(query));
        Self { terms: text::search_terms(query), number_key }
    }
}

fn condition(
    filters: &DocumentFilters,
    search: &Search,
    backend: sea_orm::DbBackend,
    today: NaiveDate,
    except: Option<Facet>,
) -> Condition {
    use legal_document::Column;
    let applies = |facet: Facet| except != Some(facet);
    let mut all = Condition::all().add(Column::Status.eq(ArticleStatus::Published));
    if !search.terms.is_empty() {
        // A number is found by its parts like any words ("15/2023" is 15 and 2023…): the word
        // index answers it, where a LIKE on the number would read every document.
        all = all.add(LEGAL_DOCUMENT_WORDS.has_every_word(backend, &search.terms));
    }
    if let Some(id) = filters.type_id.filter(|_| applies(Facet::Type)) {
        all = all.add(Column::TypeId.eq(id));
    }
    if let Some(id) = filters.issuing_body_id.filter(|_| applies(Facet::Body)) {
        all = all.add(Column::IssuingBodyId.eq(id));
    }
    if let Some(id) = filters.signer_id.filter(|_| applies(Facet::Signer)) {
        all = all.add(Column::SignerId.eq(id));
    }
    if let Some(year) = filters.year.filter(|_| applies(Facet::Year)) {
        all = all.add(Column::IssuedYear.eq(year));
    }
    if let Some(id) = filters.field_id.filter(|_| applies(Facet::Field)) {
        let filed = legal_document_field::Entity::find()
            .select_only()
            .column(legal_document_field::Column::DocumentId)
            .filter(legal_document_field::Column::FieldId.eq(id))
            .into_query();
        all = all.add(Column::Id.in_subquery(filed));
    }
    if let Some(from) = filters.issued_from {
        all = all.add(Column::IssuedOn.gte(from));
    }
    if let Some(until) = filters.issued_until {
        all = all.add(Column::IssuedOn.lte(until));
    }
    if let Some(effect) = filters.effect.filter(|_| applies(Facet::Effect)) {
        all = all.add(has_effect(effect, today));
    }
    all
}

/// `legal::effect::effect` written as a condition over the stored dates.
fn has_effect(effect: Effect, today: NaiveDate) -> Condition {
    use legal_document::Column;
    let ended = Column::EndedOn.lte(today);
    let not_ended = Condition::any().add(Column::EndedOn.is_null()).add(Column::EndedOn.gt(today));
    let partly_ended = Column::PartlyEndedOn.lte(today);
    let not_partly_ended = Condition::any().add(Column::PartlyEndedOn.is_null()).add(Column::PartlyEndedOn.gt(today));
    match effect {
        Effect::Expired => Condition::all().add(ended),
        Effect::NotYetInForce => Condition::all().add(not_ended).add(Column::EffectiveFrom.gt(today)),
        Effect::PartlyExpired => {
            Condition::all().add(not_ended).add(Column::EffectiveFrom.lte(today)).add(partly_ended)
        }
        Effect::InForce => Condition::all().add(not_ended).add(Column::EffectiveFrom.lte(today)).add(not_partly_ended),
    }
}

/// The effect of each selected document as a number (the order of `Effect::ALL`), counted.
async fn effect_counts(
    db: &impl ConnectionTrait,
    selected: Select<legal_document::Entity>,
    today: NaiveDate,
) -> Result<Vec<(Effect, u64)>, DbErr> {
    let mut effect = Expr::case(has_effect(Effect::ALL[0], today), 0);
    for (index, kind) in Effect::ALL.iter().enumerate().skip(1) {
        effect = effect.case(has_effect(*kind, today), index as i32);
    }
    let effect: SimpleExpr = effect.finally(-1).into();
    #[derive(FromQueryResult)]
    struct EffectCount {
        effect: i32,
        documents: i64,
    }
    let rows = selected
        .select_only()
        .column_as(effect, "effect")
        .column_as(Expr::col(legal_document::Column::Id).count(), "documents")
        // By the name: PostgreSQL would not see the expression, with its parameters, as the same.
        .group_by(Expr::col(Alias::new("effect")))
        .into_model::<EffectCount>()
        .all(db)
        .await?;
    Ok(Effect::ALL
        .iter()
        .enumerate()
        .filter_map(|(index, kind)| {
            let row = rows.iter().find(|row| row.effect == index as i32)?;
            Some((*kind, row.documents as u64))
        })
        .collect())
}
