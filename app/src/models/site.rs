use serde::{Deserialize, Serialize};

use super::{MenuItem, VisitorStats};

/// The agency's identity, shown in the header and footer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSettings {
    pub site_name: String,
    pub agency_name: String,
    pub emblem_url: String,
    pub licence: String,
    pub responsible_person: String,
    pub address: String,
    pub phone: String,
    pub fax: String,
    pub email: String,
    pub designed_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebLink {
    pub title: String,
    pub url: String,
}

/// A group of the "Liên kết website" widget.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebLinkGroup {
    pub name: String,
    pub links: Vec<WebLink>,
}

/// Everything around the page content that every page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteChrome {
    pub settings: SiteSettings,
    pub menu: Vec<MenuItem>,
    pub web_link_groups: Vec<WebLinkGroup>,
    /// `None` when an administrator has hidden the widget.
    pub visitor_stats: Option<VisitorStats>,
}
