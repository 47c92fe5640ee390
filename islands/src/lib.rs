//! The reader pages' interactive parts, as Leptos islands.
//!
//! Reader pages are rendered on the server by server-only components (`app`); only the parts here
//! run in the browser. Each `#[island]` is rendered by the server inside a `<leptos-island>`
//! element and brought to life by the readers' wasm bundle
//! (`frontend/`), which holds nothing else: no page, no router, no server function.
//!
//! - `visitor_stats`: "Thống kê truy cập", kept current by one live connection a page;
//! - `reading_tools`: the article's text size, print and copy-link buttons;
//! - `browser`: the browser APIs they call.

pub mod browser;
pub mod reading_tools;
pub mod visitor_stats;

pub use reading_tools::{LARGEST_TEXT_SIZE, NORMAL_TEXT_SIZE, ReadingTools};
pub use visitor_stats::{LIVE_STATS_PATH, LiveStats, VisitorNumbers, VisitorStats, VisitorStatsWidget};
