//! The portal as a Leptos application: rendered on the server, hydrated in the browser.
//!
//! - `models`: the typed data shared by server and browser (plain serde types).
//! - `pages`: one folder a page, each with its component and the server function feeding it.
//! - `layout`: the chrome around every page (header, menu, sidebar widgets, footer).
//! - `ssr`: server-only glue (application state, conversions from database rows).

pub mod app;
mod browser;
pub mod components;
pub mod format;
pub mod layout;
pub mod models;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod url;

pub use app::{App, shell};
