use leptos::prelude::*;

use crate::components::ActionOutcome;

/// Shows or hides "Thống kê truy cập" on the public pages. Administrators only.
#[server(endpoint = "set_visitor_widget_visible")]
pub async fn set_visitor_widget_visible(visible: bool) -> Result<(), ServerFnError> {
    use entity::user::Role;
    use service::visitors;

    use crate::admin::audited_change::record_change;
    use crate::auth::ssr::require_staff;
    use crate::ssr::{app_state, database_error};

    let account = require_staff(&[Role::Admin]).await?;
    let state = app_state()?;
    visitors::set_widget_visible(&state.db, visible).await.map_err(database_error)?;
    let summary = if visible { "Hiện bộ đếm truy cập" } else { "Ẩn bộ đếm truy cập" };
    record_change(&account, "visitors.widget", "settings", summary.into()).await?;
    state.visitors.refresh(chrono::Utc::now()).await.map_err(database_error)?;
    Ok(())
}

#[component]
pub fn VisibilityForm(action: ServerAction<SetVisitorWidgetVisible>, visible: bool) -> impl IntoView {
    view! {
        <ActionForm action attr:class="admin-form">
            <p>{if visible { "Bộ đếm đang hiển thị trên trang công khai." } else { "Bộ đếm đang ẩn khỏi trang công khai." }}</p>
            <input type="hidden" name="visible" value=(!visible).to_string()/>
            <button type="submit" disabled=move || action.pending().get()>
                {if visible { "Ẩn bộ đếm" } else { "Hiện bộ đếm" }}
            </button>
            <ActionOutcome value=action.value() success="Đã lưu."/>
        </ActionForm>
    }
}
