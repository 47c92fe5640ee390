use leptos::prelude::*;

use crate::models::SiteSettings;

/// Stores the settings; every line is trimmed, the names are required and the emblem must be a
/// file on this site.
#[server(endpoint = "save_site_settings")]
pub async fn save_site_settings(settings: SiteSettings) -> Result<(), ServerFnError> {
    ssr::save(settings).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use entity::{site_settings, user::Role};
    use http::StatusCode;
    use leptos::prelude::ServerFnError;
    use service::audit::{self, Actor, Entry};

    use crate::auth::ssr::require_staff;
    use crate::models::SiteSettings;
    use crate::ssr::{app_state, database_error, refuse};

    /// The longest value a settings line may have: they are single lines in the header and footer.
    const MAX_LINE_CHARS: usize = 300;

    /// The first thing wrong with `settings`, in words the administrator can act on.
    pub fn problem(settings: &SiteSettings) -> Option<String> {
        let lines = [
            ("Tên cổng thông tin", &settings.site_name, true),
            ("Tên cơ quan", &settings.agency_name, true),
            ("Biểu trưng", &settings.emblem_url, false),
            ("Giấy phép", &settings.licence, false),
            ("Người chịu trách nhiệm", &settings.responsible_person, false),
            ("Địa chỉ", &settings.address, false),
            ("Điện thoại", &settings.phone, false),
            ("Fax", &settings.fax, false),
            ("Email", &settings.email, false),
            ("Thiết kế bởi", &settings.designed_by, false),
        ];
        for (label, value, required) in lines {
            if required && value.trim().is_empty() {
                return Some(format!("Hãy nhập “{label}”."));
            }
            if value.trim().chars().count() > MAX_LINE_CHARS {
                return Some(format!("“{label}” dài quá {MAX_LINE_CHARS} ký tự."));
            }
        }
        let emblem = settings.emblem_url.trim();
        if !emblem.is_empty() && !service::text::sanitize::is_site_path(emblem) {
            return Some("Biểu trưng phải là một tệp trên trang này (bắt đầu bằng /).".into());
        }
        let email = settings.email.trim();
        if !email.is_empty()
            && !email.split_once('@').is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
        {
            return Some("Email không hợp lệ.".into());
        }
        None
    }

    pub async fn save(settings: SiteSettings) -> Result<(), ServerFnError> {
        let admin = require_staff(&[Role::Admin]).await?;
        if let Some(problem) = problem(&settings) {
            return Err(refuse(StatusCode::UNPROCESSABLE_ENTITY, problem));
        }
        let line = |value: &str| value.trim().to_owned();
        let row = site_settings::Model {
            id: 1,
            site_name: line(&settings.site_name),
            agency_name: line(&settings.agency_name),
            emblem_url: line(&settings.emblem_url),
            licence: line(&settings.licence),
            responsible_person: line(&settings.responsible_person),
            address: line(&settings.address),
            phone: line(&settings.phone),
            fax: line(&settings.fax),
            email: line(&settings.email),
            designed_by: line(&settings.designed_by),
        };
        let state = app_state()?;
        let txn = state.db.begin_write().await.map_err(database_error)?;
        let before = service::site::settings(&txn).await.map_err(database_error)?.unwrap_or_default();
        let changed = changed_lines(&before, &row);
        service::site::save_settings(&txn, row).await.map_err(database_error)?;
        let entry = Entry {
            action: "settings.save",
            target_kind: "settings",
            target_id: None,
            summary: format!(
                "Sửa cài đặt: {}",
                if changed.is_empty() { "không đổi".into() } else { changed.join("; ") }
            ),
        };
        audit::record(&txn, &Actor::from(&admin), entry, chrono::Utc::now()).await.map_err(database_error)?;
        txn.commit().await.map_err(database_error)
    }

    fn changed_lines(before: &site_settings::Model, after: &site_settings::Model) -> Vec<String> {
        [
            ("tên cổng", &before.site_name, &after.site_name),
            ("tên cơ quan", &before.agency_name, &after.agency_name),
            ("biểu trưng", &before.emblem_url, &after.emblem_url),
            ("giấy phép", &before.licence, &after.licence),
            ("người chịu trách nhiệm", &before.responsible_person, &after.responsible_person),
            ("địa chỉ", &before.address, &after.address),
            ("điện thoại", &before.phone, &after.phone),
            ("fax", &before.fax, &after.fax),
            ("email", &before.email, &after.email),
            ("thiết kế", &before.designed_by, &after.designed_by),
        ]
        .into_iter()
        .filter(|(_, old, new)| old != new)
        .map(|(label, old, new)| format!("{label}: “{old}” → “{new}”"))
        .collect()
    }
}
