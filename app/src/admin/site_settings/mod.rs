//! `/quan-tri/cai-dat`: the agency's name, emblem and footer lines. Administrators only.

mod get_site_settings;
mod page;
mod save_site_settings;

pub use get_site_settings::{GetSiteSettings, get_site_settings};
pub use page::SiteSettingsPage;
pub use save_site_settings::{SaveSiteSettings, save_site_settings};
