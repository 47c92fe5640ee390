use leptos::prelude::*;

use crate::models::VisitorStats;

/// The newest numbers pushed by the server, shared by every widget on the page.
#[derive(Clone, Copy, Debug)]
pub struct LiveVisitorStats {
    /// `None` until the first push; widgets show the numbers the page was rendered with.
    pub latest: RwSignal<Option<VisitorStats>>,
    /// Whether the live connection is open. While it is not, the last numbers stay on screen.
    pub connected: RwSignal<bool>,
}

/// Creates the shared numbers and, in the browser, opens the live connection once for the page.
pub fn provide_live_visitor_stats() {
    let live = LiveVisitorStats { latest: RwSignal::new(None), connected: RwSignal::new(false) };
    provide_context(live);
    // Effects run only in the browser, after hydration.
    Effect::new(move |_| {
        crate::browser::follow_server_events(
            super::LIVE_STATS_PATH,
            "stats",
            move |data| {
                if let Ok(stats) = serde_json::from_str::<VisitorStats>(&data) {
                    live.latest.set(Some(stats));
                }
            },
            move |open| live.connected.set(open),
        );
    });
}

pub fn use_live_visitor_stats() -> LiveVisitorStats {
    expect_context::<LiveVisitorStats>()
}
