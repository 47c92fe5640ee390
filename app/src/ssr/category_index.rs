use std::collections::HashMap;

use entity::category;

use crate::models::{CategoryLink, MenuItem};

/// The whole category tree in memory (it is small), for menus, breadcrumbs and sub-trees.
pub struct CategoryIndex {
    /// In editorial order: by position, then id.
    ordered: Vec<category::Model>,
    position_by_id: HashMap<i32, usize>,
}

impl CategoryIndex {
    pub fn new(ordered: Vec<category::Model>) -> Self {
        let position_by_id = ordered.iter().enumerate().map(|(index, c)| (c.id, index)).collect();
        Self { ordered, position_by_id }
    }

    pub fn get(&self, id: i32) -> Option<&category::Model> {
        self.position_by_id.get(&id).map(|&index| &self.ordered[index])
    }

    pub fn by_slug(&self, slug: &str) -> Option<&category::Model> {
        self.ordered.iter().find(|c| c.slug == slug)
    }

    pub fn link(&self, id: i32) -> CategoryLink {
        self.get(id).map_or_else(
            || CategoryLink { slug: String::new(), name: String::new() },
            |c| CategoryLink { slug: c.slug.clone(), name: c.name.clone() },
        )
    }

    pub fn children(&self, id: Option<i32>) -> impl Iterator<Item = &category::Model> {
        self.ordered.iter().filter(move |c| c.parent_id == id)
    }

    /// From the top-level ancestor down to `id`. Stops on a cycle rather than looping.
    pub fn breadcrumb(&self, id: i32) -> Vec<CategoryLink> {
        let mut trail = Vec::new();
        let mut current = self.get(id);
        while let Some(category) = current {
            if trail.len() > self.ordered.len() {
                break;
            }
            trail.push(self.link(category.id));
            current = category.parent_id.and_then(|parent| self.get(parent));
        }
        trail.reverse();
        trail
    }

    /// `id` and every category below it.
    pub fn subtree_ids(&self, id: i32) -> Vec<i32> {
        let mut ids = vec![id];
        let mut next = 0;
        while next < ids.len() && ids.len() <= self.ordered.len() {
            let parent = ids[next];
            ids.extend(self.children(Some(parent)).map(|c| c.id).filter(|child| *child != id));
            next += 1;
        }
        ids
    }

    /// Every category, each followed by its sub-categories (depth first), for pickers.
    pub fn tree_order(&self) -> Vec<&category::Model> {
        let mut ordered = Vec::with_capacity(self.ordered.len());
        let mut stack: Vec<&category::Model> = self.children(None).collect();
        stack.reverse();
        while let Some(category) = stack.pop() {
            if ordered.len() > self.ordered.len() {
                break;
            }
            ordered.push(category);
            let mut children: Vec<_> = self.children(Some(category.id)).collect();
            children.reverse();
            stack.extend(children);
        }
        ordered
    }

    /// The main menu: top-level categories shown in the menu, with their visible children.
    pub fn menu(&self) -> Vec<MenuItem> {
        self.children(None)
            .filter(|c| c.show_in_menu)
            .map(|top| MenuItem {
                category: self.link(top.id),
                children: self.children(Some(top.id)).filter(|c| c.show_in_menu).map(|c| self.link(c.id)).collect(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(id: i32, parent_id: Option<i32>, slug: &str, position: i32) -> category::Model {
        category::Model {
            id,
            parent_id,
            name: slug.to_uppercase(),
            slug: slug.into(),
            description: String::new(),
            position,
            show_in_menu: true,
        }
    }

    fn index() -> CategoryIndex {
        CategoryIndex::new(vec![
            category(1, None, "tin-tuc", 0),
            category(2, Some(1), "hoat-dong", 0),
            category(3, Some(1), "dang-bo", 1),
            category(4, Some(3), "chi-bo", 0),
            category(5, None, "thong-bao", 1),
        ])
    }

    #[test]
    fn breadcrumb_runs_from_the_top() {
        let slugs: Vec<_> = index().breadcrumb(4).into_iter().map(|l| l.slug).collect();
        assert_eq!(slugs, ["tin-tuc", "dang-bo", "chi-bo"]);
    }

    #[test]
    fn subtree_includes_every_descendant() {
        let mut ids = index().subtree_ids(1);
        ids.sort();
        assert_eq!(ids, [1, 2, 3, 4]);
        assert_eq!(index().subtree_ids(5), [5]);
    }

    #[test]
    fn menu_lists_top_level_categories_with_children() {
        let menu = index().menu();
        assert_eq!(menu.len(), 2);
        assert_eq!(menu[0].children.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(), ["hoat-dong", "dang-bo"]);
    }

    #[test]
    fn tree_order_puts_children_under_their_parent() {
        let index = index();
        let slugs: Vec<_> = index.tree_order().into_iter().map(|c| c.slug.as_str()).collect();
        assert_eq!(slugs, ["tin-tuc", "hoat-dong", "dang-bo", "chi-bo", "thong-bao"]);
    }

    #[test]
    fn a_cycle_in_stored_data_does_not_hang() {
        let looped = CategoryIndex::new(vec![category(1, Some(2), "a", 0), category(2, Some(1), "b", 0)]);
        assert!(looped.breadcrumb(1).len() <= 3);
        assert_eq!(looped.subtree_ids(1).len(), 2);
    }
}
