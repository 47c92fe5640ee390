mod get_site_map;
mod page;

pub use get_site_map::{SiteMapData, get_site_map};
pub use page::SiteMapPage;
