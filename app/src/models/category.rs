use serde::{Deserialize, Serialize};

/// Enough of a category to link to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryLink {
    pub slug: String,
    pub name: String,
}

impl CategoryLink {
    pub fn url(&self) -> String {
        format!("/chuyen-muc/{}", self.slug)
    }
}

/// An entry of the main menu with its sub-categories.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenuItem {
    pub category: CategoryLink,
    pub children: Vec<CategoryLink>,
}
