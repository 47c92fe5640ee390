use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::components::{A, Outlet};

use crate::auth::{SignOutButton, get_current_staff};
use crate::models::StaffRole;

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
                    <A href="/quan-tri/bai-viet">"Bài viết"</A>
                    <A href="/quan-tri/thu-vien">"Thư viện tệp"</A>
                    <A href="/quan-tri/chuyen-muc">"Chuyên mục"</A>
                    <A href="/quan-tri/thong-ke">"Thống kê truy cập"</A>
                    <Suspense>
                        {move || Suspend::new(async move {
                            let administrator = staff.await.ok().flatten().is_some_and(|m| m.role == StaffRole::Administrator);
                            administrator.then(|| view! {
                                <A href="/quan-tri/tai-khoan">"Tài khoản"</A>
                                <A href="/quan-tri/lien-ket">"Liên kết"</A>
                                <A href="/quan-tri/cai-dat">"Cài đặt"</A>
                                <A href="/quan-tri/nhat-ky">"Nhật ký"</A>
                            })
                        })}
                    </Suspense>
                    <a href="/">"Xem trang công khai"</a>
                </nav>
                <Suspense>
                    {move || Suspend::new(async move {
                        staff.await.ok().flatten().map(|member| view! {
                            <div class="admin-account">
                                <span>{member.display_name}" · "{member.role.label()}</span>
                                <a href="/quan-tri/doi-mat-khau">"Đổi mật khẩu"</a>
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
