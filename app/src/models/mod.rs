//! Typed models shared by the server and the browser. No database types here: these cross the wire.

mod article;
mod category;
mod site;
mod visitor;

pub use article::{Article, ArticleSummary};
pub use category::{CategoryLink, MenuItem};
pub use site::{SiteChrome, SiteSettings, WebLink, WebLinkGroup};
pub use visitor::VisitorStats;
