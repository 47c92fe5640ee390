//! `/quan-tri`: the back office's first page.

mod get_dashboard;
mod page;

pub use get_dashboard::{Activity, Dashboard, get_dashboard};
pub use page::DashboardPage;
