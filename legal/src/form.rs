//! The document form as the back office and the import file send it, before any check.

use serde::{Deserialize, Serialize};

/// Every field of a document, as typed (a field left out is empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentForm {
    /// Số ký hiệu: "15/2023/QĐ-UBND".
    pub number: String,
    pub type_id: Option<i32>,
    pub issuing_body_id: Option<i32>,
    pub signer_id: Option<i32>,
    /// Lĩnh vực: one or several.
    pub field_ids: Vec<i32>,
    /// Trích yếu.
    pub summary: String,
    /// Optional rich text, sanitised on the way in.
    pub body_html: String,
    /// yyyy-mm-dd, as `<input type="date">` sends dates.
    pub issued_on: String,
    /// Empty: the day it was issued.
    pub effective_from: String,
    /// Empty: no end date written in the document.
    pub effective_until: String,
    /// What this document does to others.
    pub relations: Vec<RelationForm>,
    /// Files of the media library, in the order shown.
    pub attachment_ids: Vec<i32>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationForm {
    /// `legal::RelationKind::code`.
    pub kind: String,
    pub target_id: i32,
}
