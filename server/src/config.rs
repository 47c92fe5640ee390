//! Configuration from the environment. Every variable has a default that works on a developer's machine.

use std::net::SocketAddr;

use chrono::TimeDelta;
use leptos::config::LeptosOptions;
use service::visitors::VisitRules;

/// The administrator created at start-up when the database has no accounts yet.
#[derive(Clone)]
pub struct BootstrapAdmin {
    pub username: String,
    pub email: String,
    pub password: String,
}

#[derive(Clone)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://path` (default `sqlite://data/portal.db`) or `postgres://…`.
    pub database_url: String,
    /// `PORTAL_PUBLIC_URL`: the address readers reach the site at (default `http://` + the listening address).
    pub public_url: String,
    /// `PORTAL_DEMO_CONTENT`: fill an empty database with the demo (default `true`).
    pub demo_content: bool,
    /// `PORTAL_ADMIN_USERNAME`, `PORTAL_ADMIN_EMAIL`, `PORTAL_ADMIN_PASSWORD` (or `PORTAL_ADMIN_PASSWORD_FILE`).
    pub bootstrap_admin: Option<BootstrapAdmin>,
    /// `PORTAL_VISIT_GAP_MINUTES` (default 30) and `PORTAL_ONLINE_WINDOW_MINUTES` (default 5).
    pub visit_rules: VisitRules,
    /// `PORTAL_BEHIND_PROXY`: believe the last address in `X-Forwarded-For` (default `false`).
    pub behind_proxy: bool,
    /// `LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT` and the rest of Leptos's own variables.
    pub leptos_options: LeptosOptions,
}

impl std::fmt::Debug for Config {
    // Written by hand so that the admin password can never reach a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("public_url", &self.public_url)
            .field("demo_content", &self.demo_content)
            .field("visit_rules", &self.visit_rules)
            .field("behind_proxy", &self.behind_proxy)
            .field("bootstrap_admin", &self.bootstrap_admin.as_ref().map(|a| &a.username))
            .field("site_addr", &self.leptos_options.site_addr)
            .finish()
    }
}

/// The URL with any password replaced, for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

impl Config {
    pub fn from_env() -> Result<Self, String> {
        Self::from_lookup(|key| std::env::var(key).ok())
    }

    /// Reads the configuration through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let database_url = lookup("DATABASE_URL")
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| service::db::DEFAULT_DATABASE_URL.to_owned());
        let demo_content = flag(&lookup, "PORTAL_DEMO_CONTENT", true)?;
        let behind_proxy = flag(&lookup, "PORTAL_BEHIND_PROXY", false)?;
        let defaults = VisitRules::default();
        let visit_rules = VisitRules {
            visit_gap: minutes(&lookup, "PORTAL_VISIT_GAP_MINUTES", defaults.visit_gap)?,
            online_window: minutes(&lookup, "PORTAL_ONLINE_WINDOW_MINUTES", defaults.online_window)?,
            ..defaults
        };
        let password = match (lookup("PORTAL_ADMIN_PASSWORD"), lookup("PORTAL_ADMIN_PASSWORD_FILE")) {
            (Some(password), _) => Some(password),
            (None, Some(path)) => Some(
                std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read PORTAL_ADMIN_PASSWORD_FILE {path}: {e}"))?
                    .trim_end_matches(['\r', '\n'])
                    .to_owned(),
            ),
            (None, None) => None,
        };
        let bootstrap_admin = match (lookup("PORTAL_ADMIN_USERNAME"), password) {
            (Some(username), Some(password)) => Some(BootstrapAdmin {
                email: lookup("PORTAL_ADMIN_EMAIL").unwrap_or_else(|| format!("{username}@localhost.localdomain")),
                username,
                password,
            }),
            (Some(_), None) => {
                return Err(
                    "PORTAL_ADMIN_USERNAME is set but neither PORTAL_ADMIN_PASSWORD nor PORTAL_ADMIN_PASSWORD_FILE is"
                        .into(),
                );
            }
            (None, _) => None,
        };
        let mut leptos_options = leptos::config::get_configuration(None).map_err(|e| e.to_string())?.leptos_options;
        if let Some(addr) = lookup("LEPTOS_SITE_ADDR") {
            leptos_options.site_addr =
                addr.parse::<SocketAddr>().map_err(|e| format!("LEPTOS_SITE_ADDR {addr:?} is not an address: {e}"))?;
        }
        let public_url = match lookup("PORTAL_PUBLIC_URL").filter(|v| !v.is_empty()) {
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                url.trim_end_matches('/').to_owned()
            }
            Some(url) => return Err(format!("PORTAL_PUBLIC_URL must start with http:// or https://, not {url:?}")),
            None => format!("http://{}", leptos_options.site_addr),
        };
        Ok(Self { database_url, public_url, demo_content, bootstrap_admin, visit_rules, behind_proxy, leptos_options })
    }
}

fn flag(lookup: &impl Fn(&str) -> Option<String>, key: &str, default: bool) -> Result<bool, String> {
    match lookup(key).as_deref() {
        None | Some("") => Ok(default),
        Some("true" | "1" | "yes") => Ok(true),
        Some("false" | "0" | "no") => Ok(false),
        Some(other) => Err(format!("{key} must be true or false, not {other:?}")),
    }
}

fn minutes(lookup: &impl Fn(&str) -> Option<String>, key: &str, default: TimeDelta) -> Result<TimeDelta, String> {
    match lookup(key).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(text) => match text.parse::<i64>() {
            Ok(minutes @ 1..=1440) => Ok(TimeDelta::minutes(minutes)),
            _ => Err(format!("{key} must be a whole number of minutes from 1 to 1440, not {text:?}")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, String> {
        let vars: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|key| vars.get(key).cloned())
    }

    #[test]
    fn defaults_serve_the_demo_from_sqlite() {
        let config = config(&[]).unwrap();
        assert_eq!(config.database_url, "sqlite://data/portal.db");
        assert!(config.demo_content);
        assert!(config.bootstrap_admin.is_none());
        assert_eq!(config.leptos_options.output_name.as_ref(), "portal");
        assert_eq!(config.public_url, "http://127.0.0.1:3000");
        let public = self::config(&[("PORTAL_PUBLIC_URL", "https://stttt.thanhhoa.gov.vn/")]).unwrap();
        assert_eq!(public.public_url, "https://stttt.thanhhoa.gov.vn");
        assert_eq!(config.visit_rules, VisitRules::default());
        assert!(!config.behind_proxy);
        let tuned = self::config(&[("PORTAL_VISIT_GAP_MINUTES", "20"), ("PORTAL_ONLINE_WINDOW_MINUTES", "3")]).unwrap();
        assert_eq!(tuned.visit_rules.visit_gap, TimeDelta::minutes(20));
        assert_eq!(tuned.visit_rules.online_window, TimeDelta::minutes(3));
    }

    #[test]
    fn bad_values_are_refused_with_a_reason() {
        assert!(config(&[("PORTAL_DEMO_CONTENT", "maybe")]).unwrap_err().contains("PORTAL_DEMO_CONTENT"));
        assert!(config(&[("PORTAL_ADMIN_USERNAME", "quantri")]).unwrap_err().contains("PORTAL_ADMIN_PASSWORD"));
        assert!(config(&[("LEPTOS_SITE_ADDR", "nowhere")]).unwrap_err().contains("LEPTOS_SITE_ADDR"));
        assert!(config(&[("PORTAL_PUBLIC_URL", "stttt.gov.vn")]).unwrap_err().contains("PORTAL_PUBLIC_URL"));
        assert!(config(&[("PORTAL_VISIT_GAP_MINUTES", "0")]).unwrap_err().contains("PORTAL_VISIT_GAP_MINUTES"));
        assert!(config(&[("PORTAL_ONLINE_WINDOW_MINUTES", "năm")]).unwrap_err().contains("PORTAL_ONLINE_WINDOW"));
        assert!(config(&[("PORTAL_BEHIND_PROXY", "có")]).unwrap_err().contains("PORTAL_BEHIND_PROXY"));
    }

    #[test]
    fn the_admin_password_never_appears_in_debug_output() {
        let config = config(&[
            ("PORTAL_ADMIN_USERNAME", "quantri"),
            ("PORTAL_ADMIN_PASSWORD", "bi-mat-tuyet-doi-123"),
            ("DATABASE_URL", "postgres://portal:matkhau-db@127.0.0.1/portal"),
        ])
        .unwrap();
        let printed = format!("{config:?}");
        assert!(!printed.contains("bi-mat-tuyet-doi-123"));
        assert!(!printed.contains("matkhau-db"));
        assert!(printed.contains("portal:***@127.0.0.1"));
    }
}
