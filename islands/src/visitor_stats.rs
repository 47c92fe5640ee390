use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The numbers pushed as server-sent events (`event: stats`).
pub const LIVE_STATS_PATH: &str = "/api/thong-ke/truc-tiep";

/// The numbers of the "Thống kê truy cập" widget, as rendered and as pushed live.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitorStats {
    /// "Đang online": visitors with a page view or an open page in the last few minutes.
    pub online: i64,
    /// "Hôm nay": visits that started today in the site's time zone.
    pub today: i64,
    /// "Đã truy cập": every visit counted, plus the starting offset carried over from an old site.
    pub total: i64,
    /// Whether an administrator shows the widget to readers.
    pub visible: bool,
}

/// The newest numbers pushed by the server to one island.
#[derive(Clone, Copy, Debug)]
struct LiveStats {
    /// `None` until the first push; the island shows the numbers the page was rendered with.
    latest: RwSignal<Option<VisitorStats>>,
    /// Whether the live connection is open. While it is not, the last numbers stay on screen.
    connected: RwSignal<bool>,
}

impl LiveStats {
    /// Opens the live connection once the island runs in the browser (effects never run on the
    /// server). The island lives in the sidebar, which the reader script never replaces, so a
    /// visit keeps this one connection across every page it opens.
    fn follow() -> Self {
        let live = Self { latest: RwSignal::new(None), connected: RwSignal::new(false) };
        Effect::new(move |_| {
            crate::browser::follow_server_events(
                LIVE_STATS_PATH,
                "stats",
                move |data| {
                    if let Ok(stats) = serde_json::from_str::<VisitorStats>(&data) {
                        live.latest.set(Some(stats));
                    }
                },
                move |open| live.connected.set(open),
            );
        });
        live
    }

    fn current(self, rendered: VisitorStats) -> impl Fn() -> VisitorStats + Copy {
        move || self.latest.get().unwrap_or(rendered)
    }
}

/// "Thống kê truy cập" in the sidebar, unless an administrator has hidden it (which takes effect
/// on open pages too, with the next push).
#[island]
pub fn VisitorStatsWidget(rendered: VisitorStats) -> impl IntoView {
    let live = LiveStats::follow();
    let stats = live.current(rendered);
    view! {
        <Show when=move || stats().visible>
            <section class="widget visitor-stats" aria-labelledby="visitor-stats-title">
                <h2 id="visitor-stats-title" class="widget-title">"Thống kê truy cập"</h2>
                <Numbers live rendered/>
            </section>
        </Show>
    }
}

/// The three numbers alone, kept current (the back office's dashboard and statistics pages).
#[island]
pub fn LiveVisitorNumbers(rendered: VisitorStats) -> impl IntoView {
    let live = LiveStats::follow();
    view! { <Numbers live rendered/> }
}

/// The numbers: rendered with the server's values, then kept current by the live connection.
/// While disconnected the last numbers stay, marked `data-live="offline"`.
#[component]
fn Numbers(live: LiveStats, rendered: VisitorStats) -> impl IntoView {
    let stats = live.current(rendered);
    view! {
        <dl class="visitor-numbers" data-live=move || if live.connected.get() { "connected" } else { "offline" }>
            <div><dt>"Đang online:"</dt><dd data-stat="online">{move || stats().online}</dd></div>
            <div><dt>"Hôm nay:"</dt><dd data-stat="today">{move || stats().today}</dd></div>
            <div><dt>"Đã truy cập:"</dt><dd data-stat="total">{move || stats().total}</dd></div>
        </dl>
    }
}
