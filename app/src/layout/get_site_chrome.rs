use leptos::prelude::*;

use crate::models::SiteChrome;

#[server]
pub async fn get_site_chrome() -> Result<SiteChrome, ServerFnError> {
    ssr::load().await
}

#[cfg(feature = "ssr")]
mod ssr {
    use leptos::prelude::ServerFnError;
    use service::{categories, legal_documents, site, static_pages, visitors};

    use crate::models::{PageLink, SiteChrome, SiteSettings, WebLink, WebLinkGroup};
    use crate::pages::legal_documents::document_link;
    use crate::ssr::{CategoryIndex, app_state, database_error, read_count, visitor_stats};

    const MOST_READ: u64 = 5;
    const LATEST_DOCUMENTS: u64 = 5;

    pub async fn load() -> Result<SiteChrome, ServerFnError> {
        let state = app_state()?;
        let db = state.db.reader();
        let settings = site::settings(db).await.map_err(database_error)?.unwrap_or_default();
        let categories = CategoryIndex::new(categories::all(db).await.map_err(database_error)?);
        let groups = site::web_link_groups(db).await.map_err(database_error)?;
        let pages = static_pages::all(db).await.map_err(database_error)?;
        let most_read = visitors::most_read(db, MOST_READ).await.map_err(database_error)?;
        let documents =
            legal_documents::reading::latest(db, None, None, LATEST_DOCUMENTS).await.map_err(database_error)?;
        let catalogue = legal_documents::Catalogue::load(db).await.map_err(database_error)?;
        let today = crate::format::site_date(state.clock.now());
        Ok(SiteChrome {
            public_url: state.public_url.0.clone(),
            settings: SiteSettings {
                site_name: settings.site_name,
                agency_name: settings.agency_name,
                emblem_url: settings.emblem_url,
                licence: settings.licence,
                responsible_person: settings.responsible_person,
                address: settings.address,
                phone: settings.phone,
                fax: settings.fax,
                email: settings.email,
                designed_by: settings.designed_by,
            },
            menu: categories.menu(),
            web_link_groups: groups
                .into_iter()
                .map(|(group, links)| WebLinkGroup {
                    name: group.name,
                    links: links.into_iter().map(|l| WebLink { title: l.title, url: l.url }).collect(),
                })
                .collect(),
            pages: pages.into_iter().map(|p| PageLink { path: format!("/trang/{}", p.slug), title: p.title }).collect(),
            most_read: most_read.into_iter().map(read_count).collect(),
            latest_documents: documents.iter().map(|document| document_link(document, &catalogue, today)).collect(),
            visitor_stats: visitor_stats(state.visitors.numbers()),
        })
    }
}
