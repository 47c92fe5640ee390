use leptos::prelude::*;

/// Changes a file's alt text, caption ("Ảnh: …") and credit.
#[server(endpoint = "update_media_details")]
pub async fn update_media_details(
    id: i32,
    alt_text: String,
    caption: String,
    credit: String,
) -> Result<(), ServerFnError> {
    use entity::user::Role;
    use service::media_library;

    use super::ssr::refusal;
    use crate::admin::audited_change::audited_change;

    audited_change(&[Role::Admin, Role::Editor, Role::Author], "media.describe", "media", move |txn| {
        Box::pin(async move {
            let before = media_library::update_details(txn, id, &alt_text, &caption, &credit).await.map_err(refusal)?;
            Ok((
                Some(id),
                format!(
                    "Sửa mô tả “{}”: alt “{}”, chú thích “{}”",
                    before.original_name,
                    alt_text.trim(),
                    caption.trim()
                ),
            ))
        })
    })
    .await
}
