mod get_home_page;
mod page;

pub use get_home_page::{HomePageData, get_home_page};
pub use page::HomePage;
