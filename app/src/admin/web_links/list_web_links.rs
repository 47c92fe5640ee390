use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkRow {
    pub id: i32,
    pub title: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkGroupRow {
    pub id: i32,
    pub name: String,
    pub links: Vec<LinkRow>,
}

#[server(endpoint = "list_web_links")]
pub async fn list_web_links() -> Result<Vec<LinkGroupRow>, ServerFnError> {
    use entity::user::Role;

    use crate::auth::ssr::require_staff;
    use crate::ssr::{app_state, database_error};

    require_staff(&[Role::Admin]).await?;
    let db = app_state()?.db.clone();
    let groups = service::site::web_link_groups(db.reader()).await.map_err(database_error)?;
    Ok(groups
        .into_iter()
        .map(|(group, links)| LinkGroupRow {
            id: group.id,
            name: group.name,
            links: links.into_iter().map(|l| LinkRow { id: l.id, title: l.title, url: l.url }).collect(),
        })
        .collect())
}
