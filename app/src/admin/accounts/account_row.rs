use leptos::prelude::*;

use super::{AccountRow, ResetAccountPassword, UpdateAccountAccess};
use crate::components::ActionOutcome;
use crate::models::StaffRole;

const ROLES: [StaffRole; 3] = [StaffRole::Administrator, StaffRole::Editor, StaffRole::Author];

/// One account: its role and state, and a new password.
#[component]
pub fn AccountRowForms(account: AccountRow) -> impl IntoView {
    let access = ServerAction::<UpdateAccountAccess>::new();
    let reset = ServerAction::<ResetAccountPassword>::new();
    let AccountRow { id, username, email, display_name, role, disabled, is_self, .. } = account;
    let role_id = format!("role-{id}");
    let state_id = format!("state-{id}");
    let password_id = format!("password-{id}");
    view! {
        <tr>
            <th scope="row">{display_name}<br/><span class="hint">{format!("{username} · {email}")}</span></th>
            <td>
                <ActionForm action=access attr:class="account-access">
                    <input type="hidden" name="id" value=id/>
                    <label for=role_id.clone()>"Vai trò"</label>
                    <select id=role_id name="role" disabled=is_self>
                        {ROLES.map(|option| view! {
                            <option value=format!("{option:?}") selected=option == role>{option.label()}</option>
                        })}
                    </select>
                    <label for=state_id.clone()>"Trạng thái"</label>
                    <select id=state_id name="disabled" disabled=is_self>
                        <option value="false" selected=!disabled>"Hoạt động"</option>
                        <option value="true" selected=disabled>"Đã khoá"</option>
                    </select>
                    {(!is_self).then(|| view! { <button type="submit">{format!("Lưu quyền của {username}")}</button> })}
                    <ActionOutcome value=access.value() success="Đã lưu."/>
                </ActionForm>
            </td>
            <td>
                <ActionForm action=reset attr:class="account-reset">
                    <input type="hidden" name="id" value=id/>
                    <label for=password_id.clone()>"Mật khẩu mới"</label>
                    <input id=password_id name="password" type="password" autocomplete="new-password" minlength="12" required/>
                    <button type="submit">"Đặt lại mật khẩu"</button>
                    <ActionOutcome value=reset.value() success="Đã đặt lại; tài khoản đã bị đăng xuất."/>
                </ActionForm>
            </td>
        </tr>
    }
}
