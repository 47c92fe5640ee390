use leptos::prelude::*;

use super::{LatestDocumentsWidget, MostReadWidget, WebLinksWidget, use_chrome};
use crate::visitor_stats::VisitorStatsWidget;

#[component]
pub fn Sidebar() -> impl IntoView {
    // The widget (an island without props) is rendered with these numbers.
    provide_context(use_chrome().visitor_stats);
    view! {
        <aside class="sidebar" aria-label="Tiện ích">
            <MostReadWidget/>
            <LatestDocumentsWidget/>
            <WebLinksWidget/>
            <VisitorStatsWidget/>
        </aside>
    }
    .into_any()
}
