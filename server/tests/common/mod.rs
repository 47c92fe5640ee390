//! A portal on a fresh SQLite database with the demo content, answering requests in-process.
// Each test binary includes this module and uses a different part of it.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;

use app::ssr::{AppState, AppStateInner, BehindProxy, PublicUrl};
use app::url::encode_component;
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use entity::user::Role;
use http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use media::LocalDiskStore;
use service::clock::Clock;
use service::media_library::{MediaLibrary, UploadLimits};
use service::users::{self, NewUser};
use service::visitors::{VisitRules, VisitorTracker};
use service::{Database, demo, sessions};
use tower::ServiceExt;

/// The largest file the test portal accepts.
pub const UPLOAD_LIMIT_BYTES: u64 = 2_000_000;
/// A built file named after its content, as `cargo leptos build --release` names them.
pub const HASHED_STYLESHEET: &str = "/pkg/portal.Xo3kQ9dmfT2vB8aLzP1q_w.css";
pub const SEED_SLUG: &str = "hoi-nghi-tong-ket-cong-tac-dang-nam-2022-va-trien-khai-nhiem-vu-cong-tac-nam-2023";

/// A desktop browser, which the page-view counter counts.
pub const BROWSER: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

pub struct TestPortal {
    router: Router,
    pub db: Database,
    /// The options the portal was built with (its site root is inside the test's folder).
    pub leptos_options: LeptosOptions,
    pub visitors: VisitorTracker,
    pub clock: Clock,
    /// Where the portal keeps uploaded files.
    pub media_dir: std::path::PathBuf,
    _folder: tempfile::TempDir,
}

pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub content_type: String,
    pub headers: HeaderMap,
    pub html: String,
    pub bytes: axum::body::Bytes,
}

impl TestPortal {
    pub async fn with_demo() -> Self {
        Self::with_settings(server::router::RouterSettings::default()).await
    }

    pub async fn with_settings(settings: server::router::RouterSettings) -> Self {
        Self::with_settings_at(settings, chrono::Utc::now()).await
    }

    /// A portal whose clock starts at `start`: for pages that depend on the day (a document's
    /// effect), so that tests give the same answer whenever they run.
    pub async fn at(start: chrono::DateTime<chrono::Utc>) -> Self {
        Self::with_settings_at(server::router::RouterSettings::default(), start).await
    }

    async fn with_settings_at(settings: server::router::RouterSettings, start: chrono::DateTime<chrono::Utc>) -> Self {
        // The server's log lines (errors, or RUST_LOG) appear with a failing test's output.
        let filter = tracing_subscriber::EnvFilter::from_default_env();
        let _ = tracing_subscriber::fmt().with_env_filter(filter).with_test_writer().try_init();
        let folder = tempfile::tempdir().expect("a temporary folder");
        let db = Database::connect(&format!("sqlite://{}/portal.db", folder.path().display())).await.unwrap();
        demo::seed_if_empty(&db, start).await.unwrap();
        demo::ensure_site_rows(&db).await.unwrap();
        // The site root holds only public files; the database sits beside it, as in production.
        let site_root = folder.path().join("site");
        std::fs::create_dir(&site_root).unwrap();
        std::fs::write(site_root.join("robots-test.txt"), "a public file").unwrap();
        std::fs::create_dir(site_root.join("pkg")).unwrap();
        std::fs::write(site_root.join("pkg").join(HASHED_STYLESHEET.trim_start_matches("/pkg/")), "body{}").unwrap();
        let leptos_options =
            LeptosOptions::builder().output_name("portal").site_root(site_root.display().to_string()).build();
        // Pinned, so tests move time forward instead of sleeping.
        let clock = Clock::pinned(start);
        let public_url = PublicUrl("https://portal.example.gov.vn".into());
        // No periodic task: tests store counts with `flush` when they choose.
        let visitors = VisitorTracker::start(db.clone(), VisitRules::default(), chrono::Utc::now()).await.unwrap();
        let media_dir = folder.path().join("media");
        // Small, so the size limits can be tested with small files.
        let upload_limits = UploadLimits { max_file_bytes: UPLOAD_LIMIT_BYTES, ..UploadLimits::default() };
        let state = AppState::new(AppStateInner {
            leptos_options: leptos_options.clone(),
            db: db.clone(),
            public_url,
            visitors: visitors.clone(),
            behind_proxy: BehindProxy(false),
            clock: clock.clone(),
            media: MediaLibrary { store: Arc::new(LocalDiskStore::new(&media_dir).unwrap()), limits: upload_limits },
        });
        let router = server::router::build_router(state, settings);
        Self { router, db, leptos_options, visitors, clock, media_dir, _folder: folder }
    }

    /// Adds the demo's thirty legal documents (and their attachments) to the portal.
    pub async fn seed_documents(&self) {
        let library = MediaLibrary {
            store: Arc::new(LocalDiskStore::new(&self.media_dir).unwrap()),
            limits: UploadLimits::default(),
        };
        let report = demo::seed_documents(&self.db, &library, self.clock.now()).await.unwrap();
        assert!(report.errors.is_empty(), "{:?}", report.errors);
    }

    pub fn router(&self) -> Router {
        self.router.clone()
    }

    pub async fn get(&self, uri: &str) -> Page {
        self.send(Method::GET, uri, &[], Body::empty()).await
    }

    /// A request from the reader at 203.0.113.10 with a desktop browser, plus `headers`.
    pub async fn send(&self, method: Method, uri: &str, headers: &[(&str, &str)], body: Body) -> Page {
        let mut request = Request::builder().method(method).uri(uri);
        // What a browser sends unless the test says otherwise.
        for (name, value) in [("user-agent", BROWSER), ("accept", "text/html,application/xhtml+xml")] {
            if !headers.iter().any(|(given, _)| given.eq_ignore_ascii_case(name)) {
                request = request.header(name, value);
            }
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send_request(request.body(body).unwrap()).await
    }

    /// Sends `request` as is, from 203.0.113.10 unless it says where it comes from.
    pub async fn send_request(&self, mut request: Request<Body>) -> Page {
        if request.extensions().get::<ConnectInfo<SocketAddr>>().is_none() {
            request.extensions_mut().insert(ConnectInfo(SocketAddr::from(([203, 0, 113, 10], 50_000))));
        }
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let content_type =
            headers.get(http::header::CONTENT_TYPE).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
        let location = headers.get(http::header::LOCATION).map(|v| v.to_str().unwrap().to_owned());
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Page { status, location, content_type, headers, html: String::from_utf8_lossy(&bytes).into_owned(), bytes }
    }

    /// A server-function call as the hydrated app makes it (form-encoded, JSON answer).
    pub async fn call(&self, path: &str, form: &str, cookie: Option<&str>) -> Page {
        self.call_with(path, form, cookie, &[]).await
    }

    /// [`Self::call`] with `extra` headers, e.g. where the browser says the request came from.
    pub async fn call_with(&self, path: &str, form: &str, cookie: Option<&str>, extra: &[(&str, &str)]) -> Page {
        let mut headers = vec![("content-type", "application/x-www-form-urlencoded"), ("accept", "application/json")];
        let cookie = cookie.map(|c| format!("__Host-portal_session={c}"));
        if let Some(cookie) = &cookie {
            headers.push(("cookie", cookie));
        }
        headers.extend_from_slice(extra);
        self.send(Method::POST, path, &headers, Body::from(form.to_owned())).await
    }

    /// A server-function call from the browser at `address` sending `cookies` (the `Cookie` header
    /// as is), answered with every `Set-Cookie` it got back.
    pub async fn call_from(&self, address: [u8; 4], path: &str, form: &str, cookies: &str) -> (Page, Vec<String>) {
        let mut request = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .header("user-agent", BROWSER);
        if !cookies.is_empty() {
            request = request.header("cookie", cookies);
        }
        let request = request.extension(ConnectInfo(SocketAddr::from((address, 50_000))));
        let page = self.send_request(request.body(Body::from(form.to_owned())).unwrap()).await;
        let set_cookies = page
            .headers
            .get_all(http::header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
            .collect();
        (page, set_cookies)
    }

    /// Creates an account with `role` and returns a session token for it.
    pub async fn session_for(&self, username: &str, role: Role) -> String {
        let now = chrono::Utc::now();
        let txn = self.db.begin_write().await.unwrap();
        let new = NewUser {
            username,
            email: &format!("{username}@so.example.gov.vn"),
            display_name: "",
            password: "mat-khau-du-dai-123",
            role,
        };
        let account = users::create(&txn, new, now).await.unwrap();
        let token = sessions::start(&txn, account.id, now).await.unwrap();
        txn.commit().await.unwrap();
        token
    }
}

impl Page {
    /// The visible text of the page, tags removed and entities decoded.
    pub fn text(&self) -> String {
        service::text::html_to_text(&self.html)
    }

    /// Markup that would run in this page: [`executable_markup`], less the inline scripts this
    /// response's policy allows by hash (a page from the cache names its scripts by hash, as it
    /// cannot carry a per-response nonce).
    pub fn executable_markup(&self) -> Vec<String> {
        let policy = self.headers.get(http::header::CONTENT_SECURITY_POLICY).and_then(|v| v.to_str().ok());
        let mut found = executable_markup(&self.html);
        for (tag, script) in inline_scripts(&self.html) {
            let hash = format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script)));
            if policy.is_some_and(|policy| policy.contains(&hash))
                && let Some(at) = found.iter().position(|f| *f == tag)
            {
                found.remove(at);
            }
        }
        found
    }
}

/// Each `<script …>` without `src`, with its text.
fn inline_scripts(html: &str) -> Vec<(String, &str)> {
    html.match_indices("<script")
        .filter_map(|(open, _)| {
            let tag_end = open + html[open..].find('>')? + 1;
            let close = tag_end + html[tag_end..].find("</script")?;
            let tag = &html[open..tag_end];
            (!tag.contains(" src=")).then(|| (tag.to_owned(), &html[tag_end..close]))
        })
        .collect()
}

use base64::Engine;
use service::text::inspect::executable_markup;
use sha2::{Digest, Sha256};

/// Form-encodes `pairs` as the hydrated app does.
pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v))).collect::<Vec<_>>().join("&")
}
