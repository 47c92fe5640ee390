//! The portal as a Leptos application, rendered on the server. Reader pages are server-only
//! components with islands (the `islands` crate); the back office is hydrated whole in the browser.
//!
//! - `models`: the typed data shared by server and browser (plain serde types).
//! - `pages`: one folder a page, each with its component and the server function feeding it.
//! - `layout`: the chrome around every page (header, menu, sidebar widgets, footer).
//! - `visitor_stats`: counting page views and the live "Thống kê truy cập" widget.
//! - `auth`: signing in and out of the back office; `admin`: the back-office pages.
//! - `ssr`: server-only glue (application state, conversions from database rows).

// The reader frame's hydrated view type is deeply nested.
#![recursion_limit = "256"]

pub mod admin;
pub mod app;
pub mod auth;
pub mod components;
pub mod format;
pub mod layout;
pub mod models;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod url;
pub mod visitor_stats;

pub use app::{App, BACK_OFFICE_PATH, back_office_bundle, shell};
