//! The protections every request passes through: security headers and the pages' script policy,
//! refusal of cross-site writes, size limits, rate limits, the live-connection cap, and the
//! health, readiness and metrics endpoints.

use std::net::SocketAddr;

use crate::common::{SEED_SLUG, TestPortal, form};
use axum::body::Body;
use axum::extract::ConnectInfo;
use entity::user::Role;
use http::{Method, Request, StatusCode};
use server::router::RouterSettings;
use tower::ServiceExt;

fn nonce_of(html: &str) -> String {
    let start = html.find("nonce=\"").expect("a script with a nonce") + "nonce=\"".len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_run_only_the_scripts_their_policy_names_and_send_the_security_headers() {
    let portal = TestPortal::with_demo().await;
    // Pages from the cache name their inline scripts by hash; pages rendered for one request
    // (search, not found) by that response's nonce.
    let cached = ["/".to_owned(), format!("/bai-viet/{SEED_SLUG}")];
    let rendered = ["/tim-kiem?q=thanh+hoa".to_owned(), "/khong-co".into()];
    for path in cached.iter().chain(&rendered) {
        let page = portal.get(path).await;
        let policy = page.headers["content-security-policy"].to_str().unwrap().to_owned();
        let script_src = policy.split(';').map(str::trim).find(|d| d.starts_with("script-src")).unwrap().to_owned();
        if cached.contains(path) {
            assert!(!page.html.contains("nonce="), "{path}");
            let sources: Vec<&str> = script_src.split_whitespace().collect();
            assert_eq!(sources[..2], ["script-src", "'self'"], "{path}: {policy}");
            assert_eq!(sources.last(), Some(&"'wasm-unsafe-eval'"), "{path}: {policy}");
            assert!(sources[2..sources.len() - 1].iter().all(|s| s.starts_with("'sha256-")), "{path}: {policy}");
        } else {
            let nonce = nonce_of(&page.html);
            assert_eq!(script_src, format!("script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"), "{path}");
        }
        assert!(!policy.contains("unsafe-inline"), "{path}");
        assert!(page.html.contains("(\"/pkg/portal.js\",\"/pkg/portal.wasm\");</script>"), "{path}: the reader script");
        assert_eq!(page.executable_markup(), Vec::<String>::new(), "{path}: the policy would block these");
        assert!(!page.html.contains(" style=\""), "{path}: inline styles are blocked by style-src 'self'");
        assert_eq!(page.headers["x-content-type-options"], "nosniff");
        assert_eq!(page.headers["x-frame-options"], "DENY");
        assert_eq!(page.headers["referrer-policy"], "strict-origin-when-cross-origin");
        assert!(page.headers["permissions-policy"].to_str().unwrap().contains("camera=()"));
        assert!(!page.headers.contains_key("strict-transport-security"), "HSTS only when configured");
        assert!(!page.headers["x-request-id"].is_empty());
    }
    let (first, second) = (portal.get(&rendered[0]).await, portal.get(&rendered[0]).await);
    assert_ne!(nonce_of(&first.html), nonce_of(&second.html), "a fresh nonce for every response");
    assert_ne!(first.headers["x-request-id"], second.headers["x-request-id"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn feeds_and_files_may_run_nothing_and_https_sites_send_hsts() {
    let portal = TestPortal::with_settings(RouterSettings { hsts: true, ..RouterSettings::default() }).await;
    for path in ["/rss.xml", "/sitemap.xml", "/api/thong-ke"] {
        let answer = portal.get(path).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert!(answer.headers["content-security-policy"].to_str().unwrap().starts_with("default-src 'none'"));
        assert_eq!(answer.headers["strict-transport-security"], "max-age=31536000; includeSubDomains");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn writes_sent_from_another_site_are_refused_and_change_nothing() {
    let portal = TestPortal::with_demo().await;
    let admin = portal.session_for("quantri", Role::Admin).await;
    let settings = form(&[
        ("settings[site_name]", "Cổng bị chiếm"),
        ("settings[agency_name]", "Trang giả mạo"),
        ("settings[emblem_url]", "/emblem.svg"),
        ("settings[licence]", "Giấy phép giả 666"),
        ("settings[responsible_person]", "Kẻ tấn công"),
        ("settings[address]", "-"),
        ("settings[phone]", "-"),
        ("settings[fax]", "-"),
        ("settings[email]", "x@evil.example"),
        ("settings[designed_by]", "-"),
    ]);
    for origin in [
        vec![("sec-fetch-site", "cross-site")],
        vec![("sec-fetch-site", "same-site")],
        vec![("origin", "https://evil.example")],
        vec![("origin", "null")],
    ] {
        let refused = portal.call_with("/api/save_site_settings", &settings, Some(&admin), &origin).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{origin:?}");
        assert!(refused.html.contains("trang web khác"), "{}", refused.html);
    }
    let sign_in = form(&[("login", "quantri"), ("password", "mat-khau-du-dai-123")]);
    let forged = portal.call_with("/api/sign_in", &sign_in, None, &[("sec-fetch-site", "cross-site")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN, "login CSRF");
    assert!(forged.headers.get("set-cookie").is_none());
    assert!(!portal.get("/").await.html.contains("Giấy phép giả 666"), "nothing was stored");

    let own = [("sec-fetch-site", "same-origin"), ("origin", "https://portal.example.gov.vn")];
    let saved = portal.call_with("/api/save_site_settings", &settings, Some(&admin), &own).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.html);
    assert!(portal.get("/").await.html.contains("Giấy phép giả 666"));
}

#[tokio::test(flavor = "multi_thread")]
async fn oversized_addresses_headers_and_bodies_get_a_short_client_error() {
    let portal = TestPortal::with_demo().await;
    let long_uri = format!("/tim-kiem?q={}", "a".repeat(3000));
    assert_eq!(portal.get(&long_uri).await.status, StatusCode::URI_TOO_LONG);
    let big_header = "x".repeat(20 * 1024);
    let answer = portal.send(Method::GET, "/", &[("x-padding", &big_header)], Body::empty()).await;
    assert_eq!(answer.status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);

    let admin = portal.session_for("quantri", Role::Admin).await;
    let cookie = format!("__Host-portal_session={admin}");
    let nine_megabytes = "a".repeat(9 * 1024 * 1024);
    let length = nine_megabytes.len().to_string();
    for (path, size) in [("/api/save_article", 9), ("/api/save_site_settings", 1)] {
        let body = nine_megabytes[..size * 1024 * 1024].to_owned();
        let announced = [("content-type", "application/x-www-form-urlencoded"), ("cookie", cookie.as_str())];
        let with_length = [&announced[..], &[("content-length", length.as_str())]].concat();
        let refused = portal.send(Method::POST, path, &with_length, Body::from(body.clone())).await;
        assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE, "{path}, announced");
        assert!(refused.html.contains("quá lớn"), "{}", refused.html);
        // The same body without a length, as a stream: cut off as it arrives.
        let chunks: Vec<Result<String, std::io::Error>> =
            body.as_bytes().chunks(64 * 1024).map(|c| Ok(String::from_utf8(c.to_vec()).unwrap())).collect();
        let streamed = Body::from_stream(futures::stream::iter(chunks));
        let refused = portal.send(Method::POST, path, &announced, streamed).await;
        assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE, "{path}, streamed");
    }
    let beacon = portal.send(Method::POST, "/api/luot-xem?trang=%2F", &[], Body::from("x".repeat(100 * 1024))).await;
    assert_eq!(beacon.status, StatusCode::PAYLOAD_TOO_LARGE, "pages and the beacon take no real body");
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_server_function_arguments_are_the_callers_mistake() {
    let portal = TestPortal::with_demo().await;
    let editor = portal.session_for("bientap", Role::Editor).await;
    for (path, body) in [
        ("/api/save_article", "version=abc"),
        ("/api/change_article_status", "id=1&step=Explode"),
        ("/api/bulk_change_status", "ids[0]=x&step=Publish"),
        ("/api/sign_in", "%FF%FE=%C3%28"),
        ("/api/get_search_page", "params[page]=-1-1"),
    ] {
        let answer = portal.call(path, body, Some(&editor)).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{path} {body}: {}", answer.html);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn searching_too_often_from_one_address_is_slowed_down_for_that_address_only() {
    let portal =
        TestPortal::with_settings(RouterSettings { searches_per_minute: 3, ..RouterSettings::default() }).await;
    for _ in 0..2 {
        assert_eq!(portal.get("/tim-kiem?q=thanh+hoa").await.status, StatusCode::OK);
    }
    let by_function = portal
        .call("/api/get_search_page", "params[q]=dang&params[category]=&params[from]=&params[to]=&params[page]=1", None)
        .await;
    assert_eq!(by_function.status, StatusCode::OK, "{}", by_function.html);
    let refused = portal.get("/tim-kiem?q=thanh+hoa").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.html.contains("Vui lòng chờ"), "{}", refused.html);
    let wait: u64 = refused.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait));
    assert_eq!(portal.get("/").await.status, StatusCode::OK, "other pages are not limited");
    let elsewhere = portal
        .router()
        .oneshot(
            Request::get("/tim-kiem?q=thanh+hoa")
                .extension(ConnectInfo(SocketAddr::from(([198, 51, 100, 2], 40_000))))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(elsewhere.status(), StatusCode::OK, "another reader is not affected");
}

#[tokio::test(flavor = "multi_thread")]
async fn one_address_cannot_hold_more_live_connections_than_its_share() {
    let portal =
        TestPortal::with_settings(RouterSettings { live_connections_per_address: 2, ..RouterSettings::default() })
            .await;
    let open = || async {
        portal
            .router()
            .oneshot(
                Request::get("/api/thong-ke/truc-tiep")
                    .header("accept", "text/event-stream")
                    .extension(ConnectInfo(SocketAddr::from(([203, 0, 113, 10], 50_000))))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap()
    };
    let first = open().await;
    let second = open().await;
    assert_eq!((first.status(), second.status()), (StatusCode::OK, StatusCode::OK));
    assert_eq!(open().await.status(), StatusCode::TOO_MANY_REQUESTS);
    drop(first);
    assert_eq!(open().await.status(), StatusCode::OK, "a closed connection frees its place");
}

#[tokio::test(flavor = "multi_thread")]
async fn health_readiness_and_metrics_answer_monitoring_only() {
    let portal = TestPortal::with_demo().await;
    assert_eq!(portal.get("/healthz").await.status, StatusCode::OK);
    let ready = portal.get("/readyz").await;
    assert_eq!((ready.status, ready.html.as_str()), (StatusCode::OK, "ready"));
    portal.get("/").await;
    portal.get("/khong-co").await;
    assert_eq!(portal.get("/metrics").await.status, StatusCode::FORBIDDEN, "a reader from outside");
    let from_this_machine = |portal: &TestPortal| {
        portal.router().oneshot(
            Request::get("/metrics")
                .extension(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40_000))))
                .body(Body::empty())
                .unwrap(),
        )
    };
    // A proxy on this machine that forgets X-Forwarded-For looks like this too.
    let refused = from_this_machine(&portal).await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "without the token unless explicitly allowed");
    let settings = RouterSettings { metrics_local_without_token: true, ..RouterSettings::default() };
    let portal = TestPortal::with_settings(settings).await;
    for path in ["/healthz", "/", "/khong-co"] {
        portal.get(path).await;
    }
    let local = from_this_machine(&portal).await.unwrap();
    assert_eq!(local.status(), StatusCode::OK);
    let body = http_body_util::BodyExt::collect(local.into_body()).await.unwrap().to_bytes();
    let text = String::from_utf8(body.to_vec()).unwrap();
    let count = |line: &str| -> u64 {
        text.lines()
            .find_map(|l| l.strip_prefix(line))
            .unwrap_or_else(|| panic!("{line} in {text}"))
            .trim()
            .parse()
            .unwrap()
    };
    assert!(count("portal_http_requests_total{kind=\"page\",status=\"2xx\"}") >= 1);
    assert!(count("portal_http_requests_total{kind=\"page\",status=\"4xx\"}") >= 1, "the 404");
    assert!(count("portal_http_request_duration_seconds_count{kind=\"page\"}") >= 3);
    assert_eq!(count("portal_visits_total"), 7_837_536);
    assert_eq!(count("portal_live_connections"), 0);
}
