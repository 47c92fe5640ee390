//! The chrome around every page: header with menu, sidebar widgets, footer.

mod footer;
mod get_site_chrome;
mod header;
mod header_search;
mod most_read;
mod reader_layout;
mod sidebar;
mod web_links;

pub use footer::Footer;
pub use get_site_chrome::get_site_chrome;
pub use header::Header;
pub use header_search::HeaderSearch;
pub use most_read::MostReadWidget;
pub use reader_layout::{ReaderFrame, ReaderLayout};
pub use sidebar::Sidebar;
pub use web_links::WebLinksWidget;

use leptos::prelude::*;

use crate::models::SiteChrome;

/// The site chrome, loaded once per page load and shared by the header, sidebar and footer.
pub type ChromeResource = Resource<Result<SiteChrome, ServerFnError>>;

pub fn use_chrome() -> ChromeResource {
    expect_context::<ChromeResource>()
}
