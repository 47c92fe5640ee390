//! The page cache: anonymous readers' pages answered from memory, current at once after a change
//! made in the back office or by another process, revalidated with 304, never shared with staff.

use std::io::Read;
use std::time::Duration;

use crate::common::{HASHED_STYLESHEET, SEED_SLUG, TestPortal, form};
use axum::body::Body;
use entity::user::Role;
use http::{Method, StatusCode};
use server::page_cache::PageCacheSettings;
use server::router::RouterSettings;

const METRICS_TOKEN: &str = "giam-sat";

/// Checks for other processes' writes only once an hour: anything seen sooner came from this
/// process's own signal.
async fn portal_checking_hourly() -> TestPortal {
    let page_cache = PageCacheSettings { check_interval: Duration::from_secs(3600), ..PageCacheSettings::default() };
    TestPortal::with_settings(RouterSettings {
        metrics_token: Some(METRICS_TOKEN.into()),
        page_cache,
        ..RouterSettings::default()
    })
    .await
}

async fn read(portal: &TestPortal, uri: &str, headers: &[(&str, &str)]) -> crate::common::Page {
    portal.send(Method::GET, uri, headers, Body::empty()).await
}

fn policy(page: &crate::common::Page) -> &str {
    page.headers.get(http::header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap()
}

fn unbrotli(bytes: &[u8]) -> String {
    let mut text = Vec::new();
    brotli::Decompressor::new(bytes, 4096).read_to_end(&mut text).unwrap();
    String::from_utf8(text).unwrap()
}

async fn counter(portal: &TestPortal, name: &str) -> u64 {
    let metrics = read(portal, "/metrics", &[("authorization", &format!("Bearer {METRICS_TOKEN}"))]).await.html;
    let line = metrics.lines().find(|line| line.starts_with(&format!("{name} "))).unwrap();
    line.rsplit(' ').next().unwrap().parse().unwrap()
}

/// A pending article by a new author, for an editor to publish.
async fn pending_article(portal: &TestPortal, title: &str) -> i32 {
    let author = portal.session_for("phongvien", Role::Author).await;
    let category_id = service::categories::all(portal.db.reader()).await.unwrap()[0].id.to_string();
    let fields = [
        ("form[title]", title),
        ("form[slug]", ""),
        ("form[summary]", "Sapo."),
        ("form[body_html]", "<p>Nội dung.</p>"),
        ("form[category_id]", &category_id),
        ("form[author]", ""),
        ("form[cover_image]", ""),
        ("form[featured]", "false"),
        ("version", "0"),
    ];
    let created = portal.call("/api/save_article", &form(&fields), Some(&author)).await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.html);
    let id = serde_json::from_str::<serde_json::Value>(&created.html).unwrap()["id"].as_i64().unwrap().to_string();
    let submit = form(&[("id", &id), ("step", "Submit")]);
    assert_eq!(portal.call("/api/change_article_status", &submit, Some(&author)).await.status, StatusCode::OK);
    id.parse().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_page_is_rendered_once_then_served_compressed_from_memory() {
    let portal = portal_checking_hourly().await;
    let uri = format!("/bai-viet/{SEED_SLUG}");
    let first = read(&portal, &uri, &[("accept-encoding", "gzip, deflate, br")]).await;
    let second = read(&portal, &uri, &[("accept-encoding", "gzip, deflate, br")]).await;
    for page in [&first, &second] {
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.headers["content-encoding"], "br");
        assert_eq!(page.headers["cache-control"], "no-cache");
        // A kept page has no nonce: its policy lists the hashes of its own inline scripts.
        assert!(policy(page).contains("'sha256-") && !policy(page).contains("nonce"), "{}", policy(page));
    }
    assert_eq!(first.headers["etag"], second.headers["etag"]);
    let html = unbrotli(&first.bytes);
    assert_eq!(html, unbrotli(&second.bytes));
    assert!(html.contains("Hội nghị tổng kết") && !html.contains("nonce="), "{html}");
    assert_eq!(counter(&portal, "portal_page_cache_misses_total").await, 1);
    assert_eq!(counter(&portal, "portal_page_cache_hits_total").await, 1);

    let plain = read(&portal, &uri, &[]).await;
    assert!(plain.headers.get("content-encoding").is_none());
    assert_eq!(plain.html, html, "a client without brotli or gzip gets the same page");
    let feed = read(&portal, "/rss.xml", &[("accept-encoding", "br")]).await;
    assert_eq!(feed.headers["content-encoding"], "br");
    assert!(unbrotli(&feed.bytes).contains("<rss"));
}

#[tokio::test(flavor = "multi_thread")]
async fn revalidation_answers_304_until_the_page_changes() {
    let portal = portal_checking_hourly().await;
    let uri = format!("/bai-viet/{SEED_SLUG}");
    let page = read(&portal, &uri, &[]).await;
    let etag = page.headers["etag"].to_str().unwrap().to_owned();
    let last_modified = page.headers["last-modified"].to_str().unwrap().to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");

    let current = read(&portal, &uri, &[("if-none-match", &etag)]).await;
    assert_eq!(current.status, StatusCode::NOT_MODIFIED);
    assert!(current.bytes.is_empty());
    assert_eq!(current.headers["etag"], etag.as_str());
    let by_date = read(&portal, &uri, &[("if-modified-since", &last_modified)]).await;
    assert_eq!(by_date.status, StatusCode::NOT_MODIFIED);

    // An editor rewrites the article's title: the old copy is no longer current.
    let editor = portal.session_for("bientap", Role::Editor).await;
    let id = service::articles::find_by_slug(portal.db.reader(), SEED_SLUG).await.unwrap().unwrap().id;
    let editing = portal.call("/api/get_article_editor", &form(&[("id", &id.to_string())]), Some(&editor)).await;
    assert_eq!(editing.status, StatusCode::OK, "{}", editing.html);
    let stored: serde_json::Value = serde_json::from_str(&editing.html).unwrap();
    let form_of = &stored["form"];
    let category_id = form_of["category_id"].to_string();
    let version = stored["version"].to_string();
    let fields = [
        ("form[title]", "Hội nghị tổng kết (cập nhật)"),
        ("form[slug]", SEED_SLUG),
        ("form[summary]", form_of["summary"].as_str().unwrap()),
        ("form[body_html]", form_of["body_html"].as_str().unwrap()),
        ("form[category_id]", &category_id),
        ("form[author]", ""),
        ("form[cover_image]", ""),
        ("form[featured]", "false"),
        ("id", &id.to_string()),
        ("version", &version),
    ];
    let saved = portal.call("/api/save_article", &form(&fields), Some(&editor)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.html);

    let changed = read(&portal, &uri, &[("if-none-match", &etag)]).await;
    assert_eq!(changed.status, StatusCode::OK);
    assert!(changed.html.contains("Hội nghị tổng kết (cập nhật)"));
    assert_ne!(changed.headers["etag"], etag.as_str());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_publish_in_the_back_office_is_on_every_cached_page_at_once() {
    let portal = portal_checking_hourly().await;
    let title = "Thông báo khẩn về phòng chống bão số 5";
    let id = pending_article(&portal, title).await.to_string();
    let before = [read(&portal, "/", &[]).await, read(&portal, "/rss.xml", &[]).await];
    assert!(before.iter().all(|page| !page.html.contains(title)));
    assert_eq!(read(&portal, "/", &[]).await.headers["etag"], before[0].headers["etag"], "kept until a change");

    let editor = portal.session_for("bientap", Role::Editor).await;
    let publish = form(&[("id", &id), ("step", "Publish")]);
    assert_eq!(portal.call("/api/change_article_status", &publish, Some(&editor)).await.status, StatusCode::OK);
    assert!(read(&portal, "/", &[]).await.html.contains(title), "the home page shows it at once");
    assert!(read(&portal, "/rss.xml", &[]).await.html.contains(title));
}

#[tokio::test(flavor = "multi_thread")]
async fn changes_by_another_process_are_seen_at_the_next_check() {
    let every_request = PageCacheSettings { check_interval: Duration::ZERO, ..PageCacheSettings::default() };
    let portal =
        TestPortal::with_settings(RouterSettings { page_cache: every_request, ..RouterSettings::default() }).await;
    assert!(read(&portal, "/", &[]).await.html.contains("Hội nghị"));
    // The import command writes to the database without the server hearing of it (no audit entry).
    let line = serde_json::json!({
        "slug": "ban-tin-nhap-tu-he-thong-cu",
        "title": "Bản tin nhập từ hệ thống cũ",
        "category": "Tin tức",
        "published_at": portal.clock.now().to_rfc3339(),
        "summary": "Sapo.",
        "body_html": "<p>Nội dung.</p>",
    });
    let report = service::import::import_jsonl(&portal.db, line.to_string().as_bytes(), portal.clock.now(), |_| {})
        .await
        .unwrap();
    assert_eq!(report.inserted, 1, "{:?}", report.errors);
    assert!(read(&portal, "/", &[]).await.html.contains("Bản tin nhập từ hệ thống cũ"));
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_and_searches_get_their_own_render() {
    let portal = portal_checking_hourly().await;
    read(&portal, "/", &[]).await;
    let editor = portal.session_for("bientap", Role::Editor).await;
    let cookie = format!("__Host-portal_session={editor}");
    let signed_in = read(&portal, "/", &[("cookie", &cookie)]).await;
    assert!(policy(&signed_in).contains("'nonce-"), "rendered for this request: {}", policy(&signed_in));
    assert!(signed_in.headers.get("etag").is_none());
    let search = read(&portal, "/tim-kiem?q=thanh+hoa", &[]).await;
    assert!(policy(&search).contains("'nonce-"));
    assert!(counter(&portal, "portal_page_cache_bypasses_total").await >= 2);
}

/// The key used to be the whole query, and any cookie named like the session passed by the cache:
/// `/?x=1`, `/?x=2`, … or a made-up cookie forced a fresh render each and pushed real pages out.
#[tokio::test(flavor = "multi_thread")]
async fn made_up_parameters_and_cookies_are_answered_from_the_cache() {
    let portal = portal_checking_hourly().await;
    read(&portal, "/", &[]).await;
    let renders = counter(&portal, "portal_page_cache_misses_total").await;
    for n in 0..20 {
        let page = read(&portal, &format!("/?x={n}&fbclid=tu-facebook-{n}"), &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.html.contains("tu-facebook"), "the kept page holds nothing of the parameters left out");
    }
    let forged = read(&portal, "/", &[("cookie", "__Host-portal_session=0123456789abcdef")]).await;
    assert!(!policy(&forged).contains("'nonce-"), "a cookie of no session gets the kept page");
    assert_eq!(counter(&portal, "portal_page_cache_misses_total").await, renders, "no fresh render");

    let second = read(&portal, "/chuyen-muc/tin-tuc-su-kien?page=2", &[]).await;
    let first = read(&portal, "/chuyen-muc/tin-tuc-su-kien", &[]).await;
    assert_eq!(
        counter(&portal, "portal_page_cache_misses_total").await,
        renders + 2,
        "a parameter the page reads counts"
    );
    assert_ne!(second.html, first.html);
}

#[tokio::test(flavor = "multi_thread")]
async fn built_files_named_after_their_content_are_kept_a_year_and_other_files_revalidated() {
    let portal = TestPortal::with_demo().await;
    let hashed = read(&portal, HASHED_STYLESHEET, &[]).await;
    assert_eq!(hashed.status, StatusCode::OK);
    assert_eq!(hashed.headers["cache-control"], "public, max-age=31536000, immutable");
    let plain = read(&portal, "/robots-test.txt", &[]).await;
    assert_eq!(plain.headers["cache-control"], "no-cache");
    let last_modified = plain.headers["last-modified"].to_str().unwrap().to_owned();
    let again = read(&portal, "/robots-test.txt", &[("if-modified-since", &last_modified)]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(read(&portal, "/pkg/khong-co.css", &[]).await.headers.get("cache-control").is_none(), "not for a 404");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_past_its_age_is_served_at_once_while_one_render_replaces_it() {
    let max_age = Duration::from_millis(300);
    let page_cache =
        PageCacheSettings { max_age, check_interval: Duration::from_secs(3600), ..PageCacheSettings::default() };
    let portal = TestPortal::with_settings(RouterSettings {
        metrics_token: Some(METRICS_TOKEN.into()),
        page_cache,
        ..RouterSettings::default()
    })
    .await;
    let today = |page: &crate::common::Page| {
        let text = page.text();
        let at = text.find("Hôm nay: ").expect("the visitor widget");
        text[at..].split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    };
    let before = today(&read(&portal, "/", &[]).await);
    assert_eq!(before, "Hôm nay: 0");
    // A visit changes the numbers, not the content: the kept page stays until it is too old.
    let beacon = format!("/api/luot-xem?trang={}", app::url::encode_component("/"));
    assert_eq!(portal.send(Method::POST, &beacon, &[], Body::empty()).await.status, StatusCode::NO_CONTENT);
    let now = chrono::Utc::now();
    portal.visitors.flush(now).await.unwrap();
    portal.visitors.refresh(now).await.unwrap();
    assert_eq!(today(&read(&portal, "/", &[]).await), before);

    tokio::time::sleep(max_age + Duration::from_millis(50)).await;
    assert_eq!(today(&read(&portal, "/", &[]).await), before, "the old page, at once, while the new one renders");
    let mut after = before.clone();
    for _ in 0..100 {
        after = today(&read(&portal, "/", &[]).await);
        if after != before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(after, "Hôm nay: 1");
    assert_eq!(counter(&portal, "portal_page_cache_misses_total").await, 2, "one render each time, none by readers");
}
