//! The reader pages over HTTP: complete server-rendered HTML and the right status codes.

use crate::common::{SEED_SLUG, TestPortal};
use chrono::{Duration, Utc};
use entity::article::ArticleStatus;
use http::StatusCode;
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};

const SEED_TITLE: &str = "Hội nghị tổng kết công tác Đảng năm 2022 và triển khai nhiệm vụ công tác năm 2023";

#[tokio::test(flavor = "multi_thread")]
async fn the_home_page_is_complete_html_from_the_server() {
    let portal = TestPortal::with_demo().await;
    let page = portal.get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.html.starts_with("<!DOCTYPE html><html lang=\"vi\">"));
    assert!(page.html.contains("<title>Sở Thông tin và truyền thông Thanh Hóa</title>"));
    assert!(page.html.contains("<meta name=\"description\" content=\"Sở Thông tin và truyền thông Thanh Hóa: tin tức"));
    // The lead story's photo is the largest paint: fetched first, the other photos lazily.
    assert_eq!(page.html.matches(r#"loading="eager" fetchpriority="high""#).count(), 1);
    assert!(page.html.contains(r#"loading="lazy" width="800""#));
    let text = page.text();
    for expected in [
        SEED_TITLE,
        "Liên kết website",
        "Liên kết chính phủ",
        "Thống kê truy cập",
        "Đã truy cập: 7837536",
        "TRANG THÔNG TIN ĐIỆN TỬ SỞ THÔNG TIN VÀ TRUYỀN THÔNG THANH HÓA",
        "Chịu trách nhiệm: Ông Đỗ Hữu Quyết - Giám đốc",
        "Số ĐT: (02373) 713.985 - Fax: (02373) 713.985",
        "Website được thiết kế bởi Trung tâm Công nghệ thông tin và truyền thông Thanh Hóa",
    ] {
        assert!(text.contains(expected), "the home page shows {expected:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_seed_article_page_has_every_paragraph_in_order_and_its_figures() {
    let portal = TestPortal::with_demo().await;
    let page = portal.get(&format!("/bai-viet/{SEED_SLUG}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.html.contains(&format!("<title>{SEED_TITLE} - Sở Thông tin và truyền thông Thanh Hóa</title>")));
    assert!(page.html.contains("<time datetime=\"2022-12-26T01:30:00+00:00\">Thứ Hai, 26/12/2022 - 08:30</time>"));
    assert_eq!(page.html.matches("<figure").count(), 3);
    assert_eq!(page.html.matches("<figcaption>Ảnh: ").count(), 3);

    let reference = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seed-article.md"))
        .expect("../shared/seed-article.md beside the repository");
    let body = reference.split("```text").nth(2).and_then(|rest| rest.split("```").next()).unwrap();
    let text = page.text();
    let mut from = 0;
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        let found = text[from..].find(line.trim()).unwrap_or_else(|| panic!("{line:?} follows in the page"));
        from += found + line.trim().len();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_pages_answer_404_never_200_or_500() {
    let portal = TestPortal::with_demo().await;
    for uri in [
        "/khong-co",
        "/bai-viet/khong-ton-tai",
        "/chuyen-muc/khong-ton-tai",
        "/chuyen-muc/dang-bo?page=99",
        "/chuyen-muc/dang-bo?page=0",
        "/chuyen-muc/dang-bo?page=abc",
        "/bai-viet/%2e%2e%2fCargo.toml",
    ] {
        let page = portal.get(uri).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(page.text().contains("Không tìm thấy trang"), "{uri} explains itself");
    }
    assert_eq!(portal.get("/chuyen-muc/dang-bo").await.status, StatusCode::OK);
    assert_eq!(portal.get("/chuyen-muc/dang-bo?page=1").await.status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_category_lists_its_own_and_its_subcategories_stories() {
    let portal = TestPortal::with_demo().await;
    let page = portal.get("/chuyen-muc/tin-tuc-su-kien").await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    assert!(text.contains(SEED_TITLE), "a story of the sub-category Đảng bộ");
    assert!(text.contains("Tập huấn kỹ năng bảo đảm an toàn thông tin"), "a story of Hoạt động của Sở");
    assert!(!text.contains("Thông báo lịch tiếp công dân"), "not a story of another category");
    assert!(page.html.contains("href=\"/chuyen-muc/dang-bo\""), "sub-categories are listed");
    // The first photo in the list is above the fold on a phone (the page's largest paint): fetched
    // first, any others lazily.
    let list = &page.html[page.html.find("class=\"article-list\"").expect("the list of stories")..];
    let photos: Vec<&str> = list.split("<img ").skip(1).collect();
    assert!(!photos.is_empty(), "a demo story of the category has a photo");
    assert!(photos[0].contains(r#"loading="eager" fetchpriority="high""#), "{}", photos[0]);
    assert!(photos[1..].iter().all(|photo| photo.contains(r#"loading="lazy""#)));
}

#[tokio::test(flavor = "multi_thread")]
async fn drafts_and_scheduled_articles_are_hidden_from_readers() {
    let portal = TestPortal::with_demo().await;
    let seed = service::articles::find_by_slug(portal.db.reader(), SEED_SLUG).await.unwrap().unwrap();
    let txn = portal.db.begin_write().await.unwrap();
    let mut scheduled = seed.clone().into_active_model();
    scheduled.published_at = Set(Some(Utc::now() + Duration::days(1)));
    scheduled.update(&txn).await.unwrap();
    txn.commit().await.unwrap();
    assert_eq!(portal.get(&format!("/bai-viet/{SEED_SLUG}")).await.status, StatusCode::NOT_FOUND);
    assert!(!portal.get("/").await.text().contains(SEED_TITLE));

    let txn = portal.db.begin_write().await.unwrap();
    let mut draft = seed.into_active_model();
    draft.status = Set(ArticleStatus::Draft);
    draft.update(&txn).await.unwrap();
    txn.commit().await.unwrap();
    assert_eq!(portal.get(&format!("/bai-viet/{SEED_SLUG}")).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_carries_its_canonical_url_and_sharing_tags() {
    let portal = TestPortal::with_demo().await;
    let page = portal.get(&format!("/bai-viet/{SEED_SLUG}")).await;
    let url = format!("https://portal.example.gov.vn/bai-viet/{SEED_SLUG}");
    assert!(page.html.contains(&format!("<link href=\"{url}\" rel=\"canonical\">")));
    assert!(page.html.contains(&format!("<meta property=\"og:url\" content=\"{url}\">")));
    assert!(page.html.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(page.html.contains(&format!("<meta property=\"og:title\" content=\"{SEED_TITLE}\">")));
    assert!(page.html.contains(
        "<meta property=\"og:image\" content=\"https://portal.example.gov.vn/demo/hoi-nghi-dang-bo-1.svg\">"
    ));
    assert!(page.html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    let json_ld = page
        .html
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("JSON-LD on the article page");
    let json: serde_json::Value = serde_json::from_str(json_ld).expect("valid JSON-LD");
    assert_eq!(json["@type"], "NewsArticle");
    assert_eq!(json["headline"], SEED_TITLE);
    assert_eq!(json["datePublished"], "2022-12-26T08:30:00+07:00");
    assert!(page.text().contains("Tin cùng chuyên mục"));

    let home = portal.get("/").await;
    assert!(home.html.contains("<link href=\"https://portal.example.gov.vn/\" rel=\"canonical\">"));
    assert!(home.html.contains("<link href=\"/rss.xml\" rel=\"alternate\""));
}

#[tokio::test(flavor = "multi_thread")]
async fn search_finds_with_or_without_diacritics_and_marks_the_words() {
    let portal = TestPortal::with_demo().await;
    for query in ["dang+bo", "%C4%90%E1%BA%A3ng+b%E1%BB%99"] {
        let page = portal.get(&format!("/tim-kiem?q={query}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.html.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(page.text().contains("Tìm thấy 2 bài viết phù hợp"), "{query}: {}", page.text());
        assert!(page.html.contains("<mark>Đảng</mark>"));
    }
    let nothing = portal.get("/tim-kiem?q=khongcogi").await;
    assert!(nothing.text().contains("Không tìm thấy bài viết nào phù hợp"));
    let bad_date = portal.get("/tim-kiem?q=dang&from=26-12-2022").await;
    assert!(bad_date.text().contains("không hợp lệ"));
    let filtered = portal.get("/tim-kiem?q=so&category=chuyen-doi-so").await;
    assert!(filtered.text().contains("Tìm thấy 2 bài viết"));
}

#[tokio::test(flavor = "multi_thread")]
async fn static_pages_and_the_sitemap_page_render() {
    let portal = TestPortal::with_demo().await;
    let intro = portal.get("/trang/gioi-thieu").await;
    assert_eq!(intro.status, StatusCode::OK);
    assert!(intro.text().contains("Sở Thông tin và Truyền thông tỉnh Thanh Hóa là cơ quan chuyên môn"));
    let contact = portal.get("/trang/lien-he").await;
    assert!(contact.text().contains("(02373) 713.985"));
    assert_eq!(portal.get("/trang/khong-co").await.status, StatusCode::NOT_FOUND);
    let map = portal.get("/so-do-trang").await;
    assert_eq!(map.status, StatusCode::OK);
    for link in ["/chuyen-muc/dang-bo", "/trang/lien-he", "/rss.xml"] {
        assert!(map.html.contains(&format!("href=\"{link}\"")), "{link}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_old_article_address_redirects_permanently() {
    let portal = TestPortal::with_demo().await;
    let seed = service::articles::find_by_slug(portal.db.reader(), SEED_SLUG).await.unwrap().unwrap();
    let txn = portal.db.begin_write().await.unwrap();
    service::articles::change_slug(&txn, seed.id, "hoi-nghi-tong-ket-2022", Utc::now()).await.unwrap();
    txn.commit().await.unwrap();
    let old = portal.get(&format!("/bai-viet/{SEED_SLUG}")).await;
    assert_eq!(old.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(old.location.as_deref(), Some("/bai-viet/hoi-nghi-tong-ket-2022"));
    assert_eq!(portal.get("/bai-viet/hoi-nghi-tong-ket-2022").await.status, StatusCode::OK);
}

/// Finding the app's routes sets a process-wide flag that keeps resources from loading
/// (leptos-rs/leptos#4773). Every router used to find them again, so a test building a portal
/// left another test's render waiting for ever; a 5-second "render it again" layer hid it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pages_render_while_other_portals_are_being_built() {
    use server::page_cache::PageCacheSettings;
    use server::router::RouterSettings;
    let uncached = RouterSettings {
        page_cache: PageCacheSettings { max_age: std::time::Duration::ZERO, ..PageCacheSettings::default() },
        ..RouterSettings::default()
    };
    let portal = std::sync::Arc::new(TestPortal::with_settings(uncached).await);
    let builders = tokio::spawn(async {
        for _ in 0..6 {
            TestPortal::with_demo().await;
        }
    });
    let mut rounds = 0;
    while !builders.is_finished() || rounds < 5 {
        let renders = ["/".to_owned(), format!("/bai-viet/{SEED_SLUG}"), "/so-do-trang".to_owned()].map(|path| {
            let portal = portal.clone();
            tokio::spawn(async move {
                let page = tokio::time::timeout(std::time::Duration::from_secs(10), portal.get(&path))
                    .await
                    .unwrap_or_else(|_| panic!("{path} never finished rendering"));
                assert_eq!(page.status, StatusCode::OK, "{path}");
            })
        });
        for render in renders {
            render.await.unwrap();
        }
        rounds += 1;
    }
    builders.await.unwrap();
}
