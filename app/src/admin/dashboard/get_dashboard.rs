use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::{StaffMember, VisitorStats};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub staff: StaffMember,
    pub visitor_stats: VisitorStats,
}

#[server(endpoint = "get_dashboard")]
pub async fn get_dashboard() -> Result<Dashboard, ServerFnError> {
    use crate::auth::ssr::{ALL_STAFF, require_staff, staff_member};
    use crate::ssr::{app_state, visitor_stats};

    let account = require_staff(ALL_STAFF).await?;
    let state = app_state()?;
    Ok(Dashboard { staff: staff_member(&account), visitor_stats: visitor_stats(state.visitors.numbers()) })
}
