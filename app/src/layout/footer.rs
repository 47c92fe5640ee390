use leptos::prelude::*;

use super::use_chrome;

/// The agency's legal details, from the site settings.
#[component]
pub fn Footer() -> impl IntoView {
    let chrome = use_chrome();
    let s = chrome.settings;
    let line =
        |label: &'static str, value: String| (!value.is_empty()).then(|| view! { <p>{format!("{label}{value}")}</p> });
    let contact = match (s.phone.is_empty(), s.fax.is_empty()) {
        (false, false) => format!("Số ĐT: {} - Fax: {}", s.phone, s.fax),
        (false, true) => format!("Số ĐT: {}", s.phone),
        (true, false) => format!("Fax: {}", s.fax),
        (true, true) => String::new(),
    };
    view! {
        <footer class="site-footer">
            <nav class="footer-links" aria-label="Thông tin">
                {chrome.pages.into_iter().map(|page| view! { <a href=page.path>{page.title}</a> }).collect_view()}
                <a href="/so-do-trang">"Sơ đồ trang"</a>
                <a href="/rss.xml">"RSS"</a>
            </nav>
            <p class="footer-agency">{s.agency_name}</p>
            {(!s.licence.is_empty()).then(|| view! { <p>{s.licence}</p> })}
            {line("Chịu trách nhiệm: ", s.responsible_person)}
            {line("Địa chỉ: ", s.address)}
            {(!contact.is_empty()).then(|| view! { <p>{contact}</p> })}
            {(!s.email.is_empty()).then(|| {
                let mailto = format!("mailto:{}", s.email);
                view! { <p>"Email: "<a href=mailto>{s.email}</a></p> }
            })}
            {line("Website được thiết kế bởi ", s.designed_by)}
        </footer>
    }
    .into_any()
}
