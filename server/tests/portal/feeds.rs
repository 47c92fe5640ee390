//! Sitemap, robots.txt and RSS: valid XML with the right addresses.

use crate::common::{SEED_SLUG, TestPortal};
use http::StatusCode;
use server::router::RouterSettings;

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
async fn a_large_archive_gets_a_sitemap_index_whose_files_list_every_article_once() {
    let settings = RouterSettings { sitemap_articles_per_file: 3, ..RouterSettings::default() };
    let portal = TestPortal::with_settings(settings).await;
    let index = portal.get("/sitemap.xml").await;
    assert_eq!(index.status, StatusCode::OK);
    let xml = roxmltree::Document::parse(&index.html).expect("well-formed XML");
    assert_eq!(xml.root_element().tag_name().name(), "sitemapindex");
    let files: Vec<&str> = xml.descendants().filter(|n| n.has_tag_name("loc")).filter_map(|n| n.text()).collect();
    let expected: Vec<String> = (1..=3).map(|n| format!("{PUBLIC_URL}/sitemap/{n}.xml")).collect();
    assert_eq!(files, expected, "8 articles, 3 a file");

    let mut articles = Vec::new();
    for (number, file) in files.iter().enumerate() {
        let response = portal.get(file.trim_start_matches(PUBLIC_URL)).await;
        assert_eq!(response.status, StatusCode::OK, "{file}");
        assert!(response.content_type.starts_with("application/xml"));
        let xml = roxmltree::Document::parse(&response.html).expect("well-formed XML");
        assert_eq!(xml.root_element().tag_name().name(), "urlset");
        let locations: Vec<String> =
            xml.descendants().filter(|n| n.has_tag_name("loc")).filter_map(|n| n.text()).map(str::to_owned).collect();
        let home = format!("{PUBLIC_URL}/");
        assert_eq!(locations.contains(&home), number == 0, "the first file lists the home page: {file}");
        articles.extend(locations.into_iter().filter(|l| l.contains("/bai-viet/")));
    }
    assert_eq!(articles.len(), 8);
    articles.sort();
    articles.dedup();
    assert_eq!(articles.len(), 8, "no article is listed twice");
    assert!(articles.contains(&format!("{PUBLIC_URL}/bai-viet/{SEED_SLUG}")));

    for missing in ["/sitemap/4.xml", "/sitemap/0.xml", "/sitemap/01.xml", "/sitemap/1", "/sitemap/x.xml"] {
        let response = portal.get(missing).await;
        assert_eq!(response.status, StatusCode::NOT_FOUND, "{missing}");
        assert!(response.html.contains("/sitemap.xml"), "the refusal says where the files are listed");
    }
    let small = TestPortal::with_demo().await;
    assert_eq!(small.get("/sitemap/1.xml").await.status, StatusCode::NOT_FOUND, "one file needs no index");
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
