use leptos::prelude::*;

use super::use_chrome;
use crate::pages::legal_documents::{DOCUMENTS_PATH, EffectBadge};

/// "Văn bản mới": the newest published legal documents, each with its effect.
#[component]
pub fn LatestDocumentsWidget() -> impl IntoView {
    let documents = use_chrome().latest_documents;
    (!documents.is_empty()).then(|| {
        view! {
            <section class="widget latest-documents-widget" aria-labelledby="latest-documents-title">
                <h2 id="latest-documents-title" class="widget-title">"Văn bản mới"</h2>
                <ul>
                    {documents.into_iter().map(|document| {
                        let url = document.url();
                        let issued = document.issued_on.format("%d/%m/%Y").to_string();
                        view! {
                            <li>
                                <a href=url>{document.number}</a>" "<span class="widget-date">"("{issued}")"</span>
                                <span class="widget-summary">{document.summary}</span>
                                <EffectBadge effect=document.effect/>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p class="widget-more"><a href=DOCUMENTS_PATH>"Tất cả văn bản"</a></p>
            </section>
        }
    })
}
