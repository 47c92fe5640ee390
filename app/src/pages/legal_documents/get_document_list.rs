use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::DocumentListData;
use crate::url::encode_component;

/// What a reader asked for, as it stands in the URL
/// (`/van-ban?q=…&type=…&field=…&body=…&signer=…&year=…&from=…&to=…&effect=…&page=…`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentListParams {
    pub q: String,
    /// A type's slug ("quyet-dinh"); empty for all. So are the next three.
    pub r#type: String,
    pub field: String,
    pub body: String,
    /// A signer's number in the list.
    pub signer: String,
    pub year: String,
    /// Issued on or after, `YYYY-MM-DD`.
    pub from: String,
    /// Issued on or before, `YYYY-MM-DD`.
    pub to: String,
    /// `legal::Effect::code`.
    pub effect: String,
    pub page: u64,
}

impl DocumentListParams {
    const KEYS: [&'static str; 9] = ["q", "type", "field", "body", "signer", "year", "from", "to", "effect"];

    fn values(&self) -> [&String; 9] {
        [&self.q, &self.r#type, &self.field, &self.body, &self.signer, &self.year, &self.from, &self.to, &self.effect]
    }

    /// The URL of these parameters without the page number.
    pub fn url(&self) -> String {
        let query: Vec<String> = Self::KEYS
            .iter()
            .zip(self.values())
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(key, value)| format!("{key}={}", encode_component(value.trim())))
            .collect();
        if query.is_empty() {
            super::DOCUMENTS_PATH.to_owned()
        } else {
            format!("{}?{}", super::DOCUMENTS_PATH, query.join("&"))
        }
    }

    /// The same parameters with one filter set to `value` (empty to remove it), from page 1.
    pub fn with(&self, key: &str, value: &str) -> Self {
        let mut changed = self.clone();
        let slot = match key {
            "q" => &mut changed.q,
            "type" => &mut changed.r#type,
            "field" => &mut changed.field,
            "body" => &mut changed.body,
            "signer" => &mut changed.signer,
            "year" => &mut changed.year,
            "from" => &mut changed.from,
            "to" => &mut changed.to,
            _ => &mut changed.effect,
        };
        *slot = value.to_owned();
        changed.page = 1;
        changed
    }

    /// Whether any filter or search is set.
    pub fn is_filtered(&self) -> bool {
        self.values().iter().any(|value| !value.trim().is_empty())
    }
}

#[server(endpoint = "get_document_list")]
pub async fn get_document_list(params: DocumentListParams) -> Result<DocumentListData, ServerFnError> {
    ssr::load(params).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use std::collections::HashMap;

    use leptos::prelude::ServerFnError;
    use service::legal_documents::{Catalogue, DocumentFilters, listing};

    use super::DocumentListParams;
    use crate::format::site_date;
    use crate::models::{DocumentListData, FilterChoice};
    use crate::pages::legal_documents::document_link;
    use crate::ssr::local_days::parse_range;
    use crate::ssr::{app_state, database_error, set_status};

    const PER_PAGE: u64 = 20;

    /// The filters the parameters name, or what is wrong with them.
    fn filters(params: &DocumentListParams, catalogue: &Catalogue) -> Result<DocumentFilters, String> {
        fn by_slug<'a, T>(
            rows: &'a [T],
            slug: &str,
            slug_of: impl Fn(&T) -> &str,
            missing: &str,
        ) -> Result<Option<&'a T>, String> {
            match slug.trim() {
                "" => Ok(None),
                slug => {
                    rows.iter().find(|row| slug_of(row) == slug).map(Some).ok_or_else(|| missing.replace("{}", slug))
                }
            }
        }
        let document_type = by_slug(
            &catalogue.types,
            &params.r#type,
            |t| &t.slug,
            "Không có loại văn bản “{}”; hãy chọn trong danh sách.",
        )?;
        let field = by_slug(
            &catalogue.fields,
            &params.field,
            |f| &f.slug,
            "Không có lĩnh vực “{}”; hãy chọn trong danh sách.",
        )?;
        let body = by_slug(
            &catalogue.bodies,
            &params.body,
            |b| &b.slug,
            "Không có cơ quan ban hành “{}”; hãy chọn trong danh sách.",
        )?;
        let signer_id = match params.signer.trim() {
            "" => None,
            typed => Some(
                typed
                    .parse::<i32>()
                    .ok()
                    .filter(|id| catalogue.signer(Some(*id)).is_some())
                    .ok_or_else(|| format!("Không có người ký “{typed}”; hãy chọn trong danh sách."))?,
            ),
        };
        let year = match params.year.trim() {
            "" => None,
            typed => Some(
                typed
                    .parse::<i32>()
                    .ok()
                    .filter(|year| (1945..=2100).contains(year))
                    .ok_or_else(|| format!("Năm “{typed}” không hợp lệ; hãy nhập năm ban hành, ví dụ 2023."))?,
            ),
        };
        let effect = match params.effect.trim() {
            "" => None,
            code => Some(
                legal::Effect::from_code(code)
                    .ok_or_else(|| format!("Không có tình trạng hiệu lực “{code}”; hãy chọn trong danh sách."))?,
            ),
        };
        let (issued_from, issued_until) = parse_range(&params.from, &params.to)?;
        Ok(DocumentFilters {
            query: params.q.clone(),
            type_id: document_type.map(|t| t.id),
            field_id: field.map(|f| f.id),
            issuing_body_id: body.map(|b| b.id),
            signer_id,
            year,
            issued_from,
            issued_until,
            effect,
        })
    }

    /// The choices of a filter that would list something, and the chosen one even if not.
    fn choices<T>(
        rows: &[T],
        counts: &[(i32, u64)],
        chosen: &str,
        choice: impl Fn(&T) -> (i32, String, String, u8),
    ) -> Vec<FilterChoice> {
        let counts: HashMap<i32, u64> = counts.iter().copied().collect();
        rows.iter()
            .map(&choice)
            .map(|(id, value, label, depth)| FilterChoice {
                count: counts.get(&id).copied().unwrap_or(0),
                value,
                label,
                depth,
            })
            .filter(|choice| choice.count > 0 || choice.value == chosen)
            .collect()
    }

    pub async fn load(params: DocumentListParams) -> Result<DocumentListData, ServerFnError> {
        let state = app_state()?;
        let today = site_date(state.clock.now());
        let db = state.db.reader();
        let catalogue = Catalogue::load(db).await.map_err(database_error)?;
        let page = params.page.max(1);
        let mut data = DocumentListData {
            documents: Vec::new(),
            total: 0,
            page,
            total_pages: 1,
            types: Vec::new(),
            fields: Vec::new(),
            bodies: Vec::new(),
            signers: Vec::new(),
            years: Vec::new(),
            effects: Vec::new(),
            problem: None,
        };
        let filters = match filters(&params, &catalogue) {
            Ok(filters) => filters,
            Err(problem) => {
                set_status(http::StatusCode::BAD_REQUEST);
                data.problem = Some(problem);
                return Ok(data);
            }
        };
        let found = listing::list(db, &filters, today, page, PER_PAGE).await.map_err(database_error)?;
        data.total = found.total;
        data.total_pages = found.total.div_ceil(PER_PAGE).max(1);
        data.documents = found.documents.iter().map(|document| document_link(document, &catalogue, today)).collect();
        let facets = found.facets;
        data.types =
            choices(&catalogue.types, &facets.types, &params.r#type, |t| (t.id, t.slug.clone(), t.name.clone(), 0));
        data.fields = choices(&catalogue.fields, &facets.fields, &params.field, |f| {
            (f.id, f.slug.clone(), f.name.clone(), catalogue.field_depth(f.id).min(u8::MAX as usize) as u8)
        });
        data.bodies =
            choices(&catalogue.bodies, &facets.bodies, &params.body, |b| (b.id, b.slug.clone(), b.name.clone(), 0));
        data.signers = choices(&catalogue.signers, &facets.signers, &params.signer, |s| {
            (s.id, s.id.to_string(), format!("{} ({})", s.name, s.title), 0)
        });
        data.years = facets
            .years
            .iter()
            .map(|(year, count)| FilterChoice {
                value: year.to_string(),
                label: year.to_string(),
                count: *count,
                depth: 0,
            })
            .collect();
        data.effects = legal::Effect::ALL
            .into_iter()
            .map(|effect| FilterChoice {
                value: effect.code().to_owned(),
                label: effect.label().to_owned(),
                count: facets.effects.iter().find(|(e, _)| *e == effect).map_or(0, |(_, n)| *n),
                depth: 0,
            })
            .collect();
        Ok(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_keeps_the_filters_set_and_drops_the_page() {
        let params = DocumentListParams {
            q: "15/2023".into(),
            r#type: "quyet-dinh".into(),
            effect: "con-hieu-luc".into(),
            page: 3,
            ..Default::default()
        };
        assert_eq!(params.url(), "/van-ban?q=15%2F2023&type=quyet-dinh&effect=con-hieu-luc");
        assert_eq!(params.with("type", "").url(), "/van-ban?q=15%2F2023&effect=con-hieu-luc");
        assert_eq!(params.with("type", "").page, 1);
        assert_eq!(DocumentListParams::default().url(), "/van-ban");
        assert!(!DocumentListParams::default().is_filtered());
    }
}
