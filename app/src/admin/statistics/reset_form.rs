use leptos::prelude::*;

use crate::components::ActionOutcome;

/// Forgets every counted visit and the daily history. Administrators only, and only with the
/// confirmation box ticked.
#[server(endpoint = "reset_visitor_counts")]
pub async fn reset_visitor_counts(confirm: Option<String>) -> Result<(), ServerFnError> {
    use entity::user::Role;
    use http::StatusCode;
    use service::visitors;

    use crate::admin::audited_change::record_change;
    use crate::auth::ssr::require_staff;
    use crate::ssr::{app_state, database_error, refuse};

    let account = require_staff(&[Role::Admin]).await?;
    if confirm.as_deref() != Some("yes") {
        return Err(refuse(StatusCode::BAD_REQUEST, "Hãy đánh dấu ô xác nhận trước khi đặt lại bộ đếm."));
    }
    let state = app_state()?;
    visitors::reset_counts(&state.db).await.map_err(database_error)?;
    tracing::warn!(username = %account.username, "the visitor counts were reset");
    record_change(&account, "visitors.reset", "settings", "Đặt lại bộ đếm truy cập".into()).await?;
    state.visitors.refresh(chrono::Utc::now()).await.map_err(database_error)?;
    Ok(())
}

#[component]
pub fn ResetForm(action: ServerAction<ResetVisitorCounts>) -> impl IntoView {
    view! {
        <ActionForm action attr:class="admin-form danger">
            <p>"Đặt lại xóa mọi lượt truy cập đã đếm và lịch sử theo ngày: “Đã truy cập” trở về số bắt đầu, “Hôm nay” về 0. Không thể hoàn tác."</p>
            <label class="checkbox">
                <input type="checkbox" name="confirm" value="yes" required/>
                " Tôi hiểu và muốn đặt lại bộ đếm"
            </label>
            <button type="submit" disabled=move || action.pending().get()>"Đặt lại bộ đếm"</button>
            <ActionOutcome value=action.value() success="Đã đặt lại bộ đếm."/>
        </ActionForm>
    }
}
