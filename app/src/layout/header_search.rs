use leptos::prelude::*;

/// The search box on every page. A plain GET form, so it works without JavaScript too (with it,
/// the reader script opens the results without reloading the page).
#[component]
pub fn HeaderSearch() -> impl IntoView {
    view! {
        <div role="search" class="header-search">
            <form action="/tim-kiem" method="get">
                <label for="header-search-q" class="visually-hidden">"Tìm kiếm tin bài"</label>
                <input id="header-search-q" type="search" name="q" placeholder="Tìm kiếm…" required=true/>
                <button type="submit">"Tìm"</button>
            </form>
        </div>
    }
}
