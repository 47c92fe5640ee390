//! The data layer shared by the server binary and the app's server functions.
//!
//! Queries and mutations are thin functions over sea-orm that return `Result<_, DbErr>`;
//! anything that decides "now" takes it as a parameter so tests can pin the clock.

pub mod articles;
pub mod audit;
pub mod backup;
pub mod categories;
pub mod clock;
pub mod db;
pub mod db_failure;
pub mod demo;
pub mod editorial;
pub mod import;
pub mod known_devices;
pub mod legal_documents;
pub mod media_library;
pub mod ordering;
pub mod passwords;
pub mod reader_content;
pub mod search;
pub mod sessions;
pub mod sign_in_throttle;
pub mod site;
pub mod static_pages;
pub mod users;
pub mod visitors;

pub use db::Database;
pub use sea_orm::DbErr;
/// Text folding, slugs and the sanitiser, re-exported for the app and the server.
pub use text;
