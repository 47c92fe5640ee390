//! A portal on a fresh SQLite database with the demo content, answering requests in-process.
// Each test binary includes this module and uses a different part of it.
#![allow(dead_code)]

use app::ssr::{AppState, PublicUrl};
use axum::Router;
use axum::body::Body;
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use service::{Database, demo};
use tower::ServiceExt;

pub const SEED_SLUG: &str = "hoi-nghi-tong-ket-cong-tac-dang-nam-2022-va-trien-khai-nhiem-vu-cong-tac-nam-2023";

pub struct TestPortal {
    router: Router,
    pub db: Database,
    _folder: tempfile::TempDir,
}

pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub content_type: String,
    pub html: String,
}

impl TestPortal {
    pub async fn with_demo() -> Self {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let db = Database::connect(&format!("sqlite://{}/portal.db", folder.path().display())).await.unwrap();
        demo::seed_if_empty(&db, chrono::Utc::now()).await.unwrap();
        demo::ensure_site_rows(&db).await.unwrap();
        let leptos_options =
            LeptosOptions::builder().output_name("portal").site_root(folder.path().display().to_string()).build();
        let public_url = PublicUrl("https://portal.example.gov.vn".into());
        let router = server::router::build_router(AppState { leptos_options, db: db.clone(), public_url });
        Self { router, db, _folder: folder }
    }

    pub async fn get(&self, uri: &str) -> Page {
        let request = Request::get(uri).body(Body::empty()).unwrap();
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let content_type = response
            .headers()
            .get(http::header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let location = response.headers().get(http::header::LOCATION).map(|v| v.to_str().unwrap().to_owned());
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Page { status, location, content_type, html: String::from_utf8(bytes.to_vec()).expect("UTF-8 HTML") }
    }
}

impl Page {
    /// The visible text of the page, tags removed and entities decoded.
    pub fn text(&self) -> String {
        service::text::html_to_text(&self.html)
    }
}
