use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The numbers of the "Thống kê truy cập" widget, as rendered and as pushed live.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitorStats {
    /// "Đang online": visitors with a page view or an open page in the last few minutes.
    pub online: i64,
    /// "Hôm nay": visits that started today in the site's time zone.
    pub today: i64,
    /// "Đã truy cập": every visit counted, plus the starting offset carried over from an old site.
    pub total: i64,
    /// Whether an administrator shows the widget to readers.
    pub visible: bool,
}

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
