//! The documents' list and search on a large library (`documents --count 20000`): a generated
//! corpus goes through the import command's own path into a fresh database, then every query a
//! `/van-ban` page makes (the page of documents, its total and the six facet counts) is timed
//! in-process, so the figures are the database work of one page, without HTTP or rendering.
//! Each document carries ~300 words of body text, which is searched exactly as an attachment's
//! text is (both are folded into the document's search text); its topics and places are drawn
//! from sixteen topics and the province's twenty-six districts, so a search for a place and a
//! topic matches what it would in a real library, a few percent of the documents.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use service::Database;

use crate::corpus::Numbers;
use service::audit::Actor;
use service::legal_documents::import::{AttachmentFiles, Attachments, import_documents};
use service::legal_documents::{Catalogue, DocumentFilters, listing};
use service::media_library::{MediaLibrary, UploadLimits};

const TYPES: [&str; 8] =
    ["Quyết định", "Kế hoạch", "Công văn", "Thông báo", "Chỉ thị", "Báo cáo", "Hướng dẫn", "Nghị quyết"];
const CODES: [&str; 8] = ["QĐ", "KH", "CV", "TB", "CT", "BC", "HD", "NQ"];
const BODIES: [(&str, &str); 5] = [
    ("UBND tỉnh Thanh Hóa", "UBND"),
    ("Sở Thông tin và Truyền thông", "STTTT"),
    ("HĐND tỉnh Thanh Hóa", "HĐND"),
    ("Sở Kế hoạch và Đầu tư", "SKHĐT"),
    ("Sở Nội vụ", "SNV"),
];
const FIELDS: [&str; 10] = [
    "Thông tin và truyền thông > Chuyển đổi số",
    "Thông tin và truyền thông > Báo chí, xuất bản",
    "Thông tin và truyền thông > An toàn thông tin",
    "Kinh tế > Đầu tư",
    "Kinh tế > Tài chính",
    "Tổ chức bộ máy",
    "Cải cách hành chính",
    "Giáo dục",
    "Y tế",
    "Nông nghiệp",
];
/// What a paragraph is about: one of these…
const TOPICS: [&str; 16] = [
    "chuyển đổi số",
    "cải cách hành chính",
    "dịch vụ công trực tuyến",
    "an toàn thông tin",
    "hạ tầng viễn thông",
    "dữ liệu dân cư",
    "kinh phí sự nghiệp",
    "ngân sách nhà nước",
    "đề án phát triển",
    "báo cáo kết quả",
    "kiểm tra, giám sát",
    "tuyển dụng công chức",
    "thủ tục hành chính",
    "nông thôn mới",
    "phòng chống thiên tai",
    "giáo dục nghề nghiệp",
];
/// …in one of the province's 26 districts, towns and cities.
const PLACES: [&str; 26] = [
    "thành phố Thanh Hóa",
    "thành phố Sầm Sơn",
    "thị xã Bỉm Sơn",
    "thị xã Nghi Sơn",
    "huyện Mường Lát",
    "huyện Quan Sơn",
    "huyện Quan Hóa",
    "huyện Bá Thước",
    "huyện Lang Chánh",
    "huyện Thường Xuân",
    "huyện Như Xuân",
    "huyện Như Thanh",
    "huyện Cẩm Thủy",
    "huyện Ngọc Lặc",
    "huyện Thạch Thành",
    "huyện Hà Trung",
    "huyện Nga Sơn",
    "huyện Hậu Lộc",
    "huyện Hoằng Hóa",
    "huyện Quảng Xương",
    "huyện Nông Cống",
    "huyện Triệu Sơn",
    "huyện Thọ Xuân",
    "huyện Yên Định",
    "huyện Vĩnh Lộc",
    "huyện Thiệu Hóa",
];

fn corpus(count: usize) -> String {
    let mut numbers = Numbers(18);
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let mut lines = String::new();
    for index in 0..count {
        let kind = numbers.next(TYPES.len());
        let (body, body_code) = BODIES[numbers.next(BODIES.len())];
        let issued = start + chrono::Days::new(numbers.next(4300) as u64);
        let year = chrono::Datelike::year(&issued);
        let number = if kind == 0 {
            format!("{}/{year}/{}-{body_code}", index + 1, CODES[kind])
        } else {
            format!("{}/{}-{body_code}", index + 1, CODES[kind])
        };
        let about = |numbers: &mut Numbers| {
            format!("{} tại {}", TOPICS[numbers.next(TOPICS.len())], PLACES[numbers.next(PLACES.len())])
        };
        let summary = format!("Về việc triển khai {}", about(&mut numbers));
        // Three paragraphs of about 100 words, as a short decision's text (or its PDF's) runs.
        let body_html: String = (0..3)
            .map(|_| {
                let subject = about(&mut numbers);
                format!(
                    "<p>Các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố căn cứ chức năng, nhiệm \
                     vụ được giao tổ chức thực hiện {subject}; bảo đảm đúng tiến độ, chất lượng, hiệu quả và \
                     tiết kiệm; định kỳ hằng quý báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông để \
                     tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh theo quy định. Trong quá trình thực hiện, nếu \
                     có khó khăn, vướng mắc, các đơn vị phản ánh kịp thời để được hướng dẫn, giải quyết.</p>"
                )
            })
            .collect();
        // A quarter of the documents have an end date written in them.
        let until =
            if numbers.next(4) == 0 { (issued + chrono::Days::new(365 * 3)).to_string() } else { String::new() };
        let line = serde_json::json!({
            "number": number,
            "type": TYPES[kind],
            "issuing_body": body,
            "fields": [FIELDS[numbers.next(FIELDS.len())]],
            "summary": summary,
            "body_html": body_html,
            "issued_on": issued.to_string(),
            "effective_until": until,
        });
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    lines
}

struct Timing {
    what: &'static str,
    p50: Duration,
    p99: Duration,
    total: u64,
}

pub async fn run(count: usize, rounds: usize, database_url: Option<String>) -> Result<(), String> {
    let folder = tempfile::tempdir().map_err(|e| e.to_string())?;
    let url = database_url.unwrap_or_else(|| format!("sqlite://{}/documents.db", folder.path().display()));
    let db = Database::connect(&url).await.map_err(|e| format!("cannot open {url}: {e}"))?;
    let store = media::LocalDiskStore::new(folder.path().join("media")).map_err(|e| e.to_string())?;
    let library = MediaLibrary { store: Arc::new(store), limits: UploadLimits::default() };
    let uploader = Actor::command_line("bench");
    let attachments = Attachments { files: AttachmentFiles::None, library: &library, uploader: &uploader };
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 3, 0, 0).unwrap();
    let started = Instant::now();
    let report = import_documents(&db, corpus(count).as_bytes(), &attachments, now, |_| {})
        .await
        .map_err(|e| format!("the import stopped: {e}"))?;
    if !report.errors.is_empty() {
        return Err(format!("{} lines were refused, the first: {:?}", report.errors.len(), report.errors[0]));
    }
    println!("Imported {} documents in {:.1} s.", report.inserted, started.elapsed().as_secs_f64());

    let catalogue = Catalogue::load(db.reader()).await.map_err(|e| e.to_string())?;
    let decision = catalogue.types.iter().find(|t| t.name == "Quyết định").map(|t| t.id);
    let digital = catalogue.fields.iter().find(|f| f.name == "Thông tin và truyền thông").map(|f| f.id);
    let today = now.date_naive();
    let cases: [(&'static str, DocumentFilters); 6] = [
        ("the list, page 1", DocumentFilters::default()),
        (
            "type + in force",
            DocumentFilters { type_id: decision, effect: Some(legal::Effect::InForce), ..Default::default() },
        ),
        (
            "field (with sub-fields) + year",
            DocumentFilters { field_id: digital, year: Some(2024), ..Default::default() },
        ),
        ("search \"chuyen doi so\"", DocumentFilters { query: "chuyen doi so".into(), ..Default::default() }),
        ("search \"muong lat kinh phi\"", DocumentFilters { query: "muong lat kinh phi".into(), ..Default::default() }),
        ("search by number \"1207/KH\"", DocumentFilters { query: "1207/KH".into(), ..Default::default() }),
    ];
    let mut timings = Vec::new();
    for (what, filters) in cases {
        let mut samples = Vec::with_capacity(rounds);
        let mut total = 0;
        for _ in 0..rounds {
            let started = Instant::now();
            let listing = listing::list(db.reader(), &filters, today, 1, 20).await.map_err(|e| e.to_string())?;
            samples.push(started.elapsed());
            total = listing.total;
        }
        samples.sort();
        let at = |share: f64| samples[((samples.len() - 1) as f64 * share).round() as usize];
        timings.push(Timing { what, p50: at(0.5), p99: at(0.99), total });
    }
    println!(
        "\n| query ({count} documents, {rounds} rounds each) | matches | p50 | p99 |\n| --- | ---: | ---: | ---: |"
    );
    for timing in timings {
        println!(
            "| {} | {} | {:.2} ms | {:.2} ms |",
            timing.what,
            timing.total,
            timing.p50.as_secs_f64() * 1000.0,
            timing.p99.as_secs_f64() * 1000.0
        );
    }
    db.close().await.map_err(|e| e.to_string())
}
