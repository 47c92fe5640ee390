use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{
    OffsetForm, PERIODS, ResetForm, ResetVisitorCounts, SetVisitorOffset, SetVisitorWidgetVisible, VisibilityForm,
    VisitsChart, get_statistics,
};
use crate::components::ErrorMessage;
use crate::models::article_url;
use crate::visitor_stats::LiveVisitorNumbers;

#[component]
pub fn StatisticsPage() -> impl IntoView {
    let query = use_query_map();
    let days = move || query.read().get("ngay").map_or(Ok(PERIODS[0]), |text| text.parse::<u32>()).unwrap_or(0);
    let set_offset = ServerAction::<SetVisitorOffset>::new();
    let reset = ServerAction::<ResetVisitorCounts>::new();
    let set_visible = ServerAction::<SetVisitorWidgetVisible>::new();
    let statistics = Resource::new(
        move || (days(), set_offset.version().get(), reset.version().get(), set_visible.version().get()),
        |(days, ..)| get_statistics(days),
    );
    view! {
        <Title text="Thống kê truy cập - Quản trị"/>
        <h1>"Thống kê truy cập"</h1>
        <nav class="period-links" aria-label="Khoảng thời gian">
            {PERIODS.map(|period| view! {
                <a href=format!("/quan-tri/thong-ke?ngay={period}")
                    aria-current=move || (days() == period).then_some("page")>{format!("{period} ngày")}</a>
            })}
        </nav>
        <Suspense fallback=|| view! { <p>"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match statistics.await {
                    Ok(statistics) => view! {
                        <section class="admin-card" aria-labelledby="stats-now">
                            <h2 id="stats-now">"Ngay lúc này"</h2>
                            <LiveVisitorNumbers rendered=statistics.visitor_stats/>
                        </section>
                        <section class="admin-card" aria-labelledby="stats-days">
                            <h2 id="stats-days">{format!("Lượt truy cập {} ngày gần nhất", statistics.days.len())}</h2>
                            <VisitsChart days=statistics.days/>
                        </section>
                        <section class="admin-card" aria-labelledby="stats-most-read">
                            <h2 id="stats-most-read">"Bài viết được đọc nhiều nhất"</h2>
                            {if statistics.most_read.is_empty() {
                                view! { <p>"Chưa có lượt đọc nào."</p> }.into_any()
                            } else {
                                view! {
                                    <table class="most-read">
                                        <thead><tr><th scope="col">"Bài viết"</th><th scope="col">"Lượt đọc"</th></tr></thead>
                                        <tbody>
                                            {statistics.most_read.into_iter().map(|article| view! {
                                                <tr><td><a href=article_url(&article.slug)>{article.title}</a></td><td>{article.views}</td></tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                }.into_any()
                            }}
                        </section>
                        {statistics.counter.map(|counter| view! {
                            <section class="admin-card" aria-labelledby="stats-settings">
                                <h2 id="stats-settings">"Cài đặt bộ đếm"</h2>
                                <p>{format!("Đã đếm được {} lượt truy cập trên hệ thống này.", counter.counted_visits)}</p>
                                <OffsetForm action=set_offset starting_offset=counter.starting_offset/>
                                <VisibilityForm action=set_visible visible=counter.widget_visible/>
                                <ResetForm action=reset/>
                            </section>
                        })}
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
