use leptos::prelude::*;
use leptos_meta::Title;

use super::get_dashboard;
use crate::components::ErrorMessage;
use crate::format::date_time;
use crate::visitor_stats::LiveVisitorNumbers;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let dashboard = Resource::new(|| (), |_| get_dashboard());
    view! {
        <Title text="Tổng quan - Quản trị"/>
        <Suspense fallback=|| view! { <p>"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match dashboard.await {
                    Ok(dashboard) => view! {
                        <h1>"Xin chào, "{dashboard.staff.display_name}</h1>
                        <section class="admin-card" aria-labelledby="dashboard-articles">
                            <h2 id="dashboard-articles">"Bài viết"</h2>
                            <ul class="status-counts">
                                {dashboard.counts.into_iter().map(|(status, count)| view! {
                                    <li><a href=format!("/quan-tri/bai-viet?trang-thai={}", status.query_value())>
                                        <span class="count">{count}</span>" "{status.label()}
                                    </a></li>
                                }).collect_view()}
                            </ul>
                            <p><a class="button" href="/quan-tri/bai-viet/moi">"Viết bài mới"</a></p>
                        </section>
                        {(!dashboard.waiting_for_review.is_empty()).then(|| view! {
                            <section class="admin-card" aria-labelledby="dashboard-queue">
                                <h2 id="dashboard-queue">"Bài chờ duyệt"</h2>
                                <ul>
                                    {dashboard.waiting_for_review.into_iter().map(|row| view! {
                                        <li>
                                            <a href=format!("/quan-tri/bai-viet/{}", row.id)>{row.title}</a>
                                            {format!(" — {} · gửi {}", row.written_by.unwrap_or_default(), date_time(row.updated_at))}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </section>
                        })}
                        <section class="admin-card" aria-labelledby="dashboard-visitors">
                            <h2 id="dashboard-visitors">"Thống kê truy cập"</h2>
                            <LiveVisitorNumbers rendered=dashboard.visitor_stats/>
                            <p><a href="/quan-tri/thong-ke">"Xem biểu đồ và bài đọc nhiều"</a></p>
                        </section>
                        {(!dashboard.recent_activity.is_empty()).then(|| view! {
                            <section class="admin-card" aria-labelledby="dashboard-activity">
                                <h2 id="dashboard-activity">"Hoạt động gần đây"</h2>
                                <ul class="activity">
                                    {dashboard.recent_activity.into_iter().map(|entry| view! {
                                        <li><time>{date_time(entry.at)}</time>" · "<strong>{entry.username}</strong>" · "{entry.summary}</li>
                                    }).collect_view()}
                                </ul>
                            </section>
                        })}
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorMessage error/> <p><a href=crate::auth::SIGN_IN_PATH>"Đăng nhập"</a></p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
