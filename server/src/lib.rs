//! The portal's server: configuration, the HTTP router, and the command-line tasks.

pub mod commands;
pub mod config;
mod feeds;
pub mod router;
mod visitor_stats;
