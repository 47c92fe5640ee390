//! The media library over HTTP: who may upload, what is refused and how, how files are served
//! (types, caching, downloads), that names outside the library never reach the disk, and that a
//! file an article uses cannot be deleted.

use std::io::Cursor;

use app::admin::media_library::{DeleteMedia, UPLOAD_PATH};
use app::models::UploadOutcome;
use axum::body::Body;
use entity::user::Role;
use http::{Method, StatusCode};
use image::{DynamicImage, ImageBuffer, ImageFormat, Rgb};
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use service::editorial::ArticleFields;
use service::editorial::editing::create_draft;

use crate::common::{TestPortal, UPLOAD_LIMIT_BYTES, form};

const BOUNDARY: &str = "----portal-test-boundary-7MA4YWxkTrZu0gW";

fn photo(width: u32, height: u32) -> Vec<u8> {
    let pixels = ImageBuffer::from_fn(width, height, |x, y| Rgb([(x % 250) as u8, (y % 250) as u8, 90]));
    let mut jpeg = Vec::new();
    DynamicImage::ImageRgb8(pixels).write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg).unwrap();
    jpeg
}

/// A `multipart/form-data` body with `files` in the `tep` field and the alt text.
fn multipart(files: &[(&str, &[u8])], alt: &str) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"{name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(
        format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n{alt}\r\n").as_bytes(),
    );
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn upload(portal: &TestPortal, cookie: Option<&str>, body: Vec<u8>, accept: &str) -> crate::common::Page {
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let cookie = cookie.map(|token| format!("__Host-portal_session={token}"));
    let mut headers = vec![("content-type", content_type.as_str()), ("accept", accept)];
    if let Some(cookie) = &cookie {
        headers.push(("cookie", cookie));
    }
    portal.send(Method::POST, UPLOAD_PATH, &headers, Body::from(body)).await
}

async fn upload_json(portal: &TestPortal, cookie: &str, files: &[(&str, &[u8])]) -> (StatusCode, UploadOutcome) {
    let answer = upload(portal, Some(cookie), multipart(files, "Đ/c Lê Hải Quân phát biểu"), "application/json").await;
    let outcome = serde_json::from_str(&answer.html).unwrap_or_else(|e| panic!("{e}: {}", answer.html));
    (answer.status, outcome)
}

#[tokio::test]
async fn an_author_uploads_a_photo_and_readers_get_it_cached_for_a_year_without_its_metadata() {
    let portal = TestPortal::with_demo().await;
    let author = portal.session_for("phongvien", Role::Author).await;
    let mut with_exif = photo(1200, 800);
    // An EXIF block (camera data, where GPS positions live) right after the start marker.
    let exif = b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00";
    let segment = [&[0xFF, 0xE1][..], &((exif.len() + 2) as u16).to_be_bytes(), exif].concat();
    with_exif.splice(2..2, segment);

    let (status, outcome) = upload_json(&portal, &author, &[("Hội nghị tổng kết.jpg", &with_exif)]).await;
    assert_eq!(status, StatusCode::CREATED, "{outcome:?}");
    let item = &outcome.uploaded[0];
    assert_eq!(item.original_name, "Hội nghị tổng kết.jpg");
    assert_eq!(item.alt_text, "Đ/c Lê Hải Quân phát biểu");
    assert_eq!((item.width, item.height), (Some(1200), Some(800)));
    assert_eq!(item.variants.iter().map(|v| v.width).collect::<Vec<_>>(), [480, 960, 1200]);

    let original = portal.get(&item.url).await;
    assert_eq!(original.status, StatusCode::OK);
    assert_eq!(original.content_type, "image/jpeg");
    assert_eq!(original.headers["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(original.headers["x-content-type-options"], "nosniff");
    assert!(!original.bytes.windows(4).any(|w| w == b"Exif"), "the metadata is gone");
    let variant = portal.get(&item.variants[0].url).await;
    assert_eq!((variant.status, variant.content_type.as_str()), (StatusCode::OK, "image/webp"));
    assert_eq!(&variant.bytes[8..12], b"WEBP");

    let etag = original.headers["etag"].to_str().unwrap().to_owned();
    let revalidated = portal.send(Method::GET, &item.url, &[("if-none-match", &etag)], Body::empty()).await;
    assert_eq!(revalidated.status, StatusCode::NOT_MODIFIED);
    assert!(revalidated.bytes.is_empty());

    let library = portal.get("/quan-tri/thu-vien").await;
    assert_eq!(library.status, StatusCode::FOUND, "the page itself needs a session");
}

#[tokio::test]
async fn the_form_without_javascript_uploads_and_comes_back_to_the_library() {
    let portal = TestPortal::with_demo().await;
    let editor = portal.session_for("bientap", Role::Editor).await;
    let pdf = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n";
    let answer =
        upload(&portal, Some(&editor), multipart(&[("Kế hoạch.pdf", pdf), ("ghi-chu.txt", b"chu")], ""), "text/html")
            .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    let location = answer.location.unwrap();
    assert!(location.starts_with("/quan-tri/thu-vien?da-tai-len=1&loi=ghi-chu.txt"), "{location}");

    let cookie = format!("__Host-portal_session={editor}");
    let library = portal.send(Method::GET, &location, &[("cookie", &cookie)], Body::empty()).await;
    assert_eq!(library.status, StatusCode::OK);
    let text = library.text();
    assert!(text.contains("Đã tải lên 1 tệp."), "{text}");
    assert!(text.contains("Không nhận loại tệp này"), "{text}");
    assert!(text.contains("Kế hoạch.pdf"), "{text}");
}

#[tokio::test]
async fn uploads_are_refused_with_the_right_status_and_a_reason() {
    let portal = TestPortal::with_demo().await;
    let author = portal.session_for("phongvien", Role::Author).await;
    let jpeg = photo(64, 48);

    let anonymous = upload(&portal, None, multipart(&[("anh.jpg", &jpeg)], ""), "application/json").await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let cookie = format!("__Host-portal_session={author}");
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let cross_site = portal
        .send(
            Method::POST,
            UPLOAD_PATH,
            &[("cookie", &cookie), ("content-type", &content_type), ("sec-fetch-site", "cross-site")],
            Body::from(multipart(&[("anh.jpg", &jpeg)], "")),
        )
        .await;
    assert_eq!(cross_site.status, StatusCode::FORBIDDEN);

    let html_as_jpeg = b"<html><body><script>alert(document.cookie)</script></body></html>";
    let (status, outcome) = upload_json(&portal, &author, &[("anh.jpg", html_as_jpeg)]).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(outcome.refused[0].message.starts_with("Không nhận loại tệp này"), "{outcome:?}");

    let too_big = vec![0xFF; UPLOAD_LIMIT_BYTES as usize + 600_000];
    let (status, outcome) = upload_json(&portal, &author, &[("to.jpg", &too_big)]).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(outcome.refused[0].message, "Tệp quá lớn: 2,6 MB, tối đa 2,0 MB.");

    let (status, outcome) = upload_json(&portal, &author, &[("hong.jpg", &jpeg[..jpeg.len() / 2])]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(outcome.refused[0].message.starts_with("Tệp ảnh bị hỏng"), "{outcome:?}");

    let anonymous_flood = upload(&portal, None, vec![b'x'; 200_000], "application/json").await;
    assert_eq!(anonymous_flood.status, StatusCode::PAYLOAD_TOO_LARGE, "no session, no megabytes");
    let not_multipart = portal.call(UPLOAD_PATH, "tep=anh.jpg", Some(&author)).await;
    assert_eq!(not_multipart.status, StatusCode::BAD_REQUEST);
    let broken = upload(&portal, Some(&author), b"--nonsense\r\nno headers".to_vec(), "application/json").await;
    assert_eq!(broken.status, StatusCode::BAD_REQUEST);
    let nothing = upload(&portal, Some(&author), multipart(&[], "alt"), "application/json").await;
    assert_eq!(nothing.status, StatusCode::BAD_REQUEST);

    let stored: Vec<_> = std::fs::read_dir(&portal.media_dir).unwrap().collect();
    assert!(stored.is_empty(), "nothing refused was kept: {stored:?}");
}

#[tokio::test]
async fn names_outside_the_library_are_never_served() {
    let portal = TestPortal::with_demo().await;
    let author = portal.session_for("phongvien", Role::Author).await;
    let (_, outcome) = upload_json(&portal, &author, &[("anh.jpg", &photo(40, 30))]).await;
    let stored = outcome.uploaded[0].url.trim_start_matches("/media/").to_owned();
    // A file in the media folder that no row describes, and the database beside it.
    std::fs::write(portal.media_dir.join("khong-co-dong.jpg"), b"\xFF\xD8\xFFx").unwrap();
    for path in [
        "/media/../portal.db",
        "/media/%2e%2e/portal.db",
        "/media/..%2fportal.db",
        "/media/%2e%2e%2fportal.db",
        "/media/..%5cportal.db",
        "/media/%c0%ae%c0%ae%c0%afportal.db",
        "/media/%ef%bc%8e%ef%bc%8e%ef%bc%8fportal.db",
        "/media/.%2e/.%2e/portal.db",
        "/media/khong-co-dong.jpg",
        "/media/KHONG.JPG",
        "/media/",
        &format!("/media/{stored}%00.html"),
        &format!("/media/{}", stored.replace(".jpg", "-1234.webp")),
        &format!("/media/{}", stored.replace(".jpg", ".html")),
    ] {
        let answer = portal.get(path).await;
        assert!(
            matches!(answer.status, StatusCode::NOT_FOUND | StatusCode::BAD_REQUEST),
            "{path}: {} {}",
            answer.status,
            answer.html
        );
        assert!(!answer.html.contains("SQLite format"), "{path}");
    }
}

#[tokio::test]
async fn documents_download_under_their_own_name_and_a_used_file_is_not_deleted() {
    let portal = TestPortal::with_demo().await;
    let editor = portal.session_for("bientap", Role::Editor).await;
    let author = portal.session_for("phongvien", Role::Author).await;
    let pdf = b"%PDF-1.7\n%%EOF\n";
    let (_, outcome) = upload_json(&portal, &editor, &[("Quyết định số 5.pdf", pdf)]).await;
    let document = &outcome.uploaded[0];
    let served = portal.get(&document.url).await;
    assert_eq!(served.content_type, "application/pdf");
    let disposition = served.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("inline; filename=\"quyet dinh so 5.pdf\"; filename*=UTF-8''Quy%E1%BA%BFt"),
        "{disposition}"
    );

    let (_, outcome) = upload_json(&portal, &editor, &[("anh.jpg", &photo(600, 400))]).await;
    let photo_item = &outcome.uploaded[0];
    let body = format!(
        "<figure><img src=\"{}\" alt=\"x\"><figcaption>Ảnh: X</figcaption></figure>",
        photo_item.variants[0].url
    );
    let account = entity::user::Entity::find()
        .filter(entity::user::Column::Username.eq("bientap"))
        .one(portal.db.reader())
        .await
        .unwrap()
        .unwrap();
    let category = service::categories::all(portal.db.reader()).await.unwrap().remove(0);
    let fields = ArticleFields {
        title: "Bài có ảnh".into(),
        summary: "Sapo.".into(),
        body_html: body,
        category_id: Some(category.id),
        ..Default::default()
    };
    let txn = portal.db.begin_write().await.unwrap();
    create_draft(&txn, &account, &fields, chrono::Utc::now()).await.unwrap();
    txn.commit().await.unwrap();

    let delete = |id: i32, cookie: String| {
        let portal = &portal;
        async move { portal.call(<DeleteMedia as ServerFn>::PATH, &form(&[("id", &id.to_string())]), Some(&cookie)).await }
    };
    let by_author = delete(photo_item.id, author.clone()).await;
    assert_eq!(by_author.status, StatusCode::FORBIDDEN);
    let in_use = delete(photo_item.id, editor.clone()).await;
    assert_eq!(in_use.status, StatusCode::CONFLICT, "{}", in_use.html);
    assert!(in_use.html.contains("Bài có ảnh"), "{}", in_use.html);
    assert_eq!(portal.get(&photo_item.url).await.status, StatusCode::OK);

    let deleted = delete(document.id, editor.clone()).await;
    assert!(deleted.status.is_success(), "{}", deleted.html);
    assert_eq!(portal.get(&document.url).await.status, StatusCode::NOT_FOUND);
}
