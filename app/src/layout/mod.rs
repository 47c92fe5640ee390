//! The chrome around every page: header with menu, sidebar widgets, footer.

mod footer;
mod get_site_chrome;
mod header;
mod header_search;
mod latest_documents;
mod menu_links;
mod most_read;
mod reader_layout;
mod reader_script;
mod sidebar;
mod web_links;

pub use footer::Footer;
pub use get_site_chrome::get_site_chrome;
pub use header::Header;
pub use header_search::HeaderSearch;
pub use latest_documents::LatestDocumentsWidget;
pub use menu_links::MenuLinks;
pub use most_read::MostReadWidget;
pub use reader_layout::{ReaderFrame, ReaderLayout};
pub use reader_script::ReaderScript;
pub use sidebar::Sidebar;
pub use web_links::WebLinksWidget;

use leptos::prelude::*;

use crate::models::SiteChrome;

/// The site chrome (settings, menu, links, most read, visitor numbers), loaded once by the reader
/// frame and shared, already loaded, with the header, sidebar, footer and pages inside it.
pub fn use_chrome() -> SiteChrome {
    expect_context::<SiteChrome>()
}
