//! The reader pages over HTTP: complete server-rendered HTML and the right status codes.

mod common;

use chrono::{Duration, Utc};
use common::{SEED_SLUG, TestPortal};
use entity::article::ArticleStatus;
use http::StatusCode;
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};

const SEED_TITLE: &str =
    "Hội nghị tổng kết công tác Đảng năm 2022 và triển khai nhiệm vụ công tác năm 2023";

#[tokio::test(flavor = "multi_thread")]
async fn the_home_page_is_complete_html_from_the_server() {
    let portal = TestPortal::with_demo().await;
    let page = portal.get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.html.starts_with("<!DOCTYPE html><html lang=\"vi\">"));
    assert!(
        page.html
            .contains("<title>Sở Thông tin và truyền thông Thanh Hóa</title>")
    );
    assert!(
        page.html
            .contains("<meta name=\"description\" content=\"Ngày 26/12/2022, Đảng bộ Sở")
    );
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
    assert!(page.html.contains(&format!("<title>{SEED_TITLE}</title>")));
    assert!(page.html.contains(
        "<time datetime=\"2022-12-26T01:30:00+00:00\">Thứ Hai, 26/12/2022 - 08:30</time>"
    ));
    assert_eq!(page.html.matches("<figure").count(), 3);
    assert_eq!(page.html.matches("<figcaption>Ảnh: ").count(), 3);

    let reference = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/seed-article.md"
    ))
    .expect("../shared/seed-article.md beside the repository");
    let body = reference
        .split("```text")
        .nth(2)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let text = page.text();
    let mut from = 0;
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        let found = text[from..]
            .find(line.trim())
            .unwrap_or_else(|| panic!("{line:?} follows in the page"));
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
        assert!(
            page.text().contains("Không tìm thấy trang"),
            "{uri} explains itself"
        );
    }
    assert_eq!(
        portal.get("/chuyen-muc/dang-bo").await.status,
        StatusCode::OK
    );
    assert_eq!(
        portal.get("/chuyen-muc/dang-bo?page=1").await.status,
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_category_lists_its_own_and_its_subcategories_stories() {
    let portal = TestPortal::with_demo().await;
    let page = portal.get("/chuyen-muc/tin-tuc-su-kien").await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    assert!(
        text.contains(SEED_TITLE),
        "a story of the sub-category Đảng bộ"
    );
    assert!(
        text.contains("Tập huấn kỹ năng bảo đảm an toàn thông tin"),
        "a story of Hoạt động của Sở"
    );
    assert!(
        !text.contains("Thông báo lịch tiếp công dân"),
        "not a story of another category"
    );
    assert!(
        page.html.contains("href=\"/chuyen-muc/dang-bo\""),
        "sub-categories are listed"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn drafts_and_scheduled_articles_are_hidden_from_readers() {
    let portal = TestPortal::with_demo().await;
    let seed = service::articles::find_by_slug(portal.db.reader(), SEED_SLUG)
        .await
        .unwrap()
        .unwrap();
    let txn = portal.db.begin_write().await.unwrap();
    let mut scheduled = seed.clone().into_active_model();
    scheduled.published_at = Set(Some(Utc::now() + Duration::days(1)));
    scheduled.update(&txn).await.unwrap();
    txn.commit().await.unwrap();
    assert_eq!(
        portal.get(&format!("/bai-viet/{SEED_SLUG}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!portal.get("/").await.text().contains(SEED_TITLE));

    let txn = portal.db.begin_write().await.unwrap();
    let mut draft = seed.into_active_model();
    draft.status = Set(ArticleStatus::Draft);
    draft.update(&txn).await.unwrap();
    txn.commit().await.unwrap();
    assert_eq!(
        portal.get(&format!("/bai-viet/{SEED_SLUG}")).await.status,
        StatusCode::NOT_FOUND
    );
}
