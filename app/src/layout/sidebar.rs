use leptos::prelude::*;

use super::WebLinksWidget;
use crate::visitor_stats::VisitorStatsWidget;

#[component]
pub fn Sidebar() -> impl IntoView {
    view! {
        <aside class="sidebar" aria-label="Tiện ích">
            <WebLinksWidget/>
            <VisitorStatsWidget/>
        </aside>
    }
}
