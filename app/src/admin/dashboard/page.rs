use leptos::prelude::*;
use leptos_meta::Title;

use super::get_dashboard;
use crate::components::ErrorMessage;
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
                        <section class="admin-card" aria-labelledby="dashboard-visitors">
                            <h2 id="dashboard-visitors">"Thống kê truy cập"</h2>
                            <LiveVisitorNumbers rendered=dashboard.visitor_stats/>
                            <p><a href="/quan-tri/thong-ke">"Xem biểu đồ và bài đọc nhiều"</a></p>
                        </section>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorMessage error/> <p><a href=crate::auth::SIGN_IN_PATH>"Đăng nhập"</a></p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
