//! The reader pages, one folder each: the component and the server function that feeds it.

pub mod article;
pub mod category;
pub mod home;
pub mod legal_documents;
mod not_found;
pub mod search;
pub mod site_map;
pub mod static_page;

pub use not_found::{NotFound, set_not_found_status};
