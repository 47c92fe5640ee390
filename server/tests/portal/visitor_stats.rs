//! "Thống kê truy cập" over HTTP: who is counted, the widget, the live stream, the back office's
//! statistics page and counter settings, sign-in, and (in `processes`) real server processes.

#[path = "visitor_stats/processes.rs"]
mod processes;

use std::time::Duration;

use crate::common::{SEED_SLUG, TestPortal};
use axum::body::Body;
use entity::user::Role;
use http::{Method, StatusCode};
use service::visitors::{VisitRules, current_numbers, daily_history};

const OFFSET: i64 = 7_837_536;

impl TestPortal {
    async fn beacon(&self, path: &str, headers: &[(&str, &str)]) -> StatusCode {
        let uri = format!("/api/luot-xem?trang={}", app::url::encode_component(path));
        self.send(Method::POST, &uri, headers, Body::empty()).await.status
    }

    /// Stores what was counted and returns (visits today, page views today, online).
    async fn stored(&self) -> (i64, i64, i64) {
        let now = chrono::Utc::now();
        self.visitors.flush(now).await.unwrap();
        self.visitors.refresh(now).await.unwrap();
        let rules = VisitRules::default();
        let today = rules.local_day(now);
        let history = daily_history(self.db.reader(), today, today).await.unwrap();
        let numbers = current_numbers(self.db.reader(), &rules, now).await.unwrap();
        (history[0].visits, history[0].page_views, numbers.online)
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_beacon_and_a_noscript_pixel_each_count_one_view_of_one_visit() {
    let portal = TestPortal::with_demo().await;
    let article = format!("/bai-viet/{SEED_SLUG}");
    assert_eq!(portal.beacon(&article, &[]).await, StatusCode::NO_CONTENT);
    let pixel = portal.get(&format!("/api/luot-xem.gif?trang={}", app::url::encode_component("/"))).await;
    assert_eq!(pixel.status, StatusCode::OK);
    assert_eq!(pixel.content_type, "image/gif");
    assert_eq!(pixel.headers["cache-control"], "no-store");
    assert_eq!(portal.stored().await, (1, 2, 1), "one reader: one visit, two page views, one online");
    let numbers = portal.visitors.numbers();
    assert_eq!(numbers.total, OFFSET + 1);
    let most_read = service::visitors::most_read(portal.db.reader(), 1).await.unwrap();
    assert_eq!((most_read[0].slug.as_str(), most_read[0].view_count), (SEED_SLUG, 1));
    let home = portal.get("/").await;
    assert!(
        home.html.contains(
            r#"<h2 id="most-read-title" class="widget-title">Đọc nhiều nhất</h2><ol><li><a href="/bai-viet/hoi-nghi"#
        ),
        "the sidebar lists the most-read article"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn robots_prefetches_editors_and_non_pages_are_not_counted() {
    let portal = TestPortal::with_demo().await;
    let editor = portal.session_for("bientap", Role::Editor).await;
    let editor_cookie = format!("__Host-portal_session={editor}");
    let cases: [(&str, Vec<(&str, &str)>); 6] = [
        ("/", vec![("user-agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]),
        ("/", vec![("user-agent", "")]),
        ("/", vec![("sec-purpose", "prefetch")]),
        ("/", vec![("cookie", editor_cookie.as_str())]),
        ("/quan-tri/thong-ke", vec![]),
        ("/rss.xml", vec![]),
    ];
    for (path, headers) in &cases {
        assert_eq!(portal.beacon(path, headers).await, StatusCode::NO_CONTENT, "{path} {headers:?}");
    }
    assert_eq!(portal.stored().await, (0, 0, 0));
    // Rendering pages and feeds counts nothing either: only the beacon or pixel does.
    for path in ["/", &format!("/bai-viet/{SEED_SLUG}"), "/rss.xml", "/sitemap.xml"] {
        portal.get(path).await;
    }
    assert_eq!(portal.stored().await, (0, 0, 0));
    let missing = portal.send(Method::POST, "/api/luot-xem", &[], Body::empty()).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert!(missing.html.contains("tham số trang"));
}

#[tokio::test(flavor = "multi_thread")]
async fn repeated_views_from_one_reader_are_one_visit_and_another_reader_is_another() {
    let portal = TestPortal::with_demo().await;
    for _ in 0..3 {
        portal.beacon("/", &[]).await;
    }
    portal
        .beacon(
            "/tim-kiem",
            &[("user-agent", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")],
        )
        .await;
    assert_eq!(portal.stored().await, (2, 4, 2));
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_carries_the_counting_script_the_noscript_pixel_and_the_widget() {
    let portal = TestPortal::with_demo().await;
    portal.beacon("/", &[]).await;
    portal.stored().await;
    let page = portal.get("/chuyen-muc/dang-bo").await;
    assert!(page.html.contains(r#"<noscript><img src="/api/luot-xem.gif?trang=%2Fchuyen-muc%2Fdang-bo""#));
    let head = page.html.split("</head>").next().unwrap();
    assert!(
        head.contains(r#"navigator.sendBeacon("/api/luot-xem?trang=" + encodeURIComponent(path))"#),
        "the head's reader script counts the loaded page"
    );
    let text = page.text();
    for line in ["Thống kê truy cập", "Đang online: 1", "Hôm nay: 1", &format!("Đã truy cập: {}", OFFSET + 1)]
    {
        assert!(text.contains(line), "{line} in {text}");
    }
    let json = portal.get("/api/thong-ke").await;
    assert_eq!(json.html, format!(r#"{{"online":1,"today":1,"total":{},"visible":true}}"#, OFFSET + 1));

    service::visitors::set_widget_visible(&portal.db, false).await.unwrap();
    portal.stored().await;
    assert!(!portal.get("/").await.text().contains("Thống kê truy cập"), "an administrator hid the widget");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_live_stream_sends_the_numbers_at_once_and_again_when_they_change() {
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    let portal = TestPortal::with_demo().await;
    let request = http::Request::get("/api/thong-ke/truc-tiep")
        .header("user-agent", crate::common::BROWSER)
        .extension(axum::extract::ConnectInfo(std::net::SocketAddr::from(([198, 51, 100, 4], 40_000))))
        .body(Body::empty())
        .unwrap();
    let response = portal.router().oneshot(request).await.unwrap();
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    let mut body = response.into_body();
    let mut next_event = async || {
        let frame = tokio::time::timeout(Duration::from_secs(10), body.frame()).await.expect("an event in time");
        String::from_utf8(frame.unwrap().unwrap().into_data().unwrap().to_vec()).unwrap()
    };
    let first = next_event().await;
    assert!(first.starts_with("event: stats\n"), "{first}");
    assert!(first.contains(&format!(r#""today":0,"total":{OFFSET}"#)), "{first}");
    // The open connection itself makes its reader online.
    assert_eq!(portal.stored().await.2, 1);
    let second = next_event().await;
    assert!(second.contains(r#""online":1"#), "{second}");
    portal.beacon("/", &[]).await;
    portal.stored().await;
    let third = next_event().await;
    assert!(third.contains(&format!(r#""online":2,"today":1,"total":{}"#, OFFSET + 1)), "{third}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_statistics_page_needs_a_signed_in_account() {
    let portal = TestPortal::with_demo().await;
    let page = portal.get("/quan-tri/thong-ke?ngay=90").await;
    assert_eq!(page.status, StatusCode::FOUND);
    assert_eq!(page.location.as_deref(), Some("/quan-tri/dang-nhap?tiep=%2Fquan-tri%2Fthong-ke%3Fngay%3D90"));

    let editor = portal.session_for("bientap", Role::Editor).await;
    let cookie = format!("__Host-portal_session={editor}");
    let page = portal.send(Method::GET, "/quan-tri/thong-ke?ngay=90", &[("cookie", &cookie)], Body::empty()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.html.contains("<svg viewBox=\"0 0 720 240\" role=\"img\""));
    assert!(page.text().contains("Lượt truy cập 90 ngày gần nhất"));
    assert!(!page.text().contains("Cài đặt bộ đếm"), "only administrators see the counter settings");

    let admin = portal.session_for("quantri", Role::Admin).await;
    let cookie = format!("__Host-portal_session={admin}");
    let page = portal.send(Method::GET, "/quan-tri/thong-ke", &[("cookie", &cookie)], Body::empty()).await;
    assert!(page.text().contains("Cài đặt bộ đếm"));
    let bad = portal.send(Method::GET, "/quan-tri/thong-ke?ngay=7", &[("cookie", &cookie)], Body::empty()).await;
    assert!(bad.text().contains("Chỉ xem được 30, 90 hoặc 365 ngày gần nhất."));
}

#[tokio::test(flavor = "multi_thread")]
async fn only_administrators_change_the_counter_and_bad_input_changes_nothing() {
    let portal = TestPortal::with_demo().await;
    let editor = portal.session_for("bientap", Role::Editor).await;
    let admin = portal.session_for("quantri", Role::Admin).await;

    let anonymous = portal.call("/api/set_visitor_offset", "offset=1", None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let refused = portal.call("/api/set_visitor_offset", "offset=1", Some(&editor)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.html.contains("không có quyền"));
    for bad in ["offset=m%E1%BB%99t+tri%E1%BB%87u", "offset=-5", "offset=99999999999999999999"] {
        let answer = portal.call("/api/set_visitor_offset", bad, Some(&admin)).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{bad}: {}", answer.html);
    }
    assert_eq!(portal.visitors.numbers().total, OFFSET, "refused changes left the counter alone");

    let saved = portal.call("/api/set_visitor_offset", "offset=9.000.000", Some(&admin)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.html);
    assert_eq!(portal.visitors.numbers().total, 9_000_000);

    portal.beacon("/", &[]).await;
    portal.stored().await;
    let unconfirmed = portal.call("/api/reset_visitor_counts", "", Some(&admin)).await;
    assert_eq!(unconfirmed.status, StatusCode::BAD_REQUEST);
    assert_eq!(portal.visitors.numbers().total, 9_000_001);
    let reset = portal.call("/api/reset_visitor_counts", "confirm=yes", Some(&admin)).await;
    assert_eq!(reset.status, StatusCode::OK);
    assert_eq!((portal.visitors.numbers().today, portal.visitors.numbers().total), (0, 9_000_000));

    let hidden = portal.call("/api/set_visitor_widget_visible", "visible=false", Some(&admin)).await;
    assert_eq!(hidden.status, StatusCode::OK);
    assert!(!portal.visitors.numbers().widget_visible);
    let by_editor = portal.call("/api/set_visitor_widget_visible", "visible=true", Some(&editor)).await;
    assert_eq!(by_editor.status, StatusCode::FORBIDDEN);
    assert!(!portal.visitors.numbers().widget_visible);
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_in_sets_a_secure_http_only_cookie_and_a_wrong_password_is_refused() {
    let portal = TestPortal::with_demo().await;
    portal.session_for("quantri", Role::Admin).await;
    let wrong = portal.call("/api/sign_in", "login=quantri&password=sai-mat-khau-roi", None).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.html.contains("Tên đăng nhập hoặc mật khẩu không đúng."));
    assert!(wrong.headers.get("set-cookie").is_none());

    let signed_in =
        portal.call("/api/sign_in", "login=quantri%40so.example.gov.vn&password=mat-khau-du-dai-123", None).await;
    let cookie = signed_in.headers["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("__Host-portal_session="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(cookie.contains(attribute), "{attribute} in {cookie}");
    }
    let token = cookie.trim_start_matches("__Host-portal_session=").split(';').next().unwrap();
    let page = portal
        .send(Method::GET, "/quan-tri", &[("cookie", &format!("__Host-portal_session={token}"))], Body::empty())
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("Xin chào, quantri"));

    portal.call("/api/sign_out", "", Some(token)).await;
    let after = portal
        .send(Method::GET, "/quan-tri", &[("cookie", &format!("__Host-portal_session={token}"))], Body::empty())
        .await;
    assert_eq!(after.status, StatusCode::FOUND, "the session ended on the server, not just in the browser");
}
