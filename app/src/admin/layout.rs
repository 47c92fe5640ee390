use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::components::{A, Outlet};

use crate::auth::{SignOutButton, get_current_staff};

/// The back office's frame: its own header and navigation, no reader chrome.
#[component]
pub fn AdminLayout() -> impl IntoView {
    let staff = Resource::new(|| (), |_| get_current_staff());
    view! {
        <Meta name="robots" content="noindex"/>
        <div class="admin">
            <header class="admin-header">
                <a class="admin-brand" href="/quan-tri">"Quản trị cổng thông tin"</a>
                <nav class="admin-nav" aria-label="Quản trị">
                    <A href="/quan-tri" exact=true>"Tổng quan"</A>
                    <A href="/quan-tri/thong-ke">"Thống kê truy cập"</A>
                    <a href="/">"Xem trang công khai"</a>
                </nav>
                <Suspense>
                    {move || Suspend::new(async move {
                        staff.await.ok().flatten().map(|member| view! {
                            <div class="admin-account">
                                <span>{member.display_name}" · "{member.role.label()}</span>
                                <SignOutButton/>
                            </div>
                        })
                    })}
                </Suspense>
            </header>
            <main id="noi-dung" class="admin-main" tabindex="-1">
                <Outlet/>
            </main>
        </div>
    }
}
