//! Hostile input against the whole portal, bounded in count: random and malformed addresses and
//! query strings, percent-encoded invalid UTF-8 and path traversal, malformed server-function
//! payloads under wrong content types, XSS vectors in every field an editor fills in, and
//! SQL-injection strings in search and filters. Expected: never a 5xx, nothing executable in any
//! page, nothing stored that should not be, and the site keeps serving.

use crate::common::{SEED_SLUG, TestPortal, form};
use axum::body::Body;
use entity::user::Role;
use http::{Method, StatusCode, Uri};
use sea_orm::{EntityTrait, PaginatorTrait};

/// A fixed-seed generator: every run sends the same requests, so a failure can be replayed.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PREFIXES: &[&str] = &[
    "/",
    "/bai-viet/",
    "/chuyen-muc/",
    "/trang/",
    "/tim-kiem?q=",
    "/tim-kiem?page=",
    "/tim-kiem?from=",
    "/quan-tri/bai-viet?status=",
    "/quan-tri/bai-viet/",
    "/quan-tri/nhat-ky?",
    "/api/",
    "/pkg/",
    "/rss.xml?",
    "/api/luot-xem.gif?trang=",
    "/sitemap.xml/",
    "/quan-tri/dang-nhap?next=",
];
const PIECES: &[&str] = &[
    "%00",
    "%FF",
    "%C3%28",
    "%E2%82",
    "%F0%9F%98",
    "..%2F",
    "../",
    "..%5C",
    "%2e%2e%2f",
    "%252e%252e%252f",
    "%EF%BC%8E%EF%BC%8E%2F",
    "%C0%AE%C0%AE/",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "'%20OR%201=1--",
    "%22",
    "'",
    "%",
    "%%",
    "+",
    "&",
    "=",
    "?",
    "//",
    ";",
    "%0D%0ASet-Cookie:x=1",
    "Thanh%20H%C3%B3a",
    "%E1%BA%A2ng",
    "-1",
    "99999999999999999999",
    "0x7fffffff",
    "[]",
    "a[b][c]=1",
    "~",
    "*",
    "(",
    "%7B%7B",
    "$%7B",
    "bai-viet",
];

fn random_uri(rng: &mut Xorshift) -> String {
    let mut uri = rng.pick(PREFIXES).to_owned();
    for _ in 0..=(rng.next() % 6) {
        if rng.next().is_multiple_of(3) {
            uri.push_str(&format!("%{:02X}", rng.next() % 256));
        } else {
            uri.push_str(rng.pick(PIECES));
        }
    }
    uri
}

async fn article_count(portal: &TestPortal) -> u64 {
    entity::article::Entity::find().count(portal.db.reader()).await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn random_and_malformed_addresses_never_break_the_server() {
    let portal = TestPortal::with_demo().await;
    let author = portal.session_for("phongvien", Role::Author).await;
    let cookie = format!("__Host-portal_session={author}");
    let mut rng = Xorshift(0x5eed_2026_1128);
    let mut sent = 0;
    for n in 0..600 {
        let uri = random_uri(&mut rng);
        if uri.parse::<Uri>().is_err() || uri.starts_with("/api/thong-ke/truc-tiep") {
            continue;
        }
        let method = [Method::GET, Method::HEAD, Method::POST][n % 3].clone();
        let headers: Vec<(&str, &str)> = if n % 2 == 0 { vec![("cookie", &cookie)] } else { vec![] };
        let answer = portal.send(method.clone(), &uri, &headers, Body::empty()).await;
        assert!(answer.status.as_u16() < 500, "{method} {uri} → {}: {}", answer.status, answer.html);
        assert_eq!(answer.executable_markup(), Vec::<String>::new(), "{uri}");
        sent += 1;
    }
    assert!(sent > 400, "only {sent} of the generated addresses were valid URIs");
    assert_eq!(portal.get(&format!("/bai-viet/{SEED_SLUG}")).await.status, StatusCode::OK, "still serving");
}

#[tokio::test(flavor = "multi_thread")]
async fn paths_outside_the_site_root_are_never_served() {
    let portal = TestPortal::with_demo().await;
    assert_eq!(portal.get("/robots-test.txt").await.status, StatusCode::OK, "files in the site root are served");
    for path in [
        "/../portal.db",
        "/%2e%2e/portal.db",
        "/%2E%2E%2Fportal.db",
        "/pkg/..%2F..%2Fportal.db",
        "/..%5Cportal.db",
        "/%252e%252e/portal.db",
        "/%C0%AE%C0%AE/portal.db",
        "/%EF%BC%8E%EF%BC%8E/portal.db",
        "/./../portal.db",
        "//portal.db",
        "/site/../../portal.db",
    ] {
        let answer = portal.get(path).await;
        assert!(answer.status.is_client_error(), "{path} → {}", answer.status);
        assert!(!answer.html.contains("SQLite format"), "{path} served the database");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_server_function_payloads_are_refused_without_storing_anything() {
    let portal = TestPortal::with_demo().await;
    let author = portal.session_for("phongvien", Role::Author).await;
    let articles_before = article_count(&portal).await;
    let nested = "a".to_owned() + &"[a]".repeat(500) + "=1";
    let bodies: &[(&str, &[u8])] = &[
        ("application/x-www-form-urlencoded", b""),
        ("application/x-www-form-urlencoded", b"garbage"),
        ("application/x-www-form-urlencoded", b"\xff\xfe\x00\x01=%FF%C3%28"),
        ("application/x-www-form-urlencoded", nested.as_bytes()),
        ("application/x-www-form-urlencoded", b"id=99999999999999999999&version=-1&form[title]=x"),
        ("application/x-www-form-urlencoded", b"ids[999999999]=1&step=Publish"),
        ("application/json", b"{\"id\": {\"$gt\": 0}}"),
        ("application/json", b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["),
        ("text/plain", b"id=1"),
        ("multipart/form-data; boundary=xyz", b"--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"),
        ("multipart/form-data", b"--\r\n--"),
        ("application/cbor", b"\xa1\x61\x61\x01"),
    ];
    let mut paths: Vec<&str> = leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path).collect();
    paths.sort_unstable();
    assert!(paths.len() > 30, "every server function is tried: {paths:?}");
    for path in &paths {
        for (content_type, body) in bodies {
            for session in [None, Some(author.as_str())] {
                let cookie = session.map(|s| format!("__Host-portal_session={s}")).unwrap_or_default();
                let mut headers = vec![("content-type", *content_type), ("accept", "application/json")];
                if session.is_some() {
                    headers.push(("cookie", &cookie));
                }
                let answer = portal.send(Method::POST, path, &headers, Body::from(body.to_vec())).await;
                assert!(
                    answer.status.as_u16() < 500,
                    "{path} {content_type} {:?} → {}: {}",
                    String::from_utf8_lossy(body),
                    answer.status,
                    answer.html
                );
            }
        }
    }
    assert_eq!(article_count(&portal).await, articles_before, "no article was created or removed");
    assert_eq!(portal.get("/").await.status, StatusCode::OK);
}

const XSS: &[&str] = &[
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><use href=\"data:image/svg+xml,<svg id='x' onload='alert(1)'/>#x\"/></svg>",
    "<a href=\"javascript:alert(1)\">bấm</a><a href=\"  JaVaScRiPt:alert(1)\">2</a><a href=\"java&#x09;script:alert(1)\">3</a>",
    "<iframe src=\"https://evil.example\"></iframe><object data=\"x.swf\"></object><embed src=\"x\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<p style=\"background:url(javascript:alert(1));width:expression(alert(1))\">css</p>",
    "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">x</button></form>",
    "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "\"><script>alert(1)</script><p x=\"",
    "<img src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<<script>script>alert(1)<</script>/script>",
    "<details open ontoggle=alert(1)>",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script><!--",
];

#[tokio::test(flavor = "multi_thread")]
async fn xss_vectors_in_every_field_never_reach_a_page_in_executable_form() {
    let portal = TestPortal::with_demo().await;
    let editor = portal.session_for("bientap", Role::Editor).await;
    let category = service::categories::all(portal.db.reader()).await.unwrap()[0].id.to_string();
    for (n, vector) in XSS.iter().enumerate() {
        let title = format!("Bài thử {n} {vector}");
        // A tag is at most 50 characters.
        let tags = format!("thẻ {n}, {}", vector.chars().take(45).collect::<String>());
        let saved = portal
            .call(
                "/api/save_article",
                &form(&[
                    ("version", "0"),
                    ("form[title]", &title),
                    ("form[slug]", &format!("bai-thu-{n}")),
                    ("form[summary]", vector),
                    ("form[body_html]", &format!("<p>Nội dung</p>{vector}")),
                    ("form[category_id]", &category),
                    ("form[author]", vector),
                    ("form[cover_image]", ""),
                    ("form[featured]", "true"),
                    ("form[tags]", &tags),
                    ("form[seo_title]", vector),
                    ("form[seo_description]", vector),
                ]),
                Some(&editor),
            )
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{vector}: {}", saved.html);
        let id: serde_json::Value = serde_json::from_str(&saved.html).unwrap();
        let id = id["id"].as_i64().unwrap().to_string();
        let published =
            portal.call("/api/change_article_status", &form(&[("id", &id), ("step", "Publish")]), Some(&editor)).await;
        assert_eq!(published.status, StatusCode::OK, "{vector}: {}", published.html);
    }
    let mut pages = vec!["/".to_owned(), "/rss.xml".into(), "/sitemap.xml".into()];
    pages.extend((0..XSS.len()).map(|n| format!("/bai-viet/bai-thu-{n}")));
    pages.extend(XSS.iter().map(|v| format!("/tim-kiem?q={}", app::url::encode_component(v))));
    for path in &pages {
        let page = portal.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert_eq!(page.executable_markup(), Vec::<String>::new(), "{path}");
    }
    let cookie = format!("__Host-portal_session={editor}");
    for path in ["/quan-tri/bai-viet", "/quan-tri"] {
        let page = portal.send(Method::GET, path, &[("cookie", &cookie)], Body::empty()).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert_eq!(page.executable_markup(), Vec::<String>::new(), "{path} (the back office shows titles too)");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn sql_injection_strings_in_search_and_filters_are_just_text() {
    let portal = TestPortal::with_demo().await;
    let editor = portal.session_for("bientap", Role::Editor).await;
    let cookie = format!("__Host-portal_session={editor}");
    let articles_before = article_count(&portal).await;
    for injection in [
        "' OR '1'='1",
        "'; DROP TABLE article; --",
        "\" OR \"\"=\"",
        "1; DELETE FROM article",
        "%' UNION SELECT password_hash FROM \"user\" --",
        "') OR 1=1 --",
        "\\'; SELECT pg_sleep(5); --",
    ] {
        let encoded = app::url::encode_component(injection);
        let search = portal.get(&format!("/tim-kiem?q={encoded}&category={encoded}&from={encoded}")).await;
        assert!(search.status.as_u16() < 500, "{injection}: {}", search.status);
        assert!(!search.html.contains("argon2"), "no password hashes leak");
        assert!(!search.text().contains("Hội nghị tổng kết công tác Đảng năm 2022"), "{injection} matched everything");
        let list = portal
            .send(
                Method::GET,
                &format!("/quan-tri/bai-viet?q={encoded}&status={encoded}&category={encoded}&writer={encoded}"),
                &[("cookie", &cookie)],
                Body::empty(),
            )
            .await;
        assert!(list.status.as_u16() < 500, "{injection}: {}", list.status);
    }
    assert_eq!(article_count(&portal).await, articles_before);
    assert_eq!(portal.get(&format!("/bai-viet/{SEED_SLUG}")).await.status, StatusCode::OK);
}
