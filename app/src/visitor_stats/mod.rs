//! "Thống kê truy cập": counting each page view once (a beacon from the reader script, or a pixel
//! inside `<noscript>` without JavaScript) and the widget that follows the numbers live (an
//! island, in the `islands` crate).

mod live_visitor_numbers;
mod page_view_counter;

pub use islands::{LIVE_STATS_PATH, VisitorStatsWidget};
pub use live_visitor_numbers::LiveVisitorNumbers;
pub use page_view_counter::{CountAppNavigations, NoscriptPageViewPixel, counts_as_page_view};

/// Where the browser reports a page view (`POST`, `?trang=/path`).
pub const PAGE_VIEW_PATH: &str = "/api/luot-xem";
/// The same for readers without JavaScript: an image inside `<noscript>` (`GET`).
pub const PAGE_VIEW_PIXEL_PATH: &str = "/api/luot-xem.gif";
/// The current numbers as JSON.
pub const STATS_PATH: &str = "/api/thong-ke";
