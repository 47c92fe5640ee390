use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The widget's numbers are the islands' own type: the readers' bundle parses them too.
pub use islands::VisitorStats;

/// Visits and page views on one day, for the back-office chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayVisits {
    pub day: NaiveDate,
    pub visits: i64,
    pub page_views: i64,
}

/// An article and how often it was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleReadCount {
    pub slug: String,
    pub title: String,
    pub views: i64,
}

/// The counter's settings, shown to administrators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitorCounterSettings {
    pub starting_offset: i64,
    pub counted_visits: i64,
    pub widget_visible: bool,
}
