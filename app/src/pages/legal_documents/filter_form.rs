use leptos::prelude::*;

use super::{DOCUMENTS_PATH, DocumentListParams};
use crate::models::{DocumentListData, FilterChoice};

/// Search and filters, a plain GET form: it works the same without JavaScript. Each choice shows
/// how many documents it would list with the other filters as they are.
#[component]
pub fn FilterForm(params: DocumentListParams, data: DocumentListData) -> impl IntoView {
    let clear = params.is_filtered().then(|| view! { <a class="clear-filters" href=DOCUMENTS_PATH>"Xóa bộ lọc"</a> });
    view! {
        <div role="search" class="search-form document-filters">
            <form action=DOCUMENTS_PATH method="get">
                <div class="field field-query">
                    <label for="documents-q">"Số ký hiệu, trích yếu hoặc nội dung"</label>
                    <input id="documents-q" type="search" name="q" value=params.q.clone() placeholder="Ví dụ: 15/2023/QĐ-UBND hoặc chuyển đổi số"/>
                </div>
                <FilterSelect name="type" label="Loại văn bản" all="Tất cả loại" chosen=params.r#type.clone() choices=data.types/>
                <FilterSelect name="field" label="Lĩnh vực" all="Tất cả lĩnh vực" chosen=params.field.clone() choices=data.fields/>
                <FilterSelect name="body" label="Cơ quan ban hành" all="Tất cả cơ quan" chosen=params.body.clone() choices=data.bodies/>
                <FilterSelect name="signer" label="Người ký" all="Tất cả người ký" chosen=params.signer.clone() choices=data.signers/>
                <FilterSelect name="year" label="Năm ban hành" all="Tất cả các năm" chosen=params.year.clone() choices=data.years/>
                <FilterSelect name="effect" label="Hiệu lực" all="Mọi tình trạng" chosen=params.effect.clone() choices=data.effects/>
                <div class="field">
                    <label for="documents-from">"Ban hành từ ngày"</label>
                    <input id="documents-from" type="date" name="from" value=params.from.clone()/>
                </div>
                <div class="field">
                    <label for="documents-to">"Đến ngày"</label>
                    <input id="documents-to" type="date" name="to" value=params.to.clone()/>
                </div>
                <button type="submit">"Tìm văn bản"</button>
                {clear}
            </form>
        </div>
    }
    .into_any()
}

#[component]
fn FilterSelect(
    name: &'static str,
    label: &'static str,
    all: &'static str,
    chosen: String,
    choices: Vec<FilterChoice>,
) -> impl IntoView {
    let id = format!("documents-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                <option value="" selected=chosen.is_empty()>{all}</option>
                {choices.into_iter().map(|choice| {
                    let selected = choice.value == chosen;
                    // Sub-fields are indented under their field (a select cannot nest deeper).
                    let indent = "\u{a0}\u{a0}".repeat(choice.depth as usize);
                    let text = format!("{indent}{} ({})", choice.label, choice.count);
                    view! { <option value=choice.value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
