//! "Thống kê truy cập": counting each page view once (a beacon from the page's head script or
//! the app, or a pixel inside `<noscript>` without JavaScript) and the widget that follows the
//! numbers live.

mod live;
mod page_view_counter;
mod widget;

pub use live::{LiveVisitorStats, provide_live_visitor_stats, use_live_visitor_stats};
pub use page_view_counter::{CountAppNavigations, FIRST_PAGE_VIEW_SCRIPT, NoscriptPageViewPixel, counts_as_page_view};
pub use widget::{LiveVisitorNumbers, VisitorStatsWidget};

/// Where the hydrated page reports a page view (`POST`, `?trang=/path`).
pub const PAGE_VIEW_PATH: &str = "/api/luot-xem";
/// The same for readers without JavaScript: an image inside `<noscript>` (`GET`).
pub const PAGE_VIEW_PIXEL_PATH: &str = "/api/luot-xem.gif";
/// The current numbers as JSON.
pub const STATS_PATH: &str = "/api/thong-ke";
/// The numbers pushed as server-sent events (`event: stats`).
pub const LIVE_STATS_PATH: &str = "/api/thong-ke/truc-tiep";
