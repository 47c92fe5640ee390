use chrono::{DateTime, NaiveDate, Utc};
use legal::Effect;
use serde::{Deserialize, Serialize};

/// Where a document's page is: `/van-ban/15-2023-qd-ubnd`.
pub fn document_url(slug: &str) -> String {
    format!("/van-ban/{slug}")
}

/// A document as a line of a list or a link from another document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentLink {
    pub slug: String,
    /// Số ký hiệu.
    pub number: String,
    /// Trích yếu.
    pub summary: String,
    pub type_name: String,
    pub body_name: String,
    pub issued_on: NaiveDate,
    pub effect: Effect,
}

impl DocumentLink {
    pub fn url(&self) -> String {
        document_url(&self.slug)
    }
}

/// One choice of a filter, with how many documents it would list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterChoice {
    /// What the link or form sends: a slug, a year, an effect code.
    pub value: String,
    pub label: String,
    pub count: u64,
    /// For the fields' tree: 0 at the top.
    pub depth: u8,
}

/// The documents page: one page of documents and every filter with its counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentListData {
    pub documents: Vec<DocumentLink>,
    pub total: u64,
    pub page: u64,
    pub total_pages: u64,
    pub types: Vec<FilterChoice>,
    pub fields: Vec<FilterChoice>,
    pub bodies: Vec<FilterChoice>,
    pub signers: Vec<FilterChoice>,
    pub years: Vec<FilterChoice>,
    pub effects: Vec<FilterChoice>,
    /// What was wrong with the request, in words the reader can act on (the page answers 400).
    pub problem: Option<String>,
}

/// Documents grouped under one heading of the relations: "Văn bản thay thế", "Thay thế văn bản"…
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationGroup {
    pub heading: String,
    pub documents: Vec<DocumentLink>,
}

/// An attached file as a reader sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentLink {
    /// Counts the download, then sends the file.
    pub download_url: String,
    pub name: String,
    /// "PDF", "DOCX", "XLSX".
    pub format: String,
    /// "850 KB".
    pub size: String,
    pub sha256: String,
    pub downloads: i64,
    /// Opens in the browser's own PDF viewer.
    pub viewable: bool,
    /// Why its text is not searched, if it is not ("tệp quét, không có lớp chữ").
    pub text_note: Option<String>,
}

/// A document's own page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentDetail {
    pub link: DocumentLink,
    pub type_slug: String,
    pub body_slug: String,
    /// "Đỗ Minh Tuấn — Chủ tịch UBND tỉnh".
    pub signer: Option<String>,
    /// (slug, name) of each field it is filed under.
    pub fields: Vec<(String, String)>,
    pub effective_from: NaiveDate,
    pub effective_until: Option<NaiveDate>,
    /// "bị thay thế bởi 20/2024/QĐ-UBND từ 01/03/2024".
    pub effect_reason: String,
    /// Sanitised when stored.
    pub body_html: String,
    /// What this document does to others.
    pub acts_on: Vec<RelationGroup>,
    /// What others do to it.
    pub acted_on_by: Vec<RelationGroup>,
    pub attachments: Vec<AttachmentLink>,
    pub same_field: Vec<DocumentLink>,
    pub published_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
