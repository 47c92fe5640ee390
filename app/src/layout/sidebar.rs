use leptos::prelude::*;

use super::{VisitorStatsWidget, WebLinksWidget};

#[component]
pub fn Sidebar() -> impl IntoView {
    view! {
        <aside class="sidebar" aria-label="Tiện ích">
            <WebLinksWidget/>
            <VisitorStatsWidget/>
        </aside>
    }
}
