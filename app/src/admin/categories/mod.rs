//! `/quan-tri/chuyen-muc`: the category tree: add, rename, move, reorder, hide from the menu,
//! delete when empty. Administrators and editors.

mod category_form;
mod change_categories;
mod list_categories;
mod page;

use category_form::CategoryForm;
pub use change_categories::{
    DeleteCategory, MoveCategory, SaveCategory, delete_category, move_category, save_category,
};
pub use list_categories::{CategoryRow, ListCategories, list_categories};
pub use page::CategoriesPage;
