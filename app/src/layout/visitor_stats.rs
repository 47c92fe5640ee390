use leptos::prelude::*;

use super::use_chrome;

/// "Thống kê truy cập", with the numbers the server has stored.
#[component]
pub fn VisitorStatsWidget() -> impl IntoView {
    let chrome = use_chrome();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                chrome.await.ok().and_then(|chrome| chrome.visitor_stats).map(|stats| view! {
                    <section class="widget visitor-stats" aria-labelledby="visitor-stats-title">
                        <h2 id="visitor-stats-title" class="widget-title">"Thống kê truy cập"</h2>
                        <dl>
                            <div><dt>"Hôm nay:"</dt><dd data-stat="today">{stats.today}</dd></div>
                            <div><dt>"Đã truy cập:"</dt><dd data-stat="total">{stats.total}</dd></div>
                        </dl>
                    </section>
                })
            })}
        </Suspense>
    }
}
