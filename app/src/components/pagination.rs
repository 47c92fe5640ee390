use leptos::prelude::*;

/// Page links with stable URLs (`page=N` added to `base_url`'s query); page 1 is `base_url` itself.
#[component]
pub fn Pagination(base_url: String, page: u64, total_pages: u64) -> impl IntoView {
    let separator = if base_url.contains('?') { '&' } else { '?' };
    let href = move |n: u64| {
        if n <= 1 { base_url.clone() } else { format!("{base_url}{separator}page={n}") }
    };
    (total_pages > 1).then(|| {
        view! {
            <nav class="pagination" aria-label="Phân trang">
                <ul>
                    {(page > 1).then(|| view! { <li><a href=href(page - 1) rel="prev">"‹ Trang trước"</a></li> })}
                    {(1..=total_pages).map(|n| {
                        let current = (n == page).then_some("page");
                        view! { <li><a href=href(n) aria-current=current>{n}</a></li> }
                    }).collect_view()}
                    {(page < total_pages).then(|| view! { <li><a href=href(page + 1) rel="next">"Trang sau ›"</a></li> })}
                </ul>
            </nav>
        }
    })
}
