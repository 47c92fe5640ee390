use serde::{Deserialize, Serialize};

use super::{ArticleReadCount, DocumentLink, MenuItem, VisitorStats};

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

/// A link to a content page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageLink {
    pub path: String,
    pub title: String,
}

/// Everything around the page content that every page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteChrome {
    /// The address readers reach the site at, without a trailing slash, for canonical URLs and feeds.
    pub public_url: String,
    pub settings: SiteSettings,
    pub menu: Vec<MenuItem>,
    pub web_link_groups: Vec<WebLinkGroup>,
    /// "Giới thiệu", "Liên hệ" and other content pages, in order.
    pub pages: Vec<PageLink>,
    /// "Đọc nhiều nhất": the most-read published articles.
    pub most_read: Vec<ArticleReadCount>,
    /// "Văn bản mới": the newest published legal documents.
    pub latest_documents: Vec<DocumentLink>,
    /// The numbers when the page was rendered; the widget then follows them live.
    pub visitor_stats: VisitorStats,
}
