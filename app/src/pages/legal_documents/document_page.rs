use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::get_document_page::DocumentLookup;
use super::{DOCUMENTS_PATH, EffectBadge, get_document_page};
use crate::components::{ErrorMessage, PageMeta, ReaderToolbar, StructuredData};
use crate::layout::use_chrome;
use crate::models::{AttachmentLink, DocumentDetail, DocumentLink, RelationGroup, SiteChrome};
use crate::pages::NotFound;
use crate::url::encode_component;

#[component]
pub fn DocumentPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(move || params.read().get("slug").unwrap_or_default(), get_document_page);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(DocumentLookup::Found(detail)) => view! { <DocumentView site=use_chrome() detail=*detail/> }.into_any(),
                    Ok(DocumentLookup::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn day(date: chrono::NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

#[component]
fn DocumentView(site: SiteChrome, detail: DocumentDetail) -> impl IntoView {
    let link = detail.link.clone();
    let url = format!("{}{}", site.public_url, link.url());
    let title = format!("{} {}", link.type_name, link.number);
    let structured_data = legislation_json_ld(&detail, &url);
    view! {
        <PageMeta site title=title.clone() description=link.summary.clone() path=link.url()/>
        <StructuredData data=structured_data/>
        <article class="legal-document">
            <nav class="breadcrumb" aria-label="Đường dẫn">
                <ol>
                    <li><a href="/">"Trang chủ"</a></li>
                    <li><a href=DOCUMENTS_PATH>"Văn bản"</a></li>
                </ol>
            </nav>
            <h1 class="article-title">{title.clone()}</h1>
            <p class="sapo">{link.summary.clone()}</p>
            <p class="document-effect-line">
                "Tình trạng: " <EffectBadge effect=link.effect reason=detail.effect_reason.clone()/>
            </p>
            <ReaderToolbar url title/>
            <DocumentFacts detail=detail.clone()/>
            {(!detail.body_html.is_empty()).then(|| view! { <div class="article-body" inner_html=detail.body_html.clone()></div> })}
            <Attachments attachments=detail.attachments.clone()/>
            <Relations groups=detail.acted_on_by.clone()/>
            <Relations groups=detail.acts_on.clone()/>
            {(!detail.same_field.is_empty()).then(|| view! {
                <section class="related-documents" aria-labelledby="same-field">
                    <h2 id="same-field" class="section-title">"Văn bản cùng lĩnh vực"</h2>
                    <DocumentList documents=detail.same_field.clone()/>
                </section>
            })}
        </article>
    }
    .into_any()
}

/// Every field of the document, as a table of names and values.
#[component]
fn DocumentFacts(detail: DocumentDetail) -> impl IntoView {
    let link = detail.link.clone();
    let filter = |key: &str, value: &str| format!("{DOCUMENTS_PATH}?{key}={}", encode_component(value));
    let type_href = filter("type", &detail.type_slug);
    let body_href = filter("body", &detail.body_slug);
    let issued = link.issued_on.format("%Y-%m-%d").to_string();
    view! {
            <table class="document-facts">
            <caption class="visually-hidden">"Thuộc tính văn bản"</caption>
            <tbody>
                <tr><th scope="row">"Số ký hiệu"</th><td>{link.number.clone()}</td></tr>
                <tr><th scope="row">"Loại văn bản"</th><td><a href=type_href>{link.type_name.clone()}</a></td></tr>
                <tr><th scope="row">"Cơ quan ban hành"</th><td><a href=body_href>{link.body_name.clone()}</a></td></tr>
                {detail.signer.clone().map(|signer| view! { <tr><th scope="row">"Người ký"</th><td>{signer}</td></tr> })}
                <tr><th scope="row">"Ngày ban hành"</th><td><time datetime=issued>{day(link.issued_on)}</time></td></tr>
                <tr><th scope="row">"Ngày có hiệu lực"</th><td>{day(detail.effective_from)}</td></tr>
                {detail.effective_until.map(|until| view! { <tr><th scope="row">"Ngày hết hiệu lực"</th><td>{day(until)}</td></tr> })}
                <tr>
                    <th scope="row">"Lĩnh vực"</th>
                    <td>
                        {detail.fields.iter().enumerate().map(|(index, (slug, name))| {
                            let href = filter("field", slug);
                            view! { {(index > 0).then_some(", ")}<a href=href>{name.clone()}</a> }
                        }).collect_view()}
                    </td>
                </tr>
            </tbody>
        </table>
    }
    // Boxed: the page's view type would otherwise be too deep for the compiler's layout pass.
    .into_any()
}

#[component]
fn Attachments(attachments: Vec<AttachmentLink>) -> impl IntoView {
    (!attachments.is_empty()).then(|| {
        view! {
            <section class="document-files" aria-labelledby="document-files">
                <h2 id="document-files" class="section-title">"Tệp đính kèm"</h2>
                <ul>
                    {attachments.into_iter().map(|file| {
                        let view_link = file.viewable.then(|| {
                            let href = file.download_url.clone();
                            view! { " · " <a href=href target="_blank" rel="noopener">"Xem"<span class="visually-hidden">" "{file.name.clone()}" (mở trong thẻ mới)"</span></a> }
                        });
                        view! {
                            <li>
                                <a href=file.download_url.clone() download="">{file.name.clone()}</a>
                                <span class="file-facts">" ("{file.format.clone()}", "{file.size.clone()}", "{file.downloads}" lượt tải)"</span>
                                {view_link}
                                {(!file.sha256.is_empty()).then(|| view! { <span class="file-digest">"SHA-256: "<code>{file.sha256.clone()}</code></span> })}
                                {file.text_note.clone().map(|note| view! { <span class="file-note">{note}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
        .into_any()
    })
}

#[component]
fn Relations(groups: Vec<RelationGroup>) -> impl IntoView {
    groups
        .into_iter()
        .map(|group| {
            view! {
                <section class="related-documents">
                    <h2 class="section-title">{group.heading}</h2>
                    <DocumentList documents=group.documents/>
                </section>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn DocumentList(documents: Vec<DocumentLink>) -> impl IntoView {
    view! {
        <ul class="document-links">
            {documents.into_iter().map(|document| {
                let url = document.url();
                view! {
                    <li>
                        <a href=url>{document.number.clone()}</a>
                        " ("{day(document.issued_on)}") "
                        {document.summary}" "
                        <EffectBadge effect=document.effect/>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// schema.org `Legislation`: what search engines and open-data harvesters read of a document.
fn legislation_json_ld(detail: &DocumentDetail, url: &str) -> serde_json::Value {
    let force = match detail.link.effect {
        legal::Effect::InForce => "https://schema.org/InForce",
        legal::Effect::PartlyExpired => "https://schema.org/PartiallyInForce",
        legal::Effect::Expired | legal::Effect::NotYetInForce => "https://schema.org/NotInForce",
    };
    let origin = url.split("/van-ban/").next().unwrap_or_default();
    let changes: Vec<String> = detail
        .acts_on
        .iter()
        .flat_map(|group| group.documents.iter())
        .map(|document| format!("{origin}{}", document.url()))
        .collect();
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": format!("{} {}", detail.link.type_name, detail.link.number),
        "description": detail.link.summary,
        "legislationIdentifier": detail.link.number,
        "legislationType": detail.link.type_name,
        "legislationDate": detail.link.issued_on.format("%Y-%m-%d").to_string(),
        "legislationLegalForce": force,
        "legislationPassedBy": { "@type": "GovernmentOrganization", "name": detail.link.body_name },
        "legislationChanges": changes,
        "inLanguage": "vi",
        "url": url,
        "datePublished": detail.published_at.to_rfc3339(),
        "dateModified": detail.updated_at.to_rfc3339(),
    })
}
