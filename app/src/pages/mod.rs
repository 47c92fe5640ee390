//! The reader pages, one folder each: the component and the server function that feeds it.

pub mod article;
pub mod category;
pub mod home;
mod not_found;

pub use not_found::{NotFound, set_not_found_status};
