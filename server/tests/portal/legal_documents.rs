//! The legal documents as readers get them: the list with its filters and counts, bad filters
//! refused with a reason, each document's page with its effect, relations and files, and the
//! attachments counted as they are downloaded.

use chrono::{TimeZone, Utc};
use entity::legal_document_attachment;
use http::StatusCode;
use sea_orm::EntityTrait;

use crate::common::TestPortal;

/// On 4 December 2026, when the demo's effect dates give every state at least once.
async fn portal() -> TestPortal {
    let portal = TestPortal::at(Utc.with_ymd_and_hms(2026, 12, 4, 3, 0, 0).unwrap()).await;
    portal.seed_documents().await;
    portal
}

#[tokio::test(flavor = "multi_thread")]
async fn the_list_shows_published_documents_newest_first_with_counts_beside_every_filter() {
    let portal = portal().await;
    let list = portal.get("/van-ban").await;
    assert_eq!(list.status, StatusCode::OK);
    let text = list.text();
    assert!(text.contains("29 văn bản"), "{text}");
    assert!(!text.contains("36/2026/QĐ-UBND"), "the draft is not shown");
    assert!(list.html.contains("<th scope=\"col\">Số ký hiệu</th>"));
    assert!(list.html.contains(">Quyết định (12)</option>"), "{}", list.html);
    assert!(list.html.contains(">Hết hiệu lực toàn bộ (6)</option>"), "{}", list.html);
    // The newest document first: a decision of 25/11/2026, not yet in force.
    let first_row = list.html.split("<tbody>").nth(1).unwrap().split("</tr>").next().unwrap();
    assert!(first_row.contains("35/2026/QĐ-UBND") && first_row.contains("Chưa có hiệu lực"), "{first_row}");

    let laws = portal.get("/van-ban?type=luat").await;
    assert!(laws.text().contains("1 văn bản"), "a filtered list is not the cached unfiltered one");
    assert!(laws.text().contains("20/2023/QH15"));
    let expired_decisions = portal.get("/van-ban?type=quyet-dinh&effect=het-hieu-luc").await;
    let numbers: Vec<&str> = ["15/2023/QĐ-UBND", "09/2020/QĐ-UBND"]
        .into_iter()
        .filter(|number| expired_decisions.text().contains(number))
        .collect();
    assert_eq!(numbers.len(), 2, "{}", expired_decisions.text());
    assert!(!expired_decisions.text().contains("20/2024/QĐ-UBND"));
    let in_field = portal.get("/van-ban?field=thong-tin-va-truyen-thong&year=2026").await;
    assert!(in_field.text().contains("35/2026/QĐ-UBND"), "a field lists what is filed under its sub-fields");
}

#[tokio::test(flavor = "multi_thread")]
async fn search_reads_numbers_loosely_and_the_text_of_attached_files() {
    let portal = portal().await;
    for query in ["15%2F2023%2FQ%C4%90-UBND", "15%2F2023", "qd-ubnd+15"] {
        let found = portal.get(&format!("/van-ban?q={query}")).await;
        assert!(found.text().contains("15/2023/QĐ-UBND"), "{query}: {}", found.text());
    }
    let by_pdf = portal.get("/van-ban?q=trung+tam+du+lieu").await;
    assert!(by_pdf.text().contains("1 văn bản") && by_pdf.text().contains("120/KH-UBND"), "{}", by_pdf.text());
    let nothing = portal.get("/van-ban?q=khongcogi").await;
    assert!(nothing.text().contains("Không có văn bản nào phù hợp"));
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_with_values_that_do_not_exist_are_refused_with_a_reason() {
    let portal = portal().await;
    for (query, message) in [
        ("type=khong-co", "Không có loại văn bản “khong-co”"),
        ("year=20x3", "Năm “20x3” không hợp lệ"),
        ("effect=con", "Không có tình trạng hiệu lực “con”"),
        ("signer=abc", "Không có người ký “abc”"),
        ("from=2024-13-01", "không hợp lệ"),
        ("from=2025-01-01&to=2024-01-01", "Ngày bắt đầu phải trước ngày kết thúc"),
    ] {
        let page = portal.get(&format!("/van-ban?{query}")).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(page.text().contains(message), "{query}: {}", page.text());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_document_page_shows_its_effect_with_the_reason_and_its_relations_both_ways() {
    let portal = portal().await;
    let old = portal.get("/van-ban/15-2023-qd-ubnd").await;
    assert_eq!(old.status, StatusCode::OK);
    let text = old.text();
    assert!(text.contains("Quyết định 15/2023/QĐ-UBND"));
    assert!(text.contains("Hết hiệu lực toàn bộ"), "{text}");
    assert!(text.contains("bị thay thế bởi 20/2024/QĐ-UBND từ 01/03/2024"), "{text}");
    assert!(text.contains("Văn bản thay thế") && text.contains("Văn bản căn cứ"), "{text}");
    assert!(text.contains("Đỗ Minh Tuấn — Chủ tịch UBND tỉnh"));
    assert!(old.html.contains("\"@type\":\"Legislation\""));
    assert!(old.html.contains("\"legislationLegalForce\":\"https://schema.org/NotInForce\""));
    assert!(old.html.contains("href=\"/van-ban/20-2024-qd-ubnd\""));
    assert!(old.html.contains("SHA-256: <code>"), "the attachment's digest is shown");
    assert!(old.executable_markup().is_empty(), "{:?}", old.executable_markup());

    let new = portal.get("/van-ban/20-2024-qd-ubnd").await;
    assert!(new.text().contains("Thay thế văn bản") && new.text().contains("15/2023/QĐ-UBND"));
    let scan = portal.get("/van-ban/1850-stttt-bcxb").await;
    assert!(scan.text().contains("Bản quét"), "a scan says its text is not searched");

    assert_eq!(portal.get("/van-ban/khong-co").await.status, StatusCode::NOT_FOUND);
    assert_eq!(portal.get("/van-ban/36-2026-qd-ubnd").await.status, StatusCode::NOT_FOUND, "a draft is not public");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_attachment_is_counted_and_sent_from_the_media_library() {
    let portal = portal().await;
    let page = portal.get("/van-ban/120-kh-ubnd").await;
    let link = page.html.split("href=\"/van-ban/120-kh-ubnd/tep/").nth(1).unwrap().split('"').next().unwrap();
    let url = format!("/van-ban/120-kh-ubnd/tep/{link}");
    let first = portal.get(&url).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let file = first.location.clone().unwrap();
    assert!(file.starts_with("/media/") && file.ends_with(".pdf"), "{file}");
    assert_eq!(first.headers.get("cache-control").unwrap(), "no-store");
    portal.get(&url).await;
    let served = portal.get(&file).await;
    assert_eq!((served.status, served.content_type.as_str()), (StatusCode::OK, "application/pdf"));
    assert!(served.headers.get("content-disposition").unwrap().to_str().unwrap().starts_with("inline"));
    let attachment = legal_document_attachment::Entity::find_by_id(link.parse::<i32>().unwrap())
        .one(portal.db.reader())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(attachment.download_count, 2);

    assert_eq!(
        portal.get(&format!("/van-ban/15-2023-qd-ubnd/tep/{link}")).await.status,
        StatusCode::NOT_FOUND,
        "not this document's file"
    );
    assert_eq!(portal.get("/van-ban/120-kh-ubnd/tep/abc").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread")]
async fn documents_are_in_the_sitemap_and_in_feeds_for_all_for_a_type_and_for_a_field() {
    let portal = portal().await;
    let sitemap = portal.get("/sitemap.xml").await;
    assert!(sitemap.html.contains("<loc>https://portal.example.gov.vn/van-ban/15-2023-qd-ubnd</loc>"));
    assert!(!sitemap.html.contains("/van-ban/36-2026-qd-ubnd"), "not the draft");
    let all = portal.get("/van-ban/rss.xml").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.content_type.starts_with("application/rss+xml"));
    assert_eq!(all.html.matches("<item>").count(), 29);
    assert!(all.html.contains("<title>Quyết định 35/2026/QĐ-UBND: Ban hành Quy chế bảo đảm an toàn thông tin mạng"));
    let plans = portal.get("/van-ban/loai/ke-hoach/rss.xml").await;
    assert_eq!(plans.html.matches("<item>").count(), 4, "{}", plans.html);
    let field = portal.get("/van-ban/linh-vuc/thong-tin-va-truyen-thong/rss.xml").await;
    assert!(field.html.contains("35/2026/QĐ-UBND"), "documents of its sub-fields");
    assert_eq!(portal.get("/van-ban/loai/khong-co/rss.xml").await.status, StatusCode::NOT_FOUND);
    let list = portal.get("/van-ban?type=ke-hoach").await;
    assert!(list.html.contains("href=\"/van-ban/loai/ke-hoach/rss.xml\""));
}

#[tokio::test(flavor = "multi_thread")]
async fn searching_documents_counts_against_the_same_limit_as_searching_articles() {
    let settings = server::router::RouterSettings { searches_per_minute: 3, ..Default::default() };
    let portal = TestPortal::with_settings(settings).await;
    assert_eq!(portal.get("/tim-kiem?q=thanh+hoa").await.status, StatusCode::OK);
    for query in ["15%2F2023", "chuyen+doi+so"] {
        assert_eq!(portal.get(&format!("/van-ban?q={query}")).await.status, StatusCode::OK);
    }
    let refused = portal.get("/van-ban?q=ke+hoach").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.html.contains("Vui lòng chờ"));
    let by_function = portal.call("/api/get_document_list", "params[q]=dang&params[page]=1", None).await;
    assert_eq!(by_function.status, StatusCode::TOO_MANY_REQUESTS, "nor through its server function");
    assert_eq!(portal.get("/van-ban/rss.xml").await.status, StatusCode::OK, "feeds are not limited");
}
