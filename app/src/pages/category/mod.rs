mod get_category_page;
mod page;

pub use get_category_page::{CategoryPageData, get_category_page};
pub use page::CategoryPage;
