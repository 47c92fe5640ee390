use serde::{Deserialize, Serialize};

use super::ArticleSummary;

/// A piece of text, marked when it matched the search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSegment {
    pub text: String,
    pub matched: bool,
}

/// One search result with its title and lead split for highlighting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub article: ArticleSummary,
    pub title: Vec<TextSegment>,
    pub summary: Vec<TextSegment>,
}
