use leptos::prelude::*;

/// Creates (`id` empty) or changes a category. `parent` empty: top level; `show_in_menu` "true"/"false".
#[server(endpoint = "save_category")]
pub async fn save_category(
    id: Option<i32>,
    name: String,
    slug: String,
    description: String,
    parent: Option<i32>,
    show_in_menu: bool,
) -> Result<(), ServerFnError> {
    use service::categories::CategoryFields;

    let fields = CategoryFields { name, slug, description, parent_id: parent, show_in_menu };
    ssr::change("category.save", move |txn| {
        Box::pin(async move {
            let saved = service::categories::save(txn, id, &fields).await.map_err(ssr::refusal)?;
            Ok((
                Some(saved.id),
                format!("{} chuyên mục “{}” (/{})", if id.is_some() { "Sửa" } else { "Thêm" }, saved.name, saved.slug),
            ))
        })
    })
    .await
}

/// Moves a category one place up (`step` -1) or down (1) among its siblings.
#[server(endpoint = "move_category")]
pub async fn move_category(id: i32, step: i32) -> Result<(), ServerFnError> {
    ssr::change("category.move", move |txn| {
        Box::pin(async move {
            service::categories::move_among_siblings(txn, id, step).await.map_err(ssr::refusal)?;
            Ok((Some(id), format!("Chuyển chuyên mục #{id} {}", if step < 0 { "lên" } else { "xuống" })))
        })
    })
    .await
}

/// Deletes a category that has no sub-categories and no articles.
#[server(endpoint = "delete_category")]
pub async fn delete_category(id: i32) -> Result<(), ServerFnError> {
    ssr::change("category.delete", move |txn| {
        Box::pin(async move {
            let deleted = service::categories::delete(txn, id).await.map_err(ssr::refusal)?;
            Ok((Some(id), format!("Xoá chuyên mục “{}”", deleted.name)))
        })
    })
    .await
}

#[cfg(feature = "ssr")]
mod ssr {
    use entity::user::Role;
    use http::StatusCode;
    use leptos::prelude::ServerFnError;
    use sea_orm::DatabaseTransaction;
    use service::categories::CategoryError;

    use crate::admin::audited_change::{Applied, audited_change};
    use crate::ssr::{database_error, refuse};

    /// A change to the tree, by an administrator or editor.
    pub async fn change(
        action: &'static str,
        apply: impl for<'a> FnOnce(&'a DatabaseTransaction) -> Applied<'a>,
    ) -> Result<(), ServerFnError> {
        audited_change(&[Role::Admin, Role::Editor], action, "category", apply).await
    }

    pub fn refusal(error: CategoryError) -> ServerFnError {
        match error {
            CategoryError::Database(error) => database_error(error),
            CategoryError::NotFound => refuse(StatusCode::NOT_FOUND, error.to_string()),
            CategoryError::InUse => refuse(StatusCode::CONFLICT, error.to_string()),
            refused => refuse(StatusCode::UNPROCESSABLE_ENTITY, refused.to_string()),
        }
    }
}
