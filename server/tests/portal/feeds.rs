//! Sitemap, robots.txt and RSS: valid XML with the right addresses.

use crate::common::{SEED_SLUG, TestPortal};
use http::StatusCode;

const PUBLIC_URL: &str = "https://portal.example.gov.vn";

#[tokio::test(flavor = "multi_thread")]
async fn the_sitemap_lists_every_article_category_and_page() {
    let portal = TestPortal::with_demo().await;
    let response = portal.get("/sitemap.xml").await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(response.content_type.starts_with("application/xml"));
    let xml = roxmltree::Document::parse(&response.html).expect("well-formed XML");
    let locations: Vec<&str> = xml.descendants().filter(|n| n.has_tag_name("loc")).filter_map(|n| n.text()).collect();
    assert!(locations.contains(&format!("{PUBLIC_URL}/").as_str()));
    assert!(locations.contains(&format!("{PUBLIC_URL}/bai-viet/{SEED_SLUG}").as_str()));
    assert!(locations.contains(&format!("{PUBLIC_URL}/chuyen-muc/dang-bo").as_str()));
    assert!(locations.contains(&format!("{PUBLIC_URL}/trang/gioi-thieu").as_str()));
    assert_eq!(locations.iter().filter(|l| l.contains("/bai-viet/")).count(), 8);
    assert!(xml.descendants().any(|n| n.has_tag_name("lastmod")));
}

#[tokio::test(flavor = "multi_thread")]
async fn robots_txt_points_at_the_sitemap() {
    let portal = TestPortal::with_demo().await;
    let response = portal.get("/robots.txt").await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(response.html.contains(&format!("Sitemap: {PUBLIC_URL}/sitemap.xml")));
}

#[tokio::test(flavor = "multi_thread")]
async fn rss_feeds_are_valid_rss_2_for_the_site_and_each_category() {
    let portal = TestPortal::with_demo().await;
    let site = portal.get("/rss.xml").await;
    assert_eq!(site.status, StatusCode::OK);
    assert!(site.content_type.starts_with("application/rss+xml"));
    let xml = roxmltree::Document::parse(&site.html).expect("well-formed XML");
    let rss = xml.root_element();
    assert_eq!((rss.tag_name().name(), rss.attribute("version")), ("rss", Some("2.0")));
    let items: Vec<_> = xml.descendants().filter(|n| n.has_tag_name("item")).collect();
    assert_eq!(items.len(), 8);
    let first = items[0];
    let child = |name: &str| first.children().find(|c| c.has_tag_name(name)).and_then(|c| c.text()).unwrap();
    assert_eq!(child("title"), "Hội nghị tổng kết công tác Đảng năm 2022 và triển khai nhiệm vụ công tác năm 2023");
    assert_eq!(child("link"), format!("{PUBLIC_URL}/bai-viet/{SEED_SLUG}"));
    assert_eq!(child("pubDate"), "Mon, 26 Dec 2022 01:30:00 +0000");

    let category = portal.get("/chuyen-muc/chuyen-doi-so/rss.xml").await;
    assert_eq!(category.status, StatusCode::OK);
    let xml = roxmltree::Document::parse(&category.html).expect("well-formed XML");
    assert_eq!(xml.descendants().filter(|n| n.has_tag_name("item")).count(), 2);
    assert_eq!(portal.get("/chuyen-muc/khong-co/rss.xml").await.status, StatusCode::NOT_FOUND);
}
