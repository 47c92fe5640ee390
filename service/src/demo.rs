//! The demo content a fresh portal starts with: the Thanh Hóa Department of Information and
//! Communications, its reference article and a few more, its links, its visitor total and its
//! legal documents.

use chrono::{DateTime, Utc};
use entity::site_settings;
use sea_orm::{ConnectionTrait, DbBackend, DbErr};

use crate::audit::Actor;
use crate::categories::{self, NewCategory};
use crate::import::{ImportReport, import_jsonl};
use crate::legal_documents::import::{AttachmentFiles, Attachments, import_documents};
use crate::media_library::MediaLibrary;
use crate::{Database, articles, site, static_pages, visitors};

/// The demo articles in the importer's own format, so the demo goes through the same path as real content.
const DEMO_ARTICLES: &str = include_str!("../demo/articles.jsonl");

const INTRODUCTION_HTML: &str = "<p>Sở Thông tin và Truyền thông tỉnh Thanh Hóa là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, \
    tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về báo chí; xuất bản, in và phát hành; bưu chính; viễn thông; \
    tần số vô tuyến điện; công nghệ thông tin, điện tử; phát thanh, truyền hình; thông tin đối ngoại; thông tin cơ sở; \
    hạ tầng thông tin truyền thông và chuyển đổi số trên địa bàn tỉnh.</p>\
    <h2>Chức năng, nhiệm vụ</h2><ul><li>Trình Ủy ban nhân dân tỉnh các dự thảo quy hoạch, kế hoạch phát triển ngành thông tin và truyền thông.</li>\
    <li>Hướng dẫn, kiểm tra và tổ chức thực hiện các văn bản quy phạm pháp luật thuộc lĩnh vực được giao.</li>\
    <li>Chủ trì triển khai chính quyền số, kinh tế số, xã hội số trên địa bàn tỉnh.</li></ul>";

const CONTACT_HTML: &str = "<p><strong>Sở Thông tin và Truyền thông tỉnh Thanh Hóa</strong></p>\
    <p>Địa chỉ: Tòa nhà Trung tâm Công nghệ thông tin tỉnh Thanh Hóa, Đại lộ Nam Sông Mã - Phố Ái Sơn 2 - \
    Phường Đông Hải - Thành phố Thanh Hóa</p><p>Điện thoại: (02373) 713.985 - Fax: (02373) 713.985</p>\
    <p>Email: <a href=\"mailto:stttt@thanhhoa.gov.vn\">stttt@thanhhoa.gov.vn</a></p>";

const DEMO_DOCUMENTS: &str = include_str!("../demo/documents.jsonl");
const DEMO_DOCUMENT_FILES: &[(&str, &[u8])] = &[
    ("quyet-dinh-15-2023-qd-ubnd.pdf", include_bytes!("../demo/van-ban/quyet-dinh-15-2023-qd-ubnd.pdf")),
    ("ke-hoach-120-kh-ubnd.pdf", include_bytes!("../demo/van-ban/ke-hoach-120-kh-ubnd.pdf")),
    // A scan: its pages are pictures, with no text to search.
    ("cong-van-1850-stttt-ban-quet.pdf", include_bytes!("../demo/van-ban/cong-van-1850-stttt-ban-quet.pdf")),
];

/// The old site's visitor total, which the demo continues from.
pub const DEMO_VISITOR_OFFSET: i64 = 7_837_536;

/// Fills an empty database with the demo. Returns the import report, or `None` when the
/// database already had content and was left alone.
pub async fn seed_if_empty(db: &Database, now: DateTime<Utc>) -> Result<Option<ImportReport>, DbErr> {
    let txn = db.begin_write().await?;
    // Several app servers may start together on one PostgreSQL database: only the first seeds.
    // (On SQLite the write transaction already holds the database's only write lock.)
    if db.backend() == DbBackend::Postgres {
        txn.execute_unprepared("SELECT pg_advisory_xact_lock(7837536)").await?;
    }
    if articles::count(&txn).await? > 0 || !categories::all(&txn).await?.is_empty() {
        return Ok(None);
    }
    site::save_settings(&txn, demo_settings()).await?;
    visitors::ensure_counter(&txn, DEMO_VISITOR_OFFSET).await?;
    let news = categories::create(
        &txn,
        NewCategory {
            parent_id: None,
            name: "Tin tức - Sự kiện",
            description: "Tin hoạt động của ngành Thông tin và Truyền thông",
            position: 0,
        },
    )
    .await?;
    for (position, name) in ["Hoạt động của Sở", "Đảng bộ"].into_iter().enumerate() {
        categories::create(
            &txn,
            NewCategory { parent_id: Some(news.id), name, description: "", position: position as i32 },
        )
        .await?;
    }
    for (position, name) in ["Chuyển đổi số", "Báo chí - Xuất bản", "Thông báo"].into_iter().enumerate()
    {
        categories::create(&txn, NewCategory { parent_id: None, name, description: "", position: position as i32 + 1 })
            .await?;
    }
    site::create_web_link_group(
        &txn,
        "Liên kết chính phủ",
        0,
        &[
            ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn"),
            ("Bộ Thông tin và Truyền thông", "https://mic.gov.vn"),
            ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
        ],
    )
    .await?;
    site::create_web_link_group(
        &txn,
        "Liên kết địa phương",
        1,
        &[
            ("Cổng thông tin điện tử tỉnh Thanh Hóa", "https://thanhhoa.gov.vn"),
            ("Báo Thanh Hóa", "https://baothanhhoa.vn"),
            ("Cổng Dịch vụ công tỉnh Thanh Hóa", "https://dichvucong.thanhhoa.gov.vn"),
        ],
    )
    .await?;
    static_pages::create(&txn, "gioi-thieu", "Giới thiệu", INTRODUCTION_HTML, 0, now).await?;
    static_pages::create(&txn, "lien-he", "Liên hệ", CONTACT_HTML, 1, now).await?;
    txn.commit().await?;
    let report = import_jsonl(db, DEMO_ARTICLES.as_bytes(), now, |_| {}).await?;
    Ok(Some(report))
}

/// Thirty legal documents of the kinds a provincial department publishes, replacing, amending,
/// repealing and implementing each other, three with attached PDFs (one of them a scan), one a
/// draft. Run after [`seed_if_empty`] has filled a new database.
pub async fn seed_documents(db: &Database, library: &MediaLibrary, now: DateTime<Utc>) -> Result<ImportReport, DbErr> {
    let uploader = Actor::command_line("demo");
    let attachments =
        Attachments { files: AttachmentFiles::Embedded(DEMO_DOCUMENT_FILES), library, uploader: &uploader };
    import_documents(db, DEMO_DOCUMENTS.as_bytes(), &attachments, now, |_| {}).await
}

/// Makes sure the single-row tables exist, for a portal started without the demo.
pub async fn ensure_site_rows(db: &Database) -> Result<(), DbErr> {
    let txn = db.begin_write().await?;
    if site::settings(&txn).await?.is_none() {
        site::save_settings(
            &txn,
            site_settings::Model {
                id: 1,
                site_name: "Cổng thông tin điện tử".into(),
                agency_name: String::new(),
                emblem_url: "/emblem.svg".into(),
                licence: String::new(),
                responsible_person: String::new(),
                address: String::new(),
                phone: String::new(),
                fax: String::new(),
                email: String::new(),
                designed_by: String::new(),
            },
        )
        .await?;
    }
    visitors::ensure_counter(&txn, 0).await?;
    txn.commit().await
}

fn demo_settings() -> site_settings::Model {
    site_settings::Model {
        id: 1,
        site_name: "Sở Thông tin và truyền thông Thanh Hóa".into(),
        agency_name: "TRANG THÔNG TIN ĐIỆN TỬ SỞ THÔNG TIN VÀ TRUYỀN THÔNG THANH HÓA".into(),
        emblem_url: "/emblem.svg".into(),
        licence: "Giấy phép số 12/GP-TTĐT do Cục Quản lý Phát thanh, Truyền hình và Thông tin điện tử cấp ngày 11/4/2014"
            .into(),
        responsible_person: "Ông Đỗ Hữu Quyết - Giám đốc".into(),
        address: "Tòa nhà Trung tâm Công nghệ thông tin tỉnh Thanh Hóa, Đại lộ Nam Sông Mã - Phố Ái Sơn 2 - Phường Đông Hải - Thành phố Thanh Hóa".into(),
        phone: "(02373) 713.985".into(),
        fax: "(02373) 713.985".into(),
        email: "stttt@thanhhoa.gov.vn".into(),
        designed_by: "Trung tâm Công nghệ thông tin và truyền thông Thanh Hóa".into(),
    }
}
