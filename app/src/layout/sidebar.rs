use leptos::prelude::*;

use super::{MostReadWidget, WebLinksWidget, use_chrome};
use crate::visitor_stats::VisitorStatsWidget;

#[component]
pub fn Sidebar() -> impl IntoView {
    let rendered = use_chrome().visitor_stats;
    view! {
        <aside class="sidebar" aria-label="Tiện ích">
            <MostReadWidget/>
            <WebLinksWidget/>
            <VisitorStatsWidget rendered/>
        </aside>
    }
    .into_any()
}
