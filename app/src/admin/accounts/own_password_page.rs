use leptos::prelude::*;
use leptos_meta::Title;

use super::ChangeOwnPassword;
use crate::components::ActionOutcome;

/// `/quan-tri/doi-mat-khau`
#[component]
pub fn OwnPasswordPage() -> impl IntoView {
    let action = ServerAction::<ChangeOwnPassword>::new();
    view! {
        <Title text="Đổi mật khẩu - Quản trị"/>
        <h1>"Đổi mật khẩu"</h1>
        <ActionForm action attr:class="admin-form admin-card">
            <label for="current">"Mật khẩu hiện tại"</label>
            <input id="current" name="current" type="password" autocomplete="current-password" required/>
            <label for="new">"Mật khẩu mới (ít nhất 12 ký tự)"</label>
            <input id="new" name="new" type="password" autocomplete="new-password" minlength="12" required/>
            <label for="repeated">"Nhập lại mật khẩu mới"</label>
            <input id="repeated" name="repeated" type="password" autocomplete="new-password" minlength="12" required/>
            <button type="submit" disabled=move || action.pending().get()>"Đổi mật khẩu"</button>
            <ActionOutcome value=action.value() success="Đã đổi mật khẩu."/>
        </ActionForm>
    }
}
