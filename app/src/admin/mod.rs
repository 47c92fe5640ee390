//! The back office at `/quan-tri`. Every server function here checks the account's role itself;
//! what the pages hide is only a convenience.

pub mod dashboard;
mod layout;
pub mod statistics;

pub use layout::AdminLayout;
