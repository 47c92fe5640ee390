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

/// The newest numbers pushed by the server to one island, or to the back office's live numbers.
#[derive(Clone, Copy, Debug)]
pub struct LiveStats {
    /// `None` until the first push; until then the numbers the page was rendered with are shown.
    latest: RwSignal<Option<VisitorStats>>,
    /// Whether the live connection is open. While it is not, the last numbers stay on screen.
    connected: RwSignal<bool>,
}

impl LiveStats {
    /// Opens the live connection (in the browser only: on the server this does nothing), closed
    /// when the view that follows it goes. The readers' island lives in the sidebar, which the
    /// reader script never replaces, so a visit keeps this one connection across every page it
    /// opens; a back-office page closes its own when the editor moves on.
    pub fn follow() -> Self {
        let live = Self { latest: RwSignal::new(None), connected: RwSignal::new(false) };
        let events = crate::browser::follow_server_events(
            LIVE_STATS_PATH,
            "stats",
            move |data| {
                if let Some(stats) = parse_pushed(&data) {
                    live.latest.set(Some(stats));
                }
            },
            move |open| live.connected.set(open),
        );
        on_cleanup(move || events.close());
        live
    }

    fn current(self, rendered: VisitorStats) -> impl Fn() -> VisitorStats + Copy {
        move || self.latest.get().unwrap_or(rendered)
    }
}

/// "Thống kê truy cập" in the sidebar, unless an administrator has hidden it (which takes effect
/// on open pages too, with the next push). The sidebar provides the numbers it is rendered with
/// as context (`VisitorStats`) rather than as a prop: an island's props travel as JSON, and
/// reading them would bring a JSON parser into the readers' bundle. The browser reads them back
/// from the rendered page instead.
#[island]
pub fn VisitorStatsWidget() -> impl IntoView {
    let rendered = rendered_stats();
    let live = LiveStats::follow();
    let stats = live.current(rendered);
    move || {
        stats().visible.then(|| {
            view! {
                <section class="widget visitor-stats" aria-labelledby="visitor-stats-title">
                    <h2 id="visitor-stats-title" class="widget-title">"Thống kê truy cập"</h2>
                    <VisitorNumbers live rendered/>
                </section>
            }
        })
    }
}

/// The numbers: rendered with the server's values, then kept current by the live connection.
/// While disconnected the last numbers stay, marked `data-live="offline"`.
#[component]
pub fn VisitorNumbers(live: LiveStats, rendered: VisitorStats) -> impl IntoView {
    let stats = live.current(rendered);
    view! {
        <dl class="visitor-numbers" data-live=move || if live.connected.get() { "connected" } else { "offline" }>
            <div><dt>"Đang online:"</dt><dd data-stat="online">{move || stats().online}</dd></div>
            <div><dt>"Hôm nay:"</dt><dd data-stat="today">{move || stats().today}</dd></div>
            <div><dt>"Đã truy cập:"</dt><dd data-stat="total">{move || stats().total}</dd></div>
        </dl>
    }
}

#[cfg(not(feature = "hydrate"))]
fn rendered_stats() -> VisitorStats {
    use_context::<VisitorStats>().expect("the sidebar provides the visitor numbers to its widget")
}

/// What the server rendered: the widget's numbers, or no widget when it was hidden.
#[cfg(feature = "hydrate")]
fn rendered_stats() -> VisitorStats {
    let document = web_sys::window().and_then(|window| window.document());
    let number = |name: &str| {
        let shown = document.as_ref()?.query_selector(&[".visitor-stats [data-stat=", name, "]"].concat()).ok()??;
        shown.text_content()?.trim().parse().ok()
    };
    match (number("online"), number("today"), number("total")) {
        (Some(online), Some(today), Some(total)) => VisitorStats { online, today, total, visible: true },
        _ => VisitorStats { online: 0, today: 0, total: 0, visible: false },
    }
}

/// One pushed event's JSON, read with the browser's own parser (see `VisitorStatsWidget`).
#[cfg(feature = "hydrate")]
fn parse_pushed(data: &str) -> Option<VisitorStats> {
    let pushed = js_sys::JSON::parse(data).ok()?;
    let field = |name: &str| js_sys::Reflect::get(&pushed, &name.into()).ok();
    let number = |name: &str| field(name)?.as_f64().filter(|n| n.fract() == 0.0).map(|n| n as i64);
    Some(VisitorStats {
        online: number("online")?,
        today: number("today")?,
        total: number("total")?,
        visible: field("visible")?.as_bool()?,
    })
}

/// Nothing is pushed to the server's render.
#[cfg(not(feature = "hydrate"))]
fn parse_pushed(_data: &str) -> Option<VisitorStats> {
    None
}
