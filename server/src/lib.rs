//! The portal's server: configuration, the HTTP router, and the command-line tasks.

// The rendered pages' view types (the app's, instantiated here by the router) are deeply nested.
#![recursion_limit = "256"]

pub mod commands;
pub mod config;
mod database_error;
mod feeds;
mod legal_documents;
mod media_library;
mod observability;
pub mod page_cache;
pub mod router;
pub mod security;
pub mod serving;
mod site_files;
mod visitor_stats;
