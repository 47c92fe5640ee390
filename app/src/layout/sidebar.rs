use leptos::prelude::*;

use super::{MostReadWidget, WebLinksWidget};
use crate::visitor_stats::VisitorStatsWidget;

#[component]
pub fn Sidebar() -> impl IntoView {
    view! {
        <aside class="sidebar" aria-label="Tiện ích">
            <MostReadWidget/>
            <WebLinksWidget/>
            <VisitorStatsWidget/>
        </aside>
    }
    .into_any()
}
