use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::{ArticleReadCount, DayVisits, VisitorCounterSettings, VisitorStats};

/// The periods the chart offers, in days.
pub const PERIODS: [u32; 3] = [30, 90, 365];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statistics {
    pub days: Vec<DayVisits>,
    pub most_read: Vec<ArticleReadCount>,
    pub visitor_stats: VisitorStats,
    /// Only for administrators, who may change it.
    pub counter: Option<VisitorCounterSettings>,
}

#[server(endpoint = "get_statistics")]
pub async fn get_statistics(days: u32) -> Result<Statistics, ServerFnError> {
    ssr::load(days).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use chrono::{TimeDelta, Utc};
    use entity::user::Role;
    use http::StatusCode;
    use leptos::prelude::ServerFnError;
    use service::visitors;

    use super::{PERIODS, Statistics};
    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::models::{DayVisits, VisitorCounterSettings};
    use crate::ssr::{app_state, database_error, read_count, refuse, visitor_stats};

    const MOST_READ: u64 = 10;

    pub async fn load(days: u32) -> Result<Statistics, ServerFnError> {
        let account = require_staff(ALL_STAFF).await?;
        if !PERIODS.contains(&days) {
            return Err(refuse(StatusCode::BAD_REQUEST, "Chỉ xem được 30, 90 hoặc 365 ngày gần nhất."));
        }
        let state = app_state()?;
        let db = state.db.reader();
        let last = state.visitors.rules().local_day(Utc::now());
        let first = last - TimeDelta::days(i64::from(days) - 1);
        let history = visitors::daily_history(db, first, last).await.map_err(database_error)?;
        let most_read = visitors::most_read(db, MOST_READ).await.map_err(database_error)?;
        let counter = if account.role == Role::Admin {
            let settings = visitors::counter_settings(db).await.map_err(database_error)?;
            Some(VisitorCounterSettings {
                starting_offset: settings.starting_offset,
                counted_visits: settings.counted_visits,
                widget_visible: settings.widget_visible,
            })
        } else {
            None
        };
        Ok(Statistics {
            days: history
                .into_iter()
                .map(|d| DayVisits { day: d.day, visits: d.visits, page_views: d.page_views })
                .collect(),
            most_read: most_read.into_iter().map(read_count).collect(),
            visitor_stats: visitor_stats(state.visitors.numbers()),
            counter,
        })
    }
}
