use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::DocumentDetail;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentLookup {
    Found(Box<DocumentDetail>),
    NotFound,
}

#[server(endpoint = "get_document_page")]
pub async fn get_document_page(slug: String) -> Result<DocumentLookup, ServerFnError> {
    ssr::load(slug).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use legal::RelationKind;
    use leptos::prelude::ServerFnError;
    use service::legal_documents::reading::{self, RelatedDocument};
    use service::legal_documents::{Catalogue, DocumentPage};

    use super::DocumentLookup;
    use crate::format::site_date;
    use crate::models::{AttachmentLink, DocumentDetail, DocumentLink, RelationGroup};
    use crate::pages::legal_documents::document_link;
    use crate::ssr::{app_state, database_error};

    /// Where attachment `id` of document `slug` is downloaded (and counted): the server's
    /// `legal_documents::routes`.
    fn attachment_url(slug: &str, id: i32) -> String {
        format!("{}/tep/{id}", crate::models::document_url(slug))
    }

    fn link(related: RelatedDocument) -> DocumentLink {
        DocumentLink {
            slug: related.slug,
            number: related.number,
            summary: related.summary,
            type_name: String::new(),
            body_name: String::new(),
            issued_on: related.issued_on,
            effect: related.effect,
        }
    }

    /// Relations grouped by kind, in the kinds' order, each group under its heading.
    fn grouped(
        relations: Vec<(RelationKind, RelatedDocument)>,
        heading: fn(RelationKind) -> &'static str,
    ) -> Vec<RelationGroup> {
        RelationKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let documents: Vec<DocumentLink> =
                    relations.iter().filter(|(k, _)| *k == kind).map(|(_, related)| link(related.clone())).collect();
                (!documents.is_empty()).then(|| RelationGroup { heading: heading(kind).to_owned(), documents })
            })
            .collect()
    }

    fn detail(page: DocumentPage, catalogue: &Catalogue, today: chrono::NaiveDate) -> DocumentDetail {
        let document = &page.document;
        let attachments = page
            .attachments
            .iter()
            .map(|(attachment, file)| {
                let format = file.file_name.rsplit('.').next().unwrap_or_default().to_uppercase();
                let text_note = match file.text_state.as_str() {
                    "no_text" => Some("Bản quét (ảnh chụp trang): nội dung bên trong không tìm kiếm được.".to_owned()),
                    _ => None,
                };
                AttachmentLink {
                    download_url: attachment_url(&document.slug, attachment.id),
                    name: file.original_name.clone(),
                    viewable: format == "PDF",
                    format,
                    size: service::text::file_size(file.size_bytes.max(0) as u64),
                    sha256: file.sha256.clone(),
                    downloads: attachment.download_count,
                    text_note,
                }
            })
            .collect();
        DocumentDetail {
            link: document_link(document, catalogue, today),
            type_slug: catalogue
                .types
                .iter()
                .find(|t| t.id == document.type_id)
                .map(|t| t.slug.clone())
                .unwrap_or_default(),
            body_slug: catalogue
                .bodies
                .iter()
                .find(|b| b.id == document.issuing_body_id)
                .map(|b| b.slug.clone())
                .unwrap_or_default(),
            signer: page.signer.as_ref().map(|s| format!("{} — {}", s.name, s.title)),
            fields: page.fields.iter().map(|f| (f.slug.clone(), f.name.clone())).collect(),
            effective_from: document.effective_from,
            effective_until: document.effective_until,
            effect_reason: page.effect.reason_on(today),
            body_html: document.body_html.clone(),
            acts_on: grouped(page.acts_on, RelationKind::acts_on_heading),
            acted_on_by: grouped(page.acted_on_by, RelationKind::acted_on_by_heading),
            attachments,
            same_field: page.same_field.into_iter().map(link).collect(),
            published_at: document.published_at.unwrap_or(document.created_at),
            updated_at: document.updated_at,
        }
    }

    pub async fn load(slug: String) -> Result<DocumentLookup, ServerFnError> {
        let state = app_state()?;
        let today = site_date(state.clock.now());
        let db = state.db.reader();
        let catalogue = Catalogue::load(db).await.map_err(database_error)?;
        let Some(page) = reading::published_by_slug(db, &catalogue, &slug, today).await.map_err(database_error)? else {
            return Ok(DocumentLookup::NotFound);
        };
        Ok(DocumentLookup::Found(Box::new(detail(page, &catalogue, today))))
    }
}
