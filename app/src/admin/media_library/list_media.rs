use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::models::MediaItem;

/// The library page's filters, as its GET form sends them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaQuery {
    /// Words of the file name, alt text or caption.
    pub q: String,
    /// `anh` (images), `tai-lieu` (documents) or empty.
    pub kind: String,
    pub from: String,
    pub to: String,
    pub page: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaPage {
    pub items: Vec<MediaItem>,
    pub total: u64,
    pub page: u64,
    pub total_pages: u64,
    /// Whether the account may delete files (editors and administrators).
    pub may_delete: bool,
}

#[server(endpoint = "list_media")]
pub async fn list_media(query: MediaQuery) -> Result<MediaPage, ServerFnError> {
    use entity::user::Role;
    use http::StatusCode;
    use service::media_library::{self, KindFilter, MediaFilter};

    use super::ssr::media_item;
    use crate::auth::ssr::require_staff;
    use crate::ssr::local_days::{end_of_day, parse_range, start_of_day};
    use crate::ssr::{app_state, database_error, refuse};

    const MEDIA_PER_PAGE: u64 = 24;

    let account = require_staff(&[Role::Admin, Role::Editor, Role::Author]).await?;
    let (from, to) = parse_range(&query.from, &query.to).map_err(|problem| refuse(StatusCode::BAD_REQUEST, problem))?;
    let kind = match query.kind.as_str() {
        "" => None,
        "anh" => Some(KindFilter::Images),
        "tai-lieu" => Some(KindFilter::Documents),
        other => return Err(refuse(StatusCode::BAD_REQUEST, format!("Loại tệp “{other}” không có."))),
    };
    let filter = MediaFilter { text: query.q, kind, from: from.map(start_of_day), until: to.and_then(end_of_day) };
    let page = query.page.max(1);
    let db = app_state()?.db.clone();
    let (rows, total) =
        media_library::list(db.reader(), &filter, page, MEDIA_PER_PAGE).await.map_err(database_error)?;
    Ok(MediaPage {
        items: rows.into_iter().map(media_item).collect(),
        total,
        page,
        total_pages: total.div_ceil(MEDIA_PER_PAGE),
        may_delete: matches!(account.role, Role::Admin | Role::Editor),
    })
}
