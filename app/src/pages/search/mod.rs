mod get_search_page;
mod page;

pub use get_search_page::{GetSearchPage, SearchPageData, SearchParams, get_search_page};

/// The search page; the server rate-limits it and its server function per client address.
pub const SEARCH_PATH: &str = "/tim-kiem";
pub use page::SearchPage;
