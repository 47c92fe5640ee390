//! The portal's server: configuration, the HTTP router, and the command-line tasks.

pub mod commands;
pub mod config;
mod feeds;
mod media_library;
mod observability;
pub mod page_cache;
pub mod router;
pub mod security;
pub mod serving;
mod site_files;
mod stalled_renders;
mod visitor_stats;
