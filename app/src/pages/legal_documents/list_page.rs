use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::hooks::use_query_map;

use super::filter_form::FilterForm;
use super::{DocumentListParams, EffectBadge, get_document_list};
use crate::components::{ErrorMessage, PageMeta, Pagination};
use crate::layout::use_chrome;
use crate::models::{DocumentLink, DocumentListData};
use crate::url::encode_component;

#[component]
pub fn DocumentListPage() -> impl IntoView {
    let query = use_query_map();
    let params = move || {
        let query = query.read();
        let field = |key: &str| query.get(key).unwrap_or_default();
        DocumentListParams {
            q: field("q"),
            r#type: field("type"),
            field: field("field"),
            body: field("body"),
            signer: field("signer"),
            year: field("year"),
            from: field("from"),
            to: field("to"),
            effect: field("effect"),
            page: field("page").parse().unwrap_or(1),
        }
    };
    let list = Resource::new(params, |params| async move {
        let data = get_document_list(params.clone()).await;
        (params, data)
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                let (params, data) = list.await;
                let site = use_chrome();
                let description = "Tra cứu văn bản: quyết định, kế hoạch, công văn… theo số ký hiệu, loại, lĩnh vực, cơ quan ban hành, người ký, ngày ban hành và tình trạng hiệu lực.".to_string();
                // A type or field chosen: its own feed; otherwise all new documents.
                let feed = match (params.r#type.trim(), params.field.trim()) {
                    ("", "") => "/van-ban/rss.xml".to_owned(),
                    ("", field) => format!("/van-ban/linh-vuc/{}/rss.xml", encode_component(field)),
                    (kind, _) => format!("/van-ban/loai/{}/rss.xml", encode_component(kind)),
                };
                view! {
                    <PageMeta site title="Văn bản".to_string() description path=params.url()/>
                    <Link rel="alternate" type_="application/rss+xml" title="Văn bản mới" href=feed.clone()/>
                    <h1 class="page-title">"Văn bản"</h1>
                    <p class="feed-link"><a href=feed>"Theo dõi văn bản mới qua RSS"</a></p>
                    {match data {
                        Ok(data) => view! {
                            <FilterForm params=params.clone() data=data.clone()/>
                            <DocumentResults params data/>
                        }.into_any(),
                        Err(error) => view! { <ErrorMessage error/> }.into_any(),
                    }}
                }
                .into_any()
            })}
        </Suspense>
    }
}

#[component]
fn DocumentResults(params: DocumentListParams, data: DocumentListData) -> impl IntoView {
    if let Some(problem) = data.problem {
        return view! { <p class="error" role="alert">{problem}</p> }.into_any();
    }
    if data.documents.is_empty() {
        return view! {
            <div class="no-results" role="status">
                <p>"Không có văn bản nào phù hợp."</p>
                <ul>
                    <li>"Kiểm tra lại số ký hiệu, hoặc chỉ nhập một phần, ví dụ “15/2023”."</li>
                    <li>"Bỏ bớt bộ lọc: " <a href=super::DOCUMENTS_PATH>"xem tất cả văn bản"</a> "."</li>
                </ul>
            </div>
        }
        .into_any();
    }
    view! {
        <p class="search-summary" role="status">{format!("{} văn bản", data.total)}</p>
        <table class="document-table">
            <caption class="visually-hidden">"Danh sách văn bản, mới ban hành trước"</caption>
            <thead>
                <tr>
                    <th scope="col">"Số ký hiệu"</th>
                    <th scope="col">"Ngày ban hành"</th>
                    <th scope="col">"Trích yếu"</th>
                    <th scope="col">"Hiệu lực"</th>
                </tr>
            </thead>
            <tbody>
                {data.documents.into_iter().map(|document| view! { <DocumentRow document/> }).collect_view()}
            </tbody>
        </table>
        <Pagination base_url=params.url() page=data.page total_pages=data.total_pages/>
    }
    .into_any()
}

/// A row of the table; on a phone the style sheet lays each row out as a card.
#[component]
fn DocumentRow(document: DocumentLink) -> impl IntoView {
    let url = document.url();
    let issued = document.issued_on.format("%d/%m/%Y").to_string();
    let datetime = document.issued_on.format("%Y-%m-%d").to_string();
    view! {
        <tr>
            <th scope="row" class="document-number"><a href=url>{document.number}</a></th>
            <td class="document-issued"><time datetime=datetime>{issued}</time></td>
            <td class="document-summary">
                <span class="document-type">{document.type_name}" · "{document.body_name}</span>
                {document.summary}
            </td>
            <td class="document-effect"><EffectBadge effect=document.effect/></td>
        </tr>
    }
}
