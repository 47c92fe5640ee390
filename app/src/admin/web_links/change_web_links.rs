use leptos::prelude::*;

/// Creates (`id` empty) or renames a link group.
#[server(endpoint = "save_web_link_group")]
pub async fn save_web_link_group(id: Option<i32>, name: String) -> Result<(), ServerFnError> {
    ssr::change("web_link_group.save", move |txn| {
        Box::pin(async move {
            let saved = service::site::save_web_link_group(txn, id, &name).await.map_err(ssr::refusal)?;
            Ok((Some(saved), format!("{} nhóm liên kết “{}”", if id.is_some() { "Sửa" } else { "Thêm" }, name.trim())))
        })
    })
    .await
}

/// Creates (`id` empty) or changes a link of group `group_id`.
#[server(endpoint = "save_web_link")]
pub async fn save_web_link(id: Option<i32>, group_id: i32, title: String, url: String) -> Result<(), ServerFnError> {
    ssr::change("web_link.save", move |txn| {
        Box::pin(async move {
            let saved = service::site::save_web_link(txn, id, group_id, &title, &url).await.map_err(ssr::refusal)?;
            Ok((
                Some(saved),
                format!("{} liên kết “{}” ({})", if id.is_some() { "Sửa" } else { "Thêm" }, title.trim(), url.trim()),
            ))
        })
    })
    .await
}

#[server(endpoint = "move_web_link_group")]
pub async fn move_web_link_group(id: i32, step: i32) -> Result<(), ServerFnError> {
    ssr::change("web_link_group.move", move |txn| {
        Box::pin(async move {
            service::site::move_web_link_group(txn, id, step).await.map_err(ssr::refusal)?;
            Ok((Some(id), format!("Chuyển nhóm liên kết #{id} {}", if step < 0 { "lên" } else { "xuống" })))
        })
    })
    .await
}

#[server(endpoint = "move_web_link")]
pub async fn move_web_link(id: i32, step: i32) -> Result<(), ServerFnError> {
    ssr::change("web_link.move", move |txn| {
        Box::pin(async move {
            service::site::move_web_link(txn, id, step).await.map_err(ssr::refusal)?;
            Ok((Some(id), format!("Chuyển liên kết #{id} {}", if step < 0 { "lên" } else { "xuống" })))
        })
    })
    .await
}

/// Deletes a group with all its links.
#[server(endpoint = "delete_web_link_group")]
pub async fn delete_web_link_group(id: i32) -> Result<(), ServerFnError> {
    ssr::change("web_link_group.delete", move |txn| {
        Box::pin(async move {
            let name = service::site::delete_web_link_group(txn, id).await.map_err(ssr::refusal)?;
            Ok((Some(id), format!("Xoá nhóm liên kết “{name}” và các liên kết trong nhóm")))
        })
    })
    .await
}

#[server(endpoint = "delete_web_link")]
pub async fn delete_web_link(id: i32) -> Result<(), ServerFnError> {
    ssr::change("web_link.delete", move |txn| {
        Box::pin(async move {
            let title = service::site::delete_web_link(txn, id).await.map_err(ssr::refusal)?;
            Ok((Some(id), format!("Xoá liên kết “{title}”")))
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
    use service::site::WebLinkError;

    use crate::admin::audited_change::{Applied, audited_change};
    use crate::ssr::{database_error, refuse};

    /// A change to the widget, by an administrator.
    pub async fn change(
        action: &'static str,
        apply: impl for<'a> FnOnce(&'a DatabaseTransaction) -> Applied<'a>,
    ) -> Result<(), ServerFnError> {
        audited_change(&[Role::Admin], action, "web_link", apply).await
    }

    pub fn refusal(error: WebLinkError) -> ServerFnError {
        match error {
            WebLinkError::Database(error) => database_error(error),
            WebLinkError::NotFound => refuse(StatusCode::NOT_FOUND, error.to_string()),
            refused => refuse(StatusCode::UNPROCESSABLE_ENTITY, refused.to_string()),
        }
    }
}
