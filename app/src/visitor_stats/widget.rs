use leptos::prelude::*;

use super::use_live_visitor_stats;
use crate::layout::use_chrome;
use crate::models::VisitorStats;

/// "Thống kê truy cập" in the sidebar, unless an administrator has hidden it.
#[component]
pub fn VisitorStatsWidget() -> impl IntoView {
    let rendered = use_chrome().visitor_stats;
    let live = use_live_visitor_stats();
    view! {
        <Show when=move || live.latest.get().unwrap_or(rendered).visible>
            <section class="widget visitor-stats" aria-labelledby="visitor-stats-title">
                <h2 id="visitor-stats-title" class="widget-title">"Thống kê truy cập"</h2>
                <LiveVisitorNumbers rendered/>
            </section>
        </Show>
    }
}

/// The three numbers: rendered with the server's values, then kept current by the live
/// connection. While disconnected the last numbers stay, marked `data-live="offline"`.
#[component]
pub fn LiveVisitorNumbers(rendered: VisitorStats) -> impl IntoView {
    let live = use_live_visitor_stats();
    let stats = move || live.latest.get().unwrap_or(rendered);
    view! {
        <dl class="visitor-numbers" data-live=move || if live.connected.get() { "connected" } else { "offline" }>
            <div><dt>"Đang online:"</dt><dd data-stat="online">{move || stats().online}</dd></div>
            <div><dt>"Hôm nay:"</dt><dd data-stat="today">{move || stats().today}</dd></div>
            <div><dt>"Đã truy cập:"</dt><dd data-stat="total">{move || stats().total}</dd></div>
        </dl>
    }
}
