//! Small components used by several pages.

mod article_card;
mod breadcrumb;
mod pagination;

pub use article_card::ArticleCard;
pub use breadcrumb::{Breadcrumb, CategoryAnchor};
pub use pagination::Pagination;
