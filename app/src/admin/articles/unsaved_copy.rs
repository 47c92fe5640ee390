//! Copies of what the editor typed but did not save: the one the server keeps by autosave, and
//! one in the browser's local storage (written on every change, so closing the tab, losing the
//! network or a server restart loses nothing). When the page opens, the newer of the two that
//! differs from the stored article is offered back.

use chrono::{DateTime, Utc};

use crate::models::{ArticleForm, AutosavedCopy};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopySource {
    Server,
    Browser,
}

/// The copy worth offering back, if any: the newest one whose form is not what is stored.
pub fn copy_to_offer(
    stored: &ArticleForm,
    on_server: Option<AutosavedCopy>,
    in_browser: Option<AutosavedCopy>,
) -> Option<(AutosavedCopy, CopySource)> {
    [on_server.map(|c| (c, CopySource::Server)), in_browser.map(|c| (c, CopySource::Browser))]
        .into_iter()
        .flatten()
        .filter(|(copy, _)| copy.form != *stored)
        .max_by_key(|(copy, _)| copy.saved_at)
}

fn storage_key(id: Option<i32>) -> String {
    match id {
        Some(id) => format!("ban-tam-bai-viet:{id}"),
        None => "ban-tam-bai-viet:moi".to_owned(),
    }
}

/// The browser's clock (the server's is not at hand while offline).
pub fn now() -> DateTime<Utc> {
    #[cfg(feature = "hydrate")]
    let now = DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    #[cfg(not(feature = "hydrate"))]
    let now = DateTime::<Utc>::UNIX_EPOCH;
    now
}

#[cfg(feature = "hydrate")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The copy kept in this browser for article `id` (`None`: a new article).
pub fn read_local(id: Option<i32>) -> Option<AutosavedCopy> {
    #[cfg(feature = "hydrate")]
    return storage()?.get_item(&storage_key(id)).ok().flatten().and_then(|json| serde_json::from_str(&json).ok());
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = storage_key(id);
        None
    }
}

/// Keeps `copy` in this browser. A full storage is not an error the writer can act on while
/// typing; the server's autosave still runs.
pub fn write_local(id: Option<i32>, copy: &AutosavedCopy) {
    #[cfg(feature = "hydrate")]
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(copy)) {
        let _ = storage.set_item(&storage_key(id), &json);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (id, copy);
}

pub fn remove_local(id: Option<i32>) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&storage_key(id));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(body: &str, minute: i64) -> AutosavedCopy {
        AutosavedCopy {
            form: ArticleForm { body_html: body.into(), ..Default::default() },
            version: 3,
            saved_at: DateTime::UNIX_EPOCH + chrono::Duration::minutes(minute),
        }
    }

    #[test]
    fn the_newest_copy_that_differs_from_the_stored_article_is_offered() {
        let stored = ArticleForm { body_html: "<p>đã lưu</p>".into(), ..Default::default() };
        assert_eq!(copy_to_offer(&stored, None, None), None);
        assert_eq!(
            copy_to_offer(&stored, Some(copy("<p>máy chủ</p>", 1)), Some(copy("<p>trình duyệt</p>", 2))),
            Some((copy("<p>trình duyệt</p>", 2), CopySource::Browser))
        );
        assert_eq!(
            copy_to_offer(&stored, Some(copy("<p>máy chủ</p>", 3)), Some(copy("<p>trình duyệt</p>", 2))),
            Some((copy("<p>máy chủ</p>", 3), CopySource::Server))
        );
        // A copy equal to what is stored is nothing to recover, however new.
        assert_eq!(
            copy_to_offer(&stored, Some(copy("<p>máy chủ</p>", 1)), Some(copy("<p>đã lưu</p>", 9))),
            Some((copy("<p>máy chủ</p>", 1), CopySource::Server))
        );
        assert_eq!(copy_to_offer(&stored, None, Some(copy("<p>đã lưu</p>", 9))), None);
    }

    #[test]
    fn new_articles_and_each_article_have_their_own_key() {
        assert_eq!(storage_key(None), "ban-tam-bai-viet:moi");
        assert_eq!(storage_key(Some(42)), "ban-tam-bai-viet:42");
    }
}
