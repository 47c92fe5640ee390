//! The legal-documents library for readers: the list with its filters and counts
//! (`/van-ban`), and each document's page (`/van-ban/{slug}`).

mod document_page;
mod effect_badge;
mod filter_form;
mod get_document_list;
mod get_document_page;
mod list_page;

pub use document_page::DocumentPage;
pub use effect_badge::EffectBadge;
pub use get_document_list::{DocumentListParams, GetDocumentList, get_document_list};
pub use get_document_page::{GetDocumentPage, get_document_page};
pub use list_page::DocumentListPage;

/// The list of documents.
pub const DOCUMENTS_PATH: &str = "/van-ban";

/// A stored document as a link, named from the catalogue, its effect judged on `today`.
#[cfg(feature = "ssr")]
pub(crate) fn document_link(
    document: &entity::legal_document::Model,
    catalogue: &service::legal_documents::Catalogue,
    today: chrono::NaiveDate,
) -> crate::models::DocumentLink {
    crate::models::DocumentLink {
        slug: document.slug.clone(),
        number: document.number.clone(),
        summary: document.summary.clone(),
        type_name: catalogue.type_name(document.type_id).to_owned(),
        body_name: catalogue.body_name(document.issuing_body_id).to_owned(),
        issued_on: document.issued_on,
        effect: service::legal_documents::reading::stored_effect(document, today),
    }
}
