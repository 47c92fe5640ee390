//! The media library against a real database and a real folder: uploads are processed and stored
//! whole or not at all, found by folded words, described, and deleted only when no article uses them.

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use entity::user::Role;
use image::{DynamicImage, ImageBuffer, ImageFormat, Rgb};
use media::{ImageLimits, LocalDiskStore, MediaError};
use service::audit::{self, Actor, AuditFilter};
use service::editorial::ArticleFields;
use service::editorial::editing::create_draft;
use service::media_library::{
    self, KindFilter, MediaChangeError, MediaFilter, MediaLibrary, Upload, UploadError, UploadLimits,
};
use service::users::{self, NewUser};
use service::{Database, categories, demo};

use crate::common::TestDatabase;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 3, 0, 0).unwrap()
}

fn photo(width: u32, height: u32) -> Vec<u8> {
    let pixels = ImageBuffer::from_fn(width, height, |x, y| Rgb([(x % 200) as u8, (y % 200) as u8, 120]));
    let mut jpeg = Vec::new();
    DynamicImage::ImageRgb8(pixels).write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg).unwrap();
    jpeg
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

struct Prepared {
    test: TestDatabase,
    folder: tempfile::TempDir,
    library: MediaLibrary,
    account: entity::user::Model,
    editor: Actor,
}

async fn prepared(limits: UploadLimits) -> Prepared {
    let test = TestDatabase::new().await;
    demo::seed_if_empty(&test.db, now()).await.unwrap();
    let txn = test.db.begin_write().await.unwrap();
    let new = NewUser {
        username: "bientap",
        email: "bientap@so.example.gov.vn",
        display_name: "Biên tập",
        password: "mat-khau-du-dai-123",
        role: Role::Editor,
    };
    let account = users::create(&txn, new, now()).await.unwrap();
    txn.commit().await.unwrap();
    let folder = tempfile::tempdir().unwrap();
    let store = Arc::new(LocalDiskStore::new(folder.path()).unwrap());
    let editor = Actor::from(&account);
    Prepared { test, folder, library: MediaLibrary { store, limits }, account, editor }
}

async fn upload(p: &Prepared, name: &str, bytes: Vec<u8>) -> Result<entity::media::Model, UploadError> {
    let upload = Upload { original_name: name, bytes, alt_text: "Đ/c Lê Hải Quân phát biểu" };
    media_library::store_upload(&p.test.db, &p.library, upload, &p.editor, now()).await
}

#[tokio::test]
async fn an_image_is_stored_with_its_variants_once_and_logged() {
    let p = prepared(UploadLimits::default()).await;
    let row = upload(&p, "C:\\Ảnh\\Hội nghị tổng kết.JPEG", photo(1200, 800)).await.unwrap();
    assert_eq!(row.original_name, "Hội nghị tổng kết.jpg");
    assert_eq!((row.width, row.height), (Some(1200), Some(800)));
    assert_eq!(row.content_type, "image/jpeg");
    let variants = media_library::variants(&row);
    let sizes: Vec<(u32, u32)> = variants.iter().map(|v| (v.width, v.height)).collect();
    assert_eq!(sizes, [(480, 320), (960, 640), (1200, 800)]);
    let mut expected: Vec<String> = variants.iter().map(|v| v.file_name.clone()).collect();
    expected.push(row.file_name.clone());
    expected.sort();
    assert_eq!(files_in(p.folder.path()), expected, "the original and every variant, nothing half-written");

    let again = upload(&p, "ban-sao.jpg", photo(1200, 800)).await.unwrap();
    assert_eq!(again.id, row.id, "the same content is not stored twice");
    assert_eq!(files_in(p.folder.path()).len(), 4);

    let filter = AuditFilter { action_prefix: Some("media.".into()), ..Default::default() };
    let (entries, _) = audit::list(p.test.db.reader(), &filter, 1, 10).await.unwrap();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].summary.contains("Hội nghị tổng kết.jpg"), "{}", entries[0].summary);
}

#[tokio::test]
async fn refused_uploads_leave_no_row_and_no_file() {
    let limits = UploadLimits { max_file_bytes: 200_000, image: ImageLimits { max_side: 3000, max_megapixels: 4 } };
    let p = prepared(limits).await;
    let cases: [(&str, Vec<u8>); 5] = [
        ("anh.jpg", b"<html><script>alert(1)</script></html>".to_vec()),
        ("anh.jpg", photo(1200, 800)[..2000].to_vec()),
        ("lon.bin", vec![0xFF; 300_000]),
        ("rong.png", Vec::new()),
        ("rat-rong.jpg", photo(3200, 10)),
    ];
    let mut refusals = Vec::new();
    for (name, bytes) in cases {
        match upload(&p, name, bytes).await {
            Err(UploadError::Refused(reason)) => refusals.push(reason),
            other => panic!("{name}: {other:?}"),
        }
    }
    assert_eq!(refusals[0], MediaError::UnsupportedType);
    assert!(matches!(refusals[1], MediaError::CorruptImage(_)), "{:?}", refusals[1]);
    assert_eq!(refusals[2], MediaError::TooLarge { size: 300_000, limit: 200_000 });
    assert_eq!(refusals[3], MediaError::Empty);
    assert!(matches!(refusals[4], MediaError::ImageTooLarge { width: 3200, .. }), "{:?}", refusals[4]);
    let (rows, total) = media_library::list(p.test.db.reader(), &MediaFilter::default(), 1, 50).await.unwrap();
    assert_eq!((rows.len(), total), (0, 0));
    assert!(files_in(p.folder.path()).is_empty());
}

#[tokio::test]
async fn the_library_is_searched_by_folded_words_and_filtered_by_kind() {
    let p = prepared(UploadLimits::default()).await;
    let photo_row = upload(&p, "Ảnh hội nghị.jpg", photo(40, 30)).await.unwrap();
    let pdf = upload(&p, "Kế hoạch chuyển đổi số.pdf", b"%PDF-1.7\n%%EOF\n".to_vec()).await.unwrap();
    assert_eq!(pdf.content_type, "application/pdf");
    assert!(media_library::variants(&pdf).is_empty());
    let db = p.test.db.reader();
    let find = |text: &str, kind: Option<KindFilter>| {
        let filter = MediaFilter { text: text.into(), kind, ..Default::default() };
        async move { media_library::list(db, &filter, 1, 50).await.unwrap().0.into_iter().map(|r| r.id).collect::<Vec<_>>() }
    };
    assert_eq!(find("anh hoi nghi", None).await, [photo_row.id]);
    assert_eq!(find("CHUYEN doi", None).await, [pdf.id]);
    assert_eq!(find("quan phat bieu", None).await, [pdf.id, photo_row.id], "alt text, newest first");
    assert_eq!(find("", Some(KindFilter::Images)).await, [photo_row.id]);
    assert_eq!(find("", Some(KindFilter::Documents)).await, [pdf.id]);

    let txn = p.test.db.begin_write().await.unwrap();
    let before = media_library::update_details(
        &txn,
        photo_row.id,
        "Hội trường",
        "Ảnh: Toàn cảnh hội nghị",
        "Trung tâm Truyền thông",
    )
    .await
    .unwrap();
    assert_eq!(before.caption, "");
    let too_long = "x".repeat(1001);
    assert!(matches!(
        media_library::update_details(&txn, photo_row.id, "", &too_long, "").await,
        Err(MediaChangeError::Invalid(_))
    ));
    txn.commit().await.unwrap();
    assert_eq!(find("toan canh", None).await, [photo_row.id]);
}

async fn article_using(db: &Database, author: &entity::user::Model, body_html: String) -> i32 {
    let category = categories::all(db.reader()).await.unwrap().remove(0);
    let fields = ArticleFields {
        title: "Bài có ảnh".into(),
        summary: "Sapo.".into(),
        body_html,
        category_id: Some(category.id),
        ..Default::default()
    };
    let txn = db.begin_write().await.unwrap();
    let created = create_draft(&txn, author, &fields, now()).await.unwrap();
    txn.commit().await.unwrap();
    created.id
}

#[tokio::test]
async fn a_file_an_article_uses_is_not_deleted() {
    let p = prepared(UploadLimits::default()).await;
    let row = upload(&p, "anh.jpg", photo(1000, 500)).await.unwrap();
    let variant = &media_library::variants(&row)[1].file_name;
    let body = format!("<figure><img src=\"/media/{variant}\" alt=\"x\"><figcaption>Ảnh: X</figcaption></figure>");
    let article_id = article_using(&p.test.db, &p.account, body).await;

    let txn = p.test.db.begin_write().await.unwrap();
    match media_library::delete(&txn, row.id).await {
        Err(MediaChangeError::InUse(articles)) => {
            assert_eq!(articles.iter().map(|a| a.id).collect::<Vec<_>>(), [article_id]);
            let message = MediaChangeError::InUse(articles).to_string();
            assert!(message.contains("“Bài có ảnh”"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    drop(txn);
    assert_eq!(files_in(p.folder.path()).len(), 4, "nothing removed");

    let unused = upload(&p, "khac.png", photo(20, 20)).await.unwrap();
    let txn = p.test.db.begin_write().await.unwrap();
    let deleted = media_library::delete(&txn, unused.id).await.unwrap();
    txn.commit().await.unwrap();
    media_library::delete_files(&p.test.db, p.library.store.as_ref(), &deleted).await.unwrap();
    assert_eq!(files_in(p.folder.path()).len(), 4, "only the unused file's original and variant went");
    assert!(media_library::find_by_file_name(p.test.db.reader(), &deleted.file_name).await.unwrap().is_none());
    let found = media_library::find_by_file_name(p.test.db.reader(), variant).await.unwrap().unwrap();
    assert_eq!(found.id, row.id, "a variant's name finds its row");
}

#[tokio::test]
async fn a_saved_body_gives_its_library_images_sizes_variants_and_lazy_loading() {
    let p = prepared(UploadLimits::default()).await;
    let row = upload(&p, "toan-canh.jpg", photo(2000, 1000)).await.unwrap();
    let body = format!(
        "<figure class=\"align-center size-full\"><img src=\"/media/{}\" alt=\"Toàn cảnh hội nghị\">\
         <figcaption>Ảnh: Đ/c Lê Hải Quân phát biểu</figcaption></figure><p><img src=\"/cu/khong-co.png\" alt=\"Cũ\"></p>",
        row.file_name
    );
    let article_id = article_using(&p.test.db, &p.account, body).await;
    let stored = service::editorial::editing::find(p.test.db.reader(), article_id).await.unwrap().body_html;
    let srcset: Vec<String> = media_library::variants(&row)
        .iter()
        .map(|variant| format!("/media/{} {}w", variant.file_name, variant.width))
        .collect();
    assert_eq!(srcset.len(), 3, "480, 960 and 1600 px");
    assert!(
        stored.contains(&format!(
            "<img src=\"/media/{}\" alt=\"Toàn cảnh hội nghị\" width=\"2000\" height=\"1000\" srcset=\"{}\" \
             sizes=\"(max-width: 760px) 100vw, 760px\" loading=\"lazy\" decoding=\"async\">",
            row.file_name,
            srcset.join(", ")
        )),
        "{stored}"
    );
    assert!(
        stored.contains("<img src=\"/cu/khong-co.png\" alt=\"Cũ\" loading=\"lazy\" decoding=\"async\">"),
        "an image the library does not know only loads lazily: {stored}"
    );
    assert!(stored.contains("<figcaption>Ảnh: Đ/c Lê Hải Quân phát biểu</figcaption>"));
}

/// The editor uploads in parallel, so pasting the same picture twice sends it twice at once. The
/// uploads used to check for the file outside the write, and the loser of the race deleted the
/// files the winner's row pointed at.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn identical_uploads_at_once_share_one_row_and_keep_every_file() {
    use sea_orm::EntityTrait;
    let p = Arc::new(prepared(UploadLimits::default()).await);
    let bytes = photo(1200, 800);
    let uploads: Vec<_> = (0..8)
        .map(|_| {
            let (p, bytes) = (p.clone(), bytes.clone());
            tokio::spawn(async move { upload(&p, "dan-hai-lan.jpg", bytes).await })
        })
        .collect();
    let mut ids = Vec::new();
    for handle in uploads {
        ids.push(handle.await.unwrap().expect("every identical upload succeeds").id);
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "one row for one content: {ids:?}");
    let row = entity::media::Entity::find_by_id(ids[0]).one(p.test.db.reader()).await.unwrap().unwrap();
    let mut expected: Vec<String> = std::iter::once(row.file_name.clone())
        .chain(media_library::variants(&row).into_iter().map(|v| v.file_name))
        .collect();
    expected.sort();
    assert_eq!(files_in(p.folder.path()), expected, "every file the row names is there, nothing else");
    for name in &expected {
        assert!(p.library.store.get(name).await.unwrap().is_some_and(|b| !b.is_empty()), "{name} readable");
    }
}
