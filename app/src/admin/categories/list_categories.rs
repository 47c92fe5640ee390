use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A category as the tree shows it: in menu order, with its depth.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryRow {
    pub id: i32,
    pub name: String,
    pub slug: String,
    pub description: String,
    pub parent_id: Option<i32>,
    pub depth: usize,
    pub show_in_menu: bool,
}

#[server(endpoint = "list_categories")]
pub async fn list_categories() -> Result<Vec<CategoryRow>, ServerFnError> {
    use entity::user::Role;

    use crate::auth::ssr::require_staff;
    use crate::ssr::{CategoryIndex, app_state, database_error};

    require_staff(&[Role::Admin, Role::Editor]).await?;
    let db = app_state()?.db.clone();
    let index = CategoryIndex::new(service::categories::all(db.reader()).await.map_err(database_error)?);
    Ok(index
        .tree_order()
        .into_iter()
        .map(|category| CategoryRow {
            id: category.id,
            name: category.name.clone(),
            slug: category.slug.clone(),
            description: category.description.clone(),
            parent_id: category.parent_id,
            depth: index.breadcrumb(category.id).len().saturating_sub(1),
            show_in_menu: category.show_in_menu,
        })
        .collect())
}
