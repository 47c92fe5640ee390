//! Configuration from the environment. Every variable has a default that works on a developer's machine.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::TimeDelta;
use leptos::config::LeptosOptions;
use service::visitors::VisitRules;

use crate::page_cache::PageCacheSettings;
use crate::router::RouterSettings;
use crate::security::HEADER_READ_TIMEOUT;
use crate::visitor_stats::LIVE_CONNECTIONS_PER_ADDRESS;

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
    /// `PORTAL_DEMO_CONTENT`: fill an empty database with the demo. By default only the embedded
    /// SQLite database that the README's run command uses (no `DATABASE_URL`) gets it: a
    /// database named explicitly, PostgreSQL above all, is a real site's.
    pub demo_content: bool,
    /// `PORTAL_ADMIN_USERNAME`, `PORTAL_ADMIN_EMAIL`, `PORTAL_ADMIN_PASSWORD` (or `PORTAL_ADMIN_PASSWORD_FILE`).
    pub bootstrap_admin: Option<BootstrapAdmin>,
    /// `PORTAL_VISIT_GAP_MINUTES` (default 30) and `PORTAL_ONLINE_WINDOW_MINUTES` (default 5).
    pub visit_rules: VisitRules,
    /// `PORTAL_BEHIND_PROXY`: believe the last address in `X-Forwarded-For` (default `false`).
    pub behind_proxy: bool,
    /// `LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT` and the rest of Leptos's own variables.
    pub leptos_options: LeptosOptions,
    /// `PORTAL_HSTS`, `PORTAL_METRICS_TOKEN` (or `PORTAL_METRICS_TOKEN_FILE`), `PORTAL_METRICS_LOCAL`,
    /// `PORTAL_SEARCHES_PER_MINUTE`,
    /// `PORTAL_LIVE_CONNECTIONS_PER_ADDRESS`.
    pub router: RouterSettings,
    /// `PORTAL_HEADER_TIMEOUT_SECONDS`: how long a client may take to send a request head (default 10).
    pub header_read_timeout: Duration,
    /// `PORTAL_MEDIA_DIR`: where uploaded files are kept (default `media/` beside the SQLite file,
    /// or `data/media` with PostgreSQL).
    pub media_dir: PathBuf,
    /// `PORTAL_MAX_UPLOAD_MB`: the largest file an editor may upload (default 20).
    pub max_upload_bytes: u64,
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
            .field("hsts", &self.router.hsts)
            .field("metrics_token", &self.router.metrics_token.as_ref().map(|_| "***"))
            .field("searches_per_minute", &self.router.searches_per_minute)
            .field("live_connections_per_address", &self.router.live_connections_per_address)
            .field("header_read_timeout", &self.header_read_timeout)
            .field("media_dir", &self.media_dir)
            .field("max_upload_bytes", &self.max_upload_bytes)
            .finish()
    }
}

/// The URL with any password replaced, for logs: the one after the user name and a `password`
/// query parameter (`?password=`, as sqlx and libpq accept it).
pub fn redact_url(url: &str) -> String {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return "(an address that is not a URL)".to_owned();
    };
    if parsed.password().is_some() {
        let _ = parsed.set_password(Some("***"));
    }
    if parsed.query_pairs().any(|(name, _)| name == "password") {
        let kept: Vec<(String, String)> = parsed
            .query_pairs()
            .map(|(name, value)| {
                let value = if name == "password" { "***".to_owned() } else { value.into_owned() };
                (name.into_owned(), value)
            })
            .collect();
        parsed.query_pairs_mut().clear().extend_pairs(kept);
    }
    parsed.to_string()
}

impl Config {
    pub fn from_env() -> Result<Self, String> {
        Self::from_lookup(|key| std::env::var(key).ok())
    }

    /// Reads the configuration through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let given_database_url = lookup("DATABASE_URL").filter(|v| !v.is_empty());
        let demo_content = flag(&lookup, "PORTAL_DEMO_CONTENT", given_database_url.is_none())?;
        let database_url = given_database_url.unwrap_or_else(|| service::db::DEFAULT_DATABASE_URL.to_owned());
        let behind_proxy = flag(&lookup, "PORTAL_BEHIND_PROXY", false)?;
        let defaults = VisitRules::default();
        let visit_rules = VisitRules {
            visit_gap: minutes(&lookup, "PORTAL_VISIT_GAP_MINUTES", defaults.visit_gap)?,
            online_window: minutes(&lookup, "PORTAL_ONLINE_WINDOW_MINUTES", defaults.online_window)?,
            ..defaults
        };
        let password = secret(&lookup, "PORTAL_ADMIN_PASSWORD")?;
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
        if lookup("LEPTOS_HASH_FILES").is_none() {
            leptos_options.hash_files = built_with_hashed_names(&leptos_options);
        }
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
        let router = RouterSettings {
            hsts: flag(&lookup, "PORTAL_HSTS", public_url.starts_with("https://"))?,
            metrics_token: secret(&lookup, "PORTAL_METRICS_TOKEN")?.filter(|token| !token.is_empty()),
            metrics_local_without_token: flag(&lookup, "PORTAL_METRICS_LOCAL", false)?,
            searches_per_minute: number(&lookup, "PORTAL_SEARCHES_PER_MINUTE", 60, 1..=100_000_000)?,
            live_connections_per_address: number(
                &lookup,
                "PORTAL_LIVE_CONNECTIONS_PER_ADDRESS",
                LIVE_CONNECTIONS_PER_ADDRESS,
                1..=1_000_000,
            )?,
            page_cache: page_cache_settings(&lookup)?,
            ..RouterSettings::default()
        };
        let header_read_timeout = Duration::from_secs(number(
            &lookup,
            "PORTAL_HEADER_TIMEOUT_SECONDS",
            HEADER_READ_TIMEOUT.as_secs(),
            1..=300,
        )?);
        let media_dir = match lookup("PORTAL_MEDIA_DIR").filter(|v| !v.is_empty()) {
            Some(folder) => PathBuf::from(folder),
            None => default_media_dir(&database_url),
        };
        let max_upload_bytes = number(&lookup, "PORTAL_MAX_UPLOAD_MB", 20, 1..=500)? * 1_000_000;
        Ok(Self {
            database_url,
            public_url,
            demo_content,
            bootstrap_admin,
            visit_rules,
            behind_proxy,
            leptos_options,
            router,
            header_read_timeout,
            media_dir,
            max_upload_bytes,
        })
    }
}

/// `cargo leptos build --release` names the bundle's files after their content (`hash-files`) and
/// writes the names beside the server binary; a binary started without cargo-leptos's variables
/// (a service manager, the tests) finds them there.
fn built_with_hashed_names(options: &LeptosOptions) -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|folder| folder.join(options.hash_file.as_ref())))
        .is_some_and(|hash_file| hash_file.is_file())
}

fn page_cache_settings(lookup: &impl Fn(&str) -> Option<String>) -> Result<PageCacheSettings, String> {
    let defaults = PageCacheSettings::default();
    let seconds = number(lookup, "PORTAL_PAGE_CACHE_SECONDS", defaults.max_age.as_secs(), 0..=3600)?;
    let megabytes = number(lookup, "PORTAL_PAGE_CACHE_MB", defaults.max_bytes / (1024 * 1024), 1..=16_384)?;
    Ok(PageCacheSettings { max_age: Duration::from_secs(seconds), max_bytes: megabytes * 1024 * 1024, ..defaults })
}

/// Uploaded files live beside the SQLite database, so the data folder holds everything to back up.
fn default_media_dir(database_url: &str) -> PathBuf {
    let database_folder = service::backup::sqlite_file(database_url)
        .filter(|_| database_url.starts_with("sqlite:"))
        .and_then(|file| file.parent().map(Path::to_path_buf));
    database_folder.unwrap_or_else(|| PathBuf::from("data")).join("media")
}

/// A secret from `KEY`, or from the file named by `KEY_FILE` (so it need not sit in the environment).
fn secret(lookup: &impl Fn(&str) -> Option<String>, key: &str) -> Result<Option<String>, String> {
    if let Some(value) = lookup(key) {
        return Ok(Some(value));
    }
    let file_key = format!("{key}_FILE");
    let Some(path) = lookup(&file_key) else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {file_key} {path}: {e}"))?;
    Ok(Some(text.trim_end_matches(['\r', '\n']).to_owned()))
}

fn number<T>(
    lookup: &impl Fn(&str) -> Option<String>,
    key: &str,
    default: T,
    allowed: std::ops::RangeInclusive<T>,
) -> Result<T, String>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display,
{
    match lookup(key).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(text) => match text.parse::<T>() {
            Ok(value) if allowed.contains(&value) => Ok(value),
            _ => {
                Err(format!("{key} must be a whole number from {} to {}, not {text:?}", allowed.start(), allowed.end()))
            }
        },
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
    number(lookup, key, default.num_minutes(), 1..=1440).map(TimeDelta::minutes)
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
    fn uploads_live_beside_the_database_unless_told() {
        let default = config(&[]).unwrap();
        assert_eq!(default.media_dir, PathBuf::from("data/media"));
        assert_eq!(default.max_upload_bytes, 20_000_000);
        let elsewhere = config(&[("DATABASE_URL", "sqlite:///srv/cong/portal.db?mode=rwc")]).unwrap();
        assert_eq!(elsewhere.media_dir, PathBuf::from("/srv/cong/media"));
        let postgres = config(&[("DATABASE_URL", "postgres://portal@db/portal")]).unwrap();
        assert_eq!(postgres.media_dir, PathBuf::from("data/media"));
        let told = config(&[("PORTAL_MEDIA_DIR", "/mnt/media"), ("PORTAL_MAX_UPLOAD_MB", "50")]).unwrap();
        assert_eq!((told.media_dir, told.max_upload_bytes), (PathBuf::from("/mnt/media"), 50_000_000));
        assert!(config(&[("PORTAL_MAX_UPLOAD_MB", "0")]).is_err());
    }

    #[test]
    fn the_live_connection_cap_can_be_raised_for_offices_behind_one_address() {
        assert_eq!(config(&[]).unwrap().router.live_connections_per_address, LIVE_CONNECTIONS_PER_ADDRESS);
        let raised = config(&[("PORTAL_LIVE_CONNECTIONS_PER_ADDRESS", "2000")]).unwrap();
        assert_eq!(raised.router.live_connections_per_address, 2000);
        assert!(config(&[("PORTAL_LIVE_CONNECTIONS_PER_ADDRESS", "0")]).is_err());
    }

    #[test]
    fn the_page_cache_can_be_tuned_or_turned_off() {
        assert_eq!(config(&[]).unwrap().router.page_cache, PageCacheSettings::default());
        let tuned = config(&[("PORTAL_PAGE_CACHE_SECONDS", "60"), ("PORTAL_PAGE_CACHE_MB", "8")]).unwrap();
        assert_eq!(tuned.router.page_cache.max_age, Duration::from_secs(60));
        assert_eq!(tuned.router.page_cache.max_bytes, 8 * 1024 * 1024);
        let off = config(&[("PORTAL_PAGE_CACHE_SECONDS", "0")]).unwrap();
        assert!(off.router.page_cache.max_age.is_zero());
        assert!(config(&[("PORTAL_PAGE_CACHE_MB", "0")]).unwrap_err().contains("PORTAL_PAGE_CACHE_MB"));
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
        assert!(config(&[("PORTAL_SEARCHES_PER_MINUTE", "0")]).unwrap_err().contains("PORTAL_SEARCHES_PER_MINUTE"));
        assert!(config(&[("PORTAL_HEADER_TIMEOUT_SECONDS", "x")]).unwrap_err().contains("PORTAL_HEADER_TIMEOUT"));
        assert!(
            config(&[("PORTAL_METRICS_TOKEN_FILE", "/khong/co")]).unwrap_err().contains("PORTAL_METRICS_TOKEN_FILE")
        );
    }

    #[test]
    fn hsts_follows_the_public_address_unless_told() {
        assert!(!config(&[]).unwrap().router.hsts);
        assert!(config(&[("PORTAL_PUBLIC_URL", "https://stttt.thanhhoa.gov.vn")]).unwrap().router.hsts);
        let off = config(&[("PORTAL_PUBLIC_URL", "https://stttt.thanhhoa.gov.vn"), ("PORTAL_HSTS", "false")]);
        assert!(!off.unwrap().router.hsts);
        assert_eq!(config(&[]).unwrap().header_read_timeout, HEADER_READ_TIMEOUT);
    }

    #[test]
    fn the_admin_password_never_appears_in_debug_output() {
        let config = config(&[
            ("PORTAL_ADMIN_USERNAME", "quantri"),
            ("PORTAL_ADMIN_PASSWORD", "bi-mat-tuyet-doi-123"),
            ("DATABASE_URL", "postgres://portal:matkhau-db@127.0.0.1/portal"),
            ("PORTAL_METRICS_TOKEN", "token-theo-doi-456"),
        ])
        .unwrap();
        let printed = format!("{config:?}");
        assert!(!printed.contains("bi-mat-tuyet-doi-123"));
        assert!(!printed.contains("token-theo-doi-456"));
        assert!(!printed.contains("matkhau-db"));
        assert!(printed.contains("portal:***@127.0.0.1"));
    }

    #[test]
    fn database_passwords_are_hidden_wherever_the_url_carries_them() {
        assert_eq!(redact_url("postgres://portal:matkhau@db:5432/portal"), "postgres://portal:***@db:5432/portal");
        assert_eq!(
            redact_url("postgres://db/portal?user=portal&password=matkhau&sslmode=require"),
            "postgres://db/portal?user=portal&password=***&sslmode=require"
        );
        assert_eq!(redact_url("sqlite://data/portal.db"), "sqlite://data/portal.db");
        assert!(!redact_url("postgres://portal:ma%40khau@db/portal").contains("khau"));
    }

    #[test]
    fn only_the_embedded_default_database_gets_the_demo_unless_asked() {
        assert!(config(&[]).unwrap().demo_content, "the README's run command shows the demo");
        assert!(!config(&[("DATABASE_URL", "postgres://portal@db/portal")]).unwrap().demo_content);
        assert!(!config(&[("DATABASE_URL", "sqlite:///srv/cong/portal.db")]).unwrap().demo_content);
        let asked = config(&[("DATABASE_URL", "postgres://portal@db/portal"), ("PORTAL_DEMO_CONTENT", "true")]);
        assert!(asked.unwrap().demo_content);
    }
}
