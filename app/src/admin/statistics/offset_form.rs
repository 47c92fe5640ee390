use leptos::prelude::*;

use crate::components::ActionOutcome;

/// Sets the number "Đã truy cập" continues from. Administrators only.
#[server(endpoint = "set_visitor_offset")]
pub async fn set_visitor_offset(offset: String) -> Result<(), ServerFnError> {
    use entity::user::Role;
    use http::StatusCode;
    use service::visitors::{self, CounterError};

    use crate::admin::audited_change::record_change;
    use crate::auth::ssr::require_staff;
    use crate::ssr::{app_state, database_error, refuse};

    let account = require_staff(&[Role::Admin]).await?;
    // Accept the thousands separators people type: "7.837.536", "7 837 536".
    let digits: String = offset.chars().filter(|c| !matches!(c, '.' | ',' | ' ')).collect();
    let Ok(offset) = digits.parse::<i64>() else {
        return Err(refuse(StatusCode::BAD_REQUEST, "Số bắt đầu phải là một số nguyên, ví dụ 7837536."));
    };
    let state = app_state()?;
    match visitors::set_starting_offset(&state.db, offset).await {
        Ok(()) => {}
        Err(CounterError::Database(error)) => return Err(database_error(error)),
        Err(invalid) => return Err(refuse(StatusCode::BAD_REQUEST, invalid.to_string())),
    }
    record_change(&account, "visitors.offset", "settings", format!("Đặt số bắt đầu của bộ đếm: {offset}")).await?;
    state.visitors.refresh(chrono::Utc::now()).await.map_err(database_error)?;
    Ok(())
}

#[component]
pub fn OffsetForm(action: ServerAction<SetVisitorOffset>, starting_offset: i64) -> impl IntoView {
    view! {
        <ActionForm action attr:class="admin-form">
            <label for="visitor-offset">"Số bắt đầu của “Đã truy cập”"</label>
            <p class="hint" id="visitor-offset-hint">"Tổng lượt truy cập từ hệ thống cũ; số lượt mới được cộng thêm vào số này."</p>
            <input id="visitor-offset" name="offset" inputmode="numeric" required
                value=starting_offset.to_string() aria-describedby="visitor-offset-hint"/>
            <button type="submit" disabled=move || action.pending().get()>"Lưu số bắt đầu"</button>
            <ActionOutcome value=action.value() success="Đã lưu số bắt đầu."/>
        </ActionForm>
    }
}
