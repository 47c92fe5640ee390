use leptos::prelude::*;

use crate::models::SiteSettings;

#[server(endpoint = "get_site_settings")]
pub async fn get_site_settings() -> Result<SiteSettings, ServerFnError> {
    use entity::user::Role;

    use crate::auth::ssr::require_staff;
    use crate::ssr::{app_state, database_error};

    require_staff(&[Role::Admin]).await?;
    let db = app_state()?.db.clone();
    let stored = service::site::settings(db.reader()).await.map_err(database_error)?.unwrap_or_default();
    Ok(SiteSettings {
        site_name: stored.site_name,
        agency_name: stored.agency_name,
        emblem_url: stored.emblem_url,
        licence: stored.licence,
        responsible_person: stored.responsible_person,
        address: stored.address,
        phone: stored.phone,
        fax: stored.fax,
        email: stored.email,
        designed_by: stored.designed_by,
    })
}
