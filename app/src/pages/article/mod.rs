mod get_article_page;
mod page;

pub use get_article_page::{ArticleLookup, ArticlePageData, get_article_page};
pub use page::{ArticleContent, ArticlePage};
