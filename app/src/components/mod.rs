//! Small components used by several pages.

mod action_outcome;
mod article_card;
mod breadcrumb;
mod error_message;
mod page_meta;
mod pagination;
mod reader_toolbar;
mod structured_data;

pub use action_outcome::ActionOutcome;
pub use article_card::ArticleCard;
pub use breadcrumb::{Breadcrumb, CategoryAnchor};
pub use error_message::{ErrorMessage, error_text};
pub use page_meta::PageMeta;
pub use pagination::Pagination;
pub use reader_toolbar::ReaderToolbar;
pub use structured_data::StructuredData;
