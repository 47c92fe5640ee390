use leptos::prelude::*;
use leptos_meta::Title;

use super::{AccountRowForms, CreateAccount, list_accounts};
use crate::components::{ActionOutcome, ErrorMessage};

/// `/quan-tri/tai-khoan`: administrators manage who may use the back office.
#[component]
pub fn AccountsPage() -> impl IntoView {
    let create = ServerAction::<CreateAccount>::new();
    let accounts = Resource::new(move || create.version().get(), |_| list_accounts());
    view! {
        <Title text="Tài khoản - Quản trị"/>
        <h1>"Tài khoản và vai trò"</h1>
        <Suspense fallback=|| view! { <p>"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match accounts.await {
                    Ok(accounts) => view! {
                        <table class="article-list accounts">
                            <thead><tr><th scope="col">"Tài khoản"</th><th scope="col">"Quyền"</th><th scope="col">"Mật khẩu"</th></tr></thead>
                            <tbody>{accounts.into_iter().map(|account| view! { <AccountRowForms account/> }).collect_view()}</tbody>
                        </table>
                    }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
        <section class="admin-card" aria-labelledby="new-account">
            <h2 id="new-account">"Thêm tài khoản"</h2>
            <ActionForm action=create attr:class="admin-form">
                <label for="new-username">"Tên đăng nhập"</label>
                <input id="new-username" name="username" autocomplete="off" required/>
                <label for="new-email">"Email"</label>
                <input id="new-email" name="email" type="email" required/>
                <label for="new-display-name">"Họ và tên"</label>
                <input id="new-display-name" name="display_name"/>
                <label for="new-role">"Vai trò"</label>
                <select id="new-role" name="role">
                    <option value="Author">"Phóng viên"</option>
                    <option value="Editor">"Biên tập viên trưởng"</option>
                    <option value="Administrator">"Quản trị"</option>
                </select>
                <label for="new-password">"Mật khẩu (ít nhất 12 ký tự)"</label>
                <input id="new-password" name="password" type="password" autocomplete="new-password" minlength="12" required/>
                <button type="submit" disabled=move || create.pending().get()>"Thêm tài khoản"</button>
                <ActionOutcome value=create.value() success="Đã thêm tài khoản."/>
            </ActionForm>
        </section>
    }
}
