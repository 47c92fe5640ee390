use leptos::prelude::*;

use super::{DeleteMedia, UpdateMediaDetails};
use crate::format::date_time;
use crate::models::MediaItem;

/// One file in the library grid: a preview, what it is, its address to copy into an article, and
/// the forms that describe or delete it.
#[component]
pub fn MediaCard(
    item: MediaItem,
    may_delete: bool,
    update: ServerAction<UpdateMediaDetails>,
    delete: ServerAction<DeleteMedia>,
) -> impl IntoView {
    let id = item.id;
    let (alt_id, caption_id, credit_id) = (format!("alt-{id}"), format!("caption-{id}"), format!("credit-{id}"));
    let dimensions = item.width.zip(item.height).map(|(w, h)| format!(" · {w}×{h}"));
    let details = format!("{}{} · {}", item.size, dimensions.unwrap_or_default(), date_time(item.created_at));
    let delete_label = format!("Xoá “{}”", item.original_name);
    let preview = if item.is_image() {
        view! {
            <img src=item.url_for_width(320).to_owned() srcset=item.srcset() sizes="(max-width: 600px) 50vw, 240px"
                width=item.width height=item.height alt=item.alt_text.clone() loading="lazy" decoding="async"/>
        }
        .into_any()
    } else {
        let kind = item.original_name.rsplit('.').next().unwrap_or_default().to_uppercase();
        view! { <a class="media-document" href=item.url.clone()>{kind}</a> }.into_any()
    };
    view! {
        <li class="media-card">
            <figure>
                {preview}
                <figcaption>
                    <strong class="media-name">{item.original_name.clone()}</strong>
                    <span class="media-details">{details}</span>
                </figcaption>
            </figure>
            <label>"Địa chỉ" <input readonly value=item.url.clone() aria-label=format!("Địa chỉ của “{}”", item.original_name)/></label>
            <ActionForm action=update attr:class="admin-form">
                <input type="hidden" name="id" value=id/>
                <label for=alt_id.clone()>"Mô tả (alt)"</label>
                <input id=alt_id name="alt_text" value=item.alt_text.clone() maxlength="300"/>
                <label for=caption_id.clone()>"Chú thích"</label>
                <input id=caption_id name="caption" value=item.caption.clone() placeholder="Ảnh: …" maxlength="1000"/>
                <label for=credit_id.clone()>"Nguồn / tác giả"</label>
                <input id=credit_id name="credit" value=item.credit.clone() maxlength="200"/>
                <button type="submit">"Lưu mô tả"</button>
            </ActionForm>
            {may_delete.then(|| view! {
                <ActionForm action=delete>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="danger" aria-label=delete_label>"Xoá"</button>
                </ActionForm>
            })}
        </li>
    }
}
