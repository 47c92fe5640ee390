use islands::{LiveStats, VisitorNumbers, VisitorStats};
use leptos::prelude::*;

/// The back office's live visitor numbers (dashboard and statistics pages). The back office is
/// hydrated whole, so this is a plain component sharing the readers' island's parts.
#[component]
pub fn LiveVisitorNumbers(rendered: VisitorStats) -> impl IntoView {
    let live = LiveStats::follow();
    view! { <VisitorNumbers live rendered/> }
}
