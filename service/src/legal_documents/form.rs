//! The checks a document form must pass that need no database.

use chrono::NaiveDate;
use legal::{DocumentForm, DocumentNumber, RelationForm, RelationKind};

use crate::editorial::FieldError;
use crate::editorial::article_form::check_body;
use text::fold_diacritics;

pub const MAX_SUMMARY_CHARS: usize = 2_000;
/// More would be a list of every field, which helps nobody find the document.
pub const MAX_FIELDS: usize = 10;
pub const MAX_ATTACHMENTS: usize = 20;
pub const MAX_RELATIONS: usize = 50;

/// A form that passed the checks: trimmed, dates read, the body sanitised, repeats removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedDocument {
    pub number: DocumentNumber,
    pub type_id: i32,
    pub issuing_body_id: i32,
    pub signer_id: Option<i32>,
    pub field_ids: Vec<i32>,
    pub summary: String,
    pub body_html: String,
    pub issued_on: NaiveDate,
    pub effective_from: NaiveDate,
    pub effective_until: Option<NaiveDate>,
    pub relations: Vec<(RelationKind, i32)>,
    pub attachment_ids: Vec<i32>,
}

impl CheckedDocument {
    /// What "unique per issuing body" compares: "15/2023/qđ-ubnd" and "15/2023/QD-UBND" are one.
    pub fn number_key(&self) -> String {
        number_key(self.number.as_str())
    }
}

/// A number folded and without spaces.
pub fn number_key(number: &str) -> String {
    fold_diacritics(number).chars().filter(|c| !c.is_whitespace()).collect()
}

/// A date as the form holds it: 2023-03-15.
pub fn form_day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The form a document stored from `checked` shows again (what `editing::form_of` reads back).
pub fn stored_form(checked: &CheckedDocument) -> DocumentForm {
    DocumentForm {
        number: checked.number.to_string(),
        type_id: Some(checked.type_id),
        issuing_body_id: Some(checked.issuing_body_id),
        signer_id: checked.signer_id,
        field_ids: checked.field_ids.clone(),
        summary: checked.summary.clone(),
        body_html: checked.body_html.clone(),
        issued_on: form_day(checked.issued_on),
        effective_from: form_day(checked.effective_from),
        effective_until: checked.effective_until.map(form_day).unwrap_or_default(),
        relations: checked
            .relations
            .iter()
            .map(|(kind, target_id)| RelationForm { kind: kind.code().to_owned(), target_id: *target_id })
            .collect(),
        attachment_ids: checked.attachment_ids.clone(),
    }
}

/// A date as `<input type="date">` sends it (2023-03-15) or as Vietnamese write it (15/03/2023).
pub fn parse_day(typed: &str) -> Option<NaiveDate> {
    let typed = typed.trim();
    NaiveDate::parse_from_str(typed, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(typed, "%d/%m/%Y")).ok()
}

fn without_repeats<T: PartialEq + Copy>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut kept = Vec::new();
    for item in items {
        if !kept.contains(&item) {
            kept.push(item);
        }
    }
    kept
}

pub fn check(form: &DocumentForm) -> Result<CheckedDocument, Vec<FieldError>> {
    let mut errors = Vec::new();
    let number = DocumentNumber::parse(&form.number)
        .map_err(|error| errors.push(FieldError::new("number", error.to_string())))
        .ok();
    if form.type_id.is_none() {
        errors.push(FieldError::new("type_id", "Hãy chọn loại văn bản."));
    }
    if form.issuing_body_id.is_none() {
        errors.push(FieldError::new("issuing_body_id", "Hãy chọn cơ quan ban hành."));
    }
    let summary = form.summary.split_whitespace().collect::<Vec<_>>().join(" ");
    if summary.is_empty() {
        errors.push(FieldError::new("summary", "Hãy nhập trích yếu (nội dung tóm tắt của văn bản)."));
    } else if summary.chars().count() > MAX_SUMMARY_CHARS {
        errors.push(FieldError::new("summary", format!("Trích yếu dài quá {MAX_SUMMARY_CHARS} ký tự.")));
    }
    let body_html = check_body(&form.body_html).map_err(|error| errors.push(error)).unwrap_or_default();
    let field_ids = without_repeats(form.field_ids.iter().copied());
    if field_ids.is_empty() {
        errors.push(FieldError::new("field_ids", "Hãy chọn ít nhất một lĩnh vực."));
    } else if field_ids.len() > MAX_FIELDS {
        errors.push(FieldError::new("field_ids", format!("Chọn tối đa {MAX_FIELDS} lĩnh vực.")));
    }
    let day = |typed: &str, field: &'static str, name: &str, errors: &mut Vec<FieldError>| match parse_day(typed) {
        Some(day) => Some(day),
        None => {
            errors.push(FieldError::new(field, format!("{name} không hợp lệ: hãy nhập ngày dạng dd/mm/yyyy.")));
            None
        }
    };
    let issued_on = if form.issued_on.trim().is_empty() {
        errors.push(FieldError::new("issued_on", "Hãy nhập ngày ban hành."));
        None
    } else {
        day(&form.issued_on, "issued_on", "Ngày ban hành", &mut errors)
    };
    let effective_from = match form.effective_from.trim() {
        "" => issued_on,
        typed => day(typed, "effective_from", "Ngày có hiệu lực", &mut errors),
    };
    let effective_until = match form.effective_until.trim() {
        "" => None,
        typed => day(typed, "effective_until", "Ngày hết hiệu lực", &mut errors),
    };
    if let (Some(from), Some(until)) = (effective_from, effective_until)
        && until <= from
    {
        errors.push(FieldError::new("effective_until", "Ngày hết hiệu lực phải sau ngày có hiệu lực."));
    }
    let mut relations = Vec::new();
    for relation in &form.relations {
        match RelationKind::from_code(&relation.kind) {
            Some(kind) => relations.push((kind, relation.target_id)),
            None => errors.push(FieldError::new("relations", format!("Không có loại liên kết “{}”.", relation.kind))),
        }
    }
    let relations = without_repeats(relations);
    if relations.len() > MAX_RELATIONS {
        errors.push(FieldError::new("relations", format!("Tối đa {MAX_RELATIONS} văn bản liên kết.")));
    }
    let attachment_ids = without_repeats(form.attachment_ids.iter().copied());
    if attachment_ids.len() > MAX_ATTACHMENTS {
        errors.push(FieldError::new("attachment_ids", format!("Tối đa {MAX_ATTACHMENTS} tệp đính kèm.")));
    }
    match (number, form.type_id, form.issuing_body_id, issued_on, effective_from) {
        (Some(number), Some(type_id), Some(issuing_body_id), Some(issued_on), Some(effective_from))
            if errors.is_empty() =>
        {
            Ok(CheckedDocument {
                number,
                type_id,
                issuing_body_id,
                signer_id: form.signer_id,
                field_ids,
                summary,
                body_html,
                issued_on,
                effective_from,
                effective_until,
                relations,
                attachment_ids,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use legal::RelationForm;

    use super::*;

    fn valid() -> DocumentForm {
        DocumentForm {
            number: "15/2023/qđ-ubnd".into(),
            type_id: Some(1),
            issuing_body_id: Some(2),
            field_ids: vec![3, 3, 4],
            summary: "  Ban hành   quy chế  ".into(),
            issued_on: "15/03/2023".into(),
            relations: vec![RelationForm { kind: "replaces".into(), target_id: 9 }; 2],
            ..Default::default()
        }
    }

    fn refused_fields(form: &DocumentForm) -> Vec<&'static str> {
        check(form).unwrap_err().into_iter().map(|error| error.field).collect()
    }

    #[test]
    fn a_valid_form_is_cleaned_up() {
        let checked = check(&valid()).unwrap();
        assert_eq!(checked.number.as_str(), "15/2023/QĐ-UBND");
        assert_eq!(checked.number_key(), "15/2023/qd-ubnd");
        assert_eq!(checked.summary, "Ban hành quy chế");
        assert_eq!(checked.field_ids, [3, 4]);
        assert_eq!(checked.relations, [(RelationKind::Replaces, 9)]);
        let issued = NaiveDate::from_ymd_opt(2023, 3, 15).unwrap();
        assert_eq!((checked.issued_on, checked.effective_from, checked.effective_until), (issued, issued, None));
    }

    #[test]
    fn every_missing_field_is_named() {
        let mut empty = refused_fields(&DocumentForm::default());
        empty.sort_unstable();
        assert_eq!(empty, ["field_ids", "issued_on", "issuing_body_id", "number", "summary", "type_id"]);
    }

    #[test]
    fn dates_must_read_and_the_end_must_come_after_the_start() {
        let form = DocumentForm { effective_from: "2023-02-30".into(), ..valid() };
        assert_eq!(refused_fields(&form), ["effective_from"]);
        let form =
            DocumentForm { effective_from: "2023-04-01".into(), effective_until: "01/04/2023".into(), ..valid() };
        assert_eq!(refused_fields(&form), ["effective_until"]);
        let form = DocumentForm { effective_until: "2025-12-31".into(), ..valid() };
        assert_eq!(check(&form).unwrap().effective_until, NaiveDate::from_ymd_opt(2025, 12, 31));
    }

    #[test]
    fn unknown_relation_kinds_and_bad_numbers_are_refused() {
        let form = DocumentForm { relations: vec![RelationForm { kind: "eats".into(), target_id: 1 }], ..valid() };
        assert_eq!(refused_fields(&form), ["relations"]);
        let form = DocumentForm { number: "QĐ-UBND".into(), ..valid() };
        assert_eq!(refused_fields(&form), ["number"]);
    }

    #[test]
    fn the_body_is_sanitised() {
        let form = DocumentForm { body_html: "<p>Điều 1.</p><script>alert(1)</script>".into(), ..valid() };
        assert_eq!(check(&form).unwrap().body_html, "<p>Điều 1.</p>");
    }
}
