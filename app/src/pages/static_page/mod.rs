mod get_static_page;
mod page;

pub use get_static_page::{StaticPageData, get_static_page};
pub use page::StaticPage;
