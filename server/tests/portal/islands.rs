//! Reader pages are server-rendered HTML with islands; the back office loads its own bundle.

use crate::common::{SEED_SLUG, TestPortal};

fn reader_pages() -> Vec<String> {
    vec![
        "/".into(),
        "/chuyen-muc/dang-bo".into(),
        format!("/bai-viet/{SEED_SLUG}"),
        "/tim-kiem?q=thanh+hoa".into(),
        "/trang/gioi-thieu".into(),
        "/so-do-trang".into(),
        "/khong-co-trang-nay".into(),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn reader_pages_send_islands_and_no_page_data_for_hydration() {
    let portal = TestPortal::with_demo().await;
    for path in reader_pages() {
        let page = portal.get(&path).await;
        let html = &page.html;
        assert!(
            html.contains("<leptos-island data-component=\"VisitorStatsWidget_"),
            "{path}: the live widget is an island"
        );
        assert!(html.contains("<dd data-stat=\"online\">"), "{path}: rendered with its numbers");
        assert!(!html.contains("data-props="), "{path}: islands take no props, so the bundle needs no JSON parser");
        assert!(!html.contains("__RESOLVED_RESOURCES["), "{path}: no page data is sent for hydration");
        assert!(
            html.contains("(\"/pkg/portal.js\",\"/pkg/portal.wasm\");"),
            "{path}: the reader script loads the islands"
        );
        assert!(html.contains("rel=\"modulepreload\" href=\"/pkg/portal.js\""), "{path}");
        assert!(!html.contains("pkg-admin") && !html.contains("/pkg/admin"), "{path}: nothing of the back office");
    }
    let article = portal.get(&format!("/bai-viet/{SEED_SLUG}")).await;
    assert!(article.html.contains("<leptos-island data-component=\"ReadingTools_"), "the article's reading tools");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_back_office_is_hydrated_whole_by_its_own_bundle() {
    let portal = TestPortal::with_demo().await;
    let page = portal.get("/quan-tri/dang-nhap").await;
    assert!(page.html.contains("href=\"/pkg-admin/admin.js\""), "the back office's bundle");
    assert!(!page.html.contains("/pkg/portal.js"), "not the readers' one");
    assert!(!page.html.contains("/api/luot-xem"), "the back office counts no page view");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_back_office_bundle_is_served_from_its_own_site_root() {
    let portal = TestPortal::with_demo().await;
    let bundle = app::back_office_bundle(&portal.leptos_options);
    let folder = std::path::Path::new(&*bundle.site_root).join(&*bundle.site_pkg_dir);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("admin.Xo3kQ9dmfT2vB8aLzP1q_w.js"), "export default 1;").unwrap();
    let file = portal.get("/pkg-admin/admin.Xo3kQ9dmfT2vB8aLzP1q_w.js").await;
    assert_eq!(file.status, http::StatusCode::OK);
    assert_eq!(file.html, "export default 1;");
    assert_eq!(file.headers["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(portal.get("/pkg-admin/missing.js").await.status, http::StatusCode::NOT_FOUND);
}

/// cargo-leptos builds the back office's bundle where Cargo.toml's `admin` project says; the
/// server looks where `app::back_office_bundle` says.
#[test]
fn the_server_looks_for_the_back_office_bundle_where_the_build_puts_it() {
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml")).unwrap();
    let project = |name: &str| {
        let start = manifest.find(&format!("name = \"{name}\"\nbin-package")).expect("the project in Cargo.toml");
        let block = &manifest[start..];
        let block = &block[..block.find("\n[").unwrap_or(block.len())];
        move |key: &str| {
            let line =
                block.lines().find(|line| line.starts_with(&format!("{key} = "))).unwrap_or_else(|| panic!("{key}"));
            line.split_once(" = ").unwrap().1.trim_matches('"').to_owned()
        }
    };
    let (portal, admin) = (project("portal"), project("admin"));
    let mut reader = leptos::config::LeptosOptions::builder().output_name(portal("name")).build();
    reader.site_root = portal("site-root").into();
    reader.site_pkg_dir = portal("site-pkg-dir").into();
    let bundle = app::back_office_bundle(&reader);
    assert_eq!(*bundle.output_name, admin("output-name"));
    assert_eq!(*bundle.site_root, admin("site-root"));
    assert_eq!(*bundle.site_pkg_dir, admin("site-pkg-dir"));
    assert_eq!(*bundle.hash_file, admin("hash-file-name"));
    assert_eq!(admin("lib-package"), "admin_frontend");
    assert_eq!(portal("lib-package"), "frontend");
}
