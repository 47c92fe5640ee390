mod get_search_page;
mod page;

pub use get_search_page::{SearchPageData, SearchParams, get_search_page};
pub use page::SearchPage;
