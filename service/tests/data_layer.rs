//! The data layer against a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL).

mod common;
#[path = "data_layer/editorial.rs"]
mod editorial;
#[path = "data_layer/legal_documents.rs"]
mod legal_documents;
#[path = "data_layer/media_library.rs"]
mod media_library;
#[path = "data_layer/visitor_counting.rs"]
mod visitor_counting;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::TestDatabase;
use entity::article::ArticleStatus;
use entity::{user::Role, visitor_counter};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use service::import::import_jsonl;
use service::users::{CreateUserError, NewUser};
use service::{articles, categories, demo, site, visitors};

const SEED_SLUG: &str = "hoi-nghi-tong-ket-cong-tac-dang-nam-2022-va-trien-khai-nhiem-vu-cong-tac-nam-2023";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 3, 0, 0).unwrap()
}

fn article_line(index: usize, category: &str, title_suffix: &str) -> String {
    serde_json::json!({
        "slug": format!("bai-viet-so-{index}"),
        "title": format!("Bài viết số {index} về chuyển đổi số Thanh Hóa{title_suffix}"),
        "category": category,
        "published_at": format!("2023-01-{:02}T08:00:00+07:00", index % 28 + 1),
        "summary": "Tóm tắt bài viết.",
        "body_html": format!("<p>Nội dung {index}</p>"),
    })
    .to_string()
}

#[tokio::test]
async fn demo_seed_fills_an_empty_database_once() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let report = demo::seed_if_empty(db, now()).await.unwrap().expect("an empty database is seeded");
    assert_eq!((report.inserted, report.errors.len()), (8, 0));
    assert!(demo::seed_if_empty(db, now()).await.unwrap().is_none(), "a second start seeds nothing");

    let seed = articles::published_by_slug(db.reader(), SEED_SLUG, now()).await.unwrap().expect("the seed article");
    assert_eq!(seed.title, "Hội nghị tổng kết công tác Đảng năm 2022 và triển khai nhiệm vụ công tác năm 2023");
    assert_eq!(seed.published_at.unwrap().to_rfc3339(), "2022-12-26T01:30:00+00:00");
    assert!(seed.search_text.contains("hoi nghi tong ket cong tac dang"));
    let category = categories::find_by_id(db.reader(), seed.category_id).await.unwrap().unwrap();
    assert_eq!(category.name, "Đảng bộ");
    let parent = categories::find_by_id(db.reader(), category.parent_id.unwrap()).await.unwrap().unwrap();
    assert_eq!(parent.slug, "tin-tuc-su-kien");

    let settings = site::settings(db.reader()).await.unwrap().unwrap();
    assert_eq!(settings.responsible_person, "Ông Đỗ Hữu Quyết - Giám đốc");
    let groups = site::web_link_groups(db.reader()).await.unwrap();
    assert_eq!(
        groups.iter().map(|(g, _)| g.name.as_str()).collect::<Vec<_>>(),
        ["Liên kết chính phủ", "Liên kết địa phương"]
    );
    assert_eq!(groups[0].1.len(), 3);
    let stats = visitors::current_numbers(db.reader(), &visitors::VisitRules::default(), now()).await.unwrap();
    assert_eq!((stats.total, stats.today), (7_837_536, 0));
    test.finish().await;
}

#[tokio::test]
async fn the_seed_article_is_stored_exactly_as_the_reference_page() {
    let reference = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seed-article.md"))
        .expect("../shared/seed-article.md beside the repository holds the reference page");
    let body = reference.split("```text").nth(2).and_then(|rest| rest.split("```").next()).unwrap();
    let expected: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();

    let test = TestDatabase::new().await;
    demo::seed_if_empty(&test.db, now()).await.unwrap();
    let seed = articles::published_by_slug(test.db.reader(), SEED_SLUG, now()).await.unwrap().unwrap();
    let mut shown = vec![seed.summary.clone()];
    shown.extend(
        seed.body_html
            .split("</p>")
            .flat_map(|chunk| chunk.split("</figure>"))
            .map(service::text::html_to_text)
            .filter(|t| !t.is_empty()),
    );
    assert_eq!(shown, expected);
    assert_eq!(seed.body_html.matches("<figcaption>Ảnh: ").count(), 3);
    test.finish().await;
}

#[tokio::test]
async fn importing_two_thousand_articles_twice_creates_them_once() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let file: String =
        (0..2000).map(|i| article_line(i, if i % 2 == 0 { "Tin tức" } else { "Chuyển đổi số" }, "") + "\n").collect();
    let mut progress_calls = 0;
    let first = import_jsonl(db, file.as_bytes(), now(), |_| progress_calls += 1).await.unwrap();
    assert_eq!((first.inserted, first.updated, first.unchanged), (2000, 0, 0));
    assert!(first.errors.is_empty());
    assert!(progress_calls >= 10, "progress is reported batch by batch");
    assert_eq!(categories::all(db.reader()).await.unwrap().len(), 2, "categories are created once");

    let second = import_jsonl(db, file.as_bytes(), now(), |_| {}).await.unwrap();
    assert_eq!((second.inserted, second.updated, second.unchanged), (0, 0, 2000));
    assert_eq!(articles::count(db.reader()).await.unwrap(), 2000);

    // Every article matches the first search and 111 the second: on SQLite the first walks the
    // publication-date index, the second reads its few matches by id; both rank newest first.
    let search = |query: &'static str| async move {
        let terms = service::text::search_terms(query);
        let filters = service::search::Filters::default();
        service::search::search(db.reader(), &terms, &filters, now(), 1, 20).await.unwrap()
    };
    let many = search("chuyen doi so").await;
    assert_eq!((many.total, many.truncated), (1000, true));
    let few = search("noi dung 19").await;
    assert_eq!((few.total, few.truncated), (111, false), "19, 190–199 and 1900–1999");
    for found in [many, few] {
        // The newest day (the 28th) holds articles 27, 55, … 1987; the higher id comes first.
        assert_eq!(found.hits[0].slug, "bai-viet-so-1987");
        assert!(found.hits.windows(2).all(|pair| pair[0].published_at >= pair[1].published_at));
    }

    let changed = article_line(7, "Chuyển đổi số", " (cập nhật)");
    let third = import_jsonl(db, changed.as_bytes(), now(), |_| {}).await.unwrap();
    assert_eq!(third.updated, 1);
    let updated = articles::find_by_slug(db.reader(), "bai-viet-so-7").await.unwrap().unwrap();
    assert_eq!(updated.version, 2);
    assert!(updated.title.ends_with("(cập nhật)"));
    let history = articles::revisions(db.reader(), updated.id).await.unwrap();
    assert_eq!(history.iter().map(|r| r.version).collect::<Vec<_>>(), [1, 2]);
    test.finish().await;
}

#[tokio::test]
async fn bad_lines_are_reported_by_number_and_the_rest_imports() {
    let test = TestDatabase::new().await;
    let file = [
        article_line(1, "Tin tức", ""),
        "{\"slug\": \"thieu-truong\"}".into(),
        String::new(),
        article_line(2, "Tin tức", "").replace("bai-viet-so-2", "Bai Viet 2"),
        article_line(3, "Tin tức", ""),
    ]
    .join("\n");
    let report = import_jsonl(&test.db, file.as_bytes(), now(), |_| {}).await.unwrap();
    assert_eq!(report.inserted, 2);
    assert_eq!(report.errors.iter().map(|e| e.line).collect::<Vec<_>>(), [2, 4]);
    assert!(report.errors[0].message.contains("missing field"));
    assert!(report.errors[1].message.contains("slug"));
    test.finish().await;
}

#[tokio::test]
async fn readers_see_only_published_articles_whose_time_has_come() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let lines = [article_line(1, "Tin tức", ""), article_line(2, "Tin tức", "")].join("\n");
    import_jsonl(db, lines.as_bytes(), now(), |_| {}).await.unwrap();

    let scheduled = articles::find_by_slug(db.reader(), "bai-viet-so-1").await.unwrap().unwrap();
    let mut scheduled = scheduled.into_active_model();
    scheduled.published_at = Set(Some(now() + Duration::hours(2)));
    let txn = db.begin_write().await.unwrap();
    scheduled.update(&txn).await.unwrap();
    let draft = articles::find_by_slug(db.reader(), "bai-viet-so-2").await.unwrap().unwrap();
    let mut draft = draft.into_active_model();
    draft.status = Set(ArticleStatus::Draft);
    draft.update(&txn).await.unwrap();
    txn.commit().await.unwrap();

    assert!(articles::published_by_slug(db.reader(), "bai-viet-so-1", now()).await.unwrap().is_none());
    assert!(articles::published_by_slug(db.reader(), "bai-viet-so-2", now()).await.unwrap().is_none());
    assert!(articles::latest_published(db.reader(), now(), 10).await.unwrap().is_empty());
    let later = now() + Duration::hours(3);
    assert!(articles::published_by_slug(db.reader(), "bai-viet-so-1", later).await.unwrap().is_some());
    assert_eq!(articles::latest_published(db.reader(), later, 10).await.unwrap().len(), 1);
    test.finish().await;
}

#[tokio::test]
async fn concurrent_write_transactions_never_fail_with_busy() {
    let test = TestDatabase::new().await;
    {
        let txn = test.db.begin_write().await.unwrap();
        visitors::ensure_counter(&txn, 0).await.unwrap();
        txn.commit().await.unwrap();
    }
    // A second handle on the same database stands in for a second process (an import from the command line).
    let second = service::Database::connect(&test.url).await.unwrap();
    let writers = 40;
    let mut tasks = tokio::task::JoinSet::new();
    for index in 0..writers {
        let db = if index % 2 == 0 { test.db.clone() } else { second.clone() };
        tasks.spawn(async move {
            let txn = db.begin_write().await?;
            // Read first, then write: the pattern that fails with SQLITE_BUSY in a deferred transaction.
            let counter = visitor_counter::Entity::find_by_id(1).one(&txn).await?.expect("the counter row");
            visitor_counter::Entity::update_many()
                .col_expr(
                    visitor_counter::Column::CountedVisits,
                    Expr::col(visitor_counter::Column::CountedVisits).add(1),
                )
                .exec(&txn)
                .await?;
            txn.commit().await?;
            Ok::<_, sea_orm::DbErr>(counter.counted_visits)
        });
    }
    while let Some(result) = tasks.join_next().await {
        result.expect("the task ran").expect("no write transaction failed");
    }
    let stats = visitors::current_numbers(test.db.reader(), &visitors::VisitRules::default(), now()).await.unwrap();
    assert_eq!(stats.total, writers);
    second.close().await.unwrap();
    test.finish().await;
}

#[tokio::test]
async fn accounts_are_validated_and_unique() {
    let test = TestDatabase::new().await;
    let txn = test.db.begin_write().await.unwrap();
    let new = |username: &'static str, email: &'static str, password: &'static str| NewUser {
        username,
        email,
        display_name: "Quản trị viên",
        password,
        role: Role::Admin,
    };
    let admin =
        service::users::create(&txn, new("quantri", "qt@thanhhoa.gov.vn", "mat-khau-rat-dai"), now()).await.unwrap();
    assert!(service::passwords::verify_password("mat-khau-rat-dai", &admin.password_hash).await);
    assert!(matches!(
        service::users::create(&txn, new("quantri", "khac@thanhhoa.gov.vn", "mat-khau-rat-dai"), now()).await,
        Err(CreateUserError::AlreadyExists)
    ));
    assert!(matches!(
        service::users::create(&txn, new("Quản Trị", "a@b.vn", "mat-khau-rat-dai"), now()).await,
        Err(CreateUserError::InvalidUsername)
    ));
    assert!(matches!(
        service::users::create(&txn, new("bientap", "khong-phai-email", "mat-khau-rat-dai"), now()).await,
        Err(CreateUserError::InvalidEmail)
    ));
    assert!(matches!(
        service::users::create(&txn, new("bientap", "bt@thanhhoa.gov.vn", "ngan"), now()).await,
        Err(CreateUserError::PasswordTooShort)
    ));
    txn.commit().await.unwrap();
    assert_eq!(service::users::count(test.db.reader()).await.unwrap(), 1);
    test.finish().await;
}

#[tokio::test]
async fn search_ignores_case_and_diacritics_in_both_directions() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    demo::seed_if_empty(db, now()).await.unwrap();
    let run = |query: &'static str, filters: service::search::Filters| async move {
        let terms = service::text::search_terms(query);
        let page = service::search::search(db.reader(), &terms, &filters, now(), 1, 20).await.unwrap();
        page.hits.into_iter().map(|hit| hit.slug).collect::<Vec<_>>()
    };
    let all = service::search::Filters::default;
    let with_marks = run("Đảng bộ", all()).await;
    assert_eq!(with_marks.first().map(String::as_str), Some(SEED_SLUG), "the title match ranks first");
    assert_eq!(run("dang bo", all()).await, with_marks, "folded and accented queries find the same");
    assert_eq!(run("DANG BO", all()).await, with_marks);
    assert!(
        run("thanh hoa", all()).await.contains(&"thanh-hoa-day-manh-chuyen-doi-so-trong-co-quan-nha-nuoc".to_string())
    );
    assert!(run("zzzz khong co", all()).await.is_empty());
    assert!(run("  ", all()).await.is_empty());
    assert!(run("%", all()).await.is_empty(), "a LIKE wildcard is not a wildcard");

    let digital = categories::find_by_slug(db.reader(), "chuyen-doi-so").await.unwrap().unwrap();
    let in_category = run("so", service::search::Filters { category_ids: Some(vec![digital.id]), ..all() }).await;
    assert_eq!(in_category.len(), 2, "{in_category:?}");
    let december_26 = Utc.with_ymd_and_hms(2022, 12, 25, 17, 0, 0).unwrap();
    let from_the_26th = run("hoi nghi", service::search::Filters { from: Some(december_26), ..all() }).await;
    assert_eq!(from_the_26th, [SEED_SLUG]);
    let before_the_26th = run("hoi nghi", service::search::Filters { until: Some(december_26), ..all() }).await;
    assert!(!before_the_26th.contains(&SEED_SLUG.to_string()));
    test.finish().await;
}

/// The word index is kept by the database itself: an import, a re-import that changes the text and a
/// deletion are all visible to the next search, and no query text can break the index's syntax.
#[tokio::test]
async fn the_word_index_follows_every_write_and_takes_any_query() {
    use entity::article;
    use sea_orm::{ColumnTrait, QueryFilter};

    let test = TestDatabase::new().await;
    let db = &test.db;
    let slugs = |query: &'static str| async move {
        let terms = service::text::search_terms(query);
        let filters = service::search::Filters::default();
        let page = service::search::search(db.reader(), &terms, &filters, now(), 1, 20).await.unwrap();
        let mut slugs: Vec<String> = page.hits.into_iter().map(|hit| hit.slug).collect();
        slugs.sort();
        slugs
    };
    let lines = [article_line(1, "Tin tức", " Mường Lát"), article_line(2, "Tin tức", "")].join("\n");
    import_jsonl(db, lines.as_bytes(), now(), |_| {}).await.unwrap();
    assert_eq!(slugs("chuyen doi so thanh").await, ["bai-viet-so-1", "bai-viet-so-2"]);
    assert_eq!(slugs("muong la").await, ["bai-viet-so-1"], "the last word is a prefix");
    assert!(slugs("muon lat").await.is_empty(), "the words before it are whole words");
    assert_eq!(slugs("noi dung 2").await, ["bai-viet-so-2"], "body words are indexed");
    assert!(slugs("uong").await.is_empty(), "a term matches the start of a word only");

    let rewritten = article_line(2, "Tin tức", " Nghi Sơn").replace("Nội dung 2", "Bão số 5 đổ bộ");
    import_jsonl(db, rewritten.as_bytes(), now(), |_| {}).await.unwrap();
    assert_eq!(slugs("bao so 5").await, ["bai-viet-so-2"], "a changed body is searchable at once");
    assert!(slugs("noi dung 2").await.is_empty(), "the old words are gone from the index");
    assert_eq!(slugs("nghi son").await, ["bai-viet-so-2"]);

    let txn = db.begin_write().await.unwrap();
    article::Entity::update_many()
        .col_expr(article::Column::Status, Expr::value(ArticleStatus::Trashed))
        .filter(article::Column::Slug.eq("bai-viet-so-1"))
        .exec(&txn)
        .await
        .unwrap();
    article::Entity::delete_many().filter(article::Column::Status.eq(ArticleStatus::Trashed)).exec(&txn).await.unwrap();
    txn.commit().await.unwrap();
    assert_eq!(slugs("chuyen doi so").await, ["bai-viet-so-2"], "a deleted article leaves the index");

    for hostile in [
        "\"",
        "\"bao\" OR 1",
        "AND",
        "NEAR(bao so)",
        "bao*",
        "^bao",
        "search_text:bao",
        "'",
        "\\",
        "²",
        "中国",
        "bao:* | so",
    ] {
        let terms = service::text::search_terms(hostile);
        let filters = service::search::Filters::default();
        let result = service::search::search(db.reader(), &terms, &filters, now(), 1, 20).await;
        assert!(result.is_ok(), "{hostile:?}: {:?}", result.err());
    }
    assert_eq!(slugs("bao:* | so").await, ["bai-viet-so-2"], "operator characters are not operators");
    test.finish().await;
}

#[tokio::test]
async fn a_changed_slug_leaves_a_redirect_behind() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let lines = [article_line(1, "Tin tức", ""), article_line(2, "Tin tức", "")].join("\n");
    import_jsonl(db, lines.as_bytes(), now(), |_| {}).await.unwrap();
    let article = articles::find_by_slug(db.reader(), "bai-viet-so-1").await.unwrap().unwrap();

    let txn = db.begin_write().await.unwrap();
    articles::change_slug(&txn, article.id, "bai-moi", now()).await.unwrap();
    articles::change_slug(&txn, article.id, "bai-moi-hon", now()).await.unwrap();
    assert!(matches!(
        articles::change_slug(&txn, article.id, "bai-viet-so-2", now()).await,
        Err(articles::ChangeSlugError::Taken)
    ));
    assert!(matches!(
        articles::change_slug(&txn, article.id, "Bài Mới", now()).await,
        Err(articles::ChangeSlugError::InvalidSlug)
    ));
    txn.commit().await.unwrap();

    for old in ["bai-viet-so-1", "bai-moi"] {
        assert_eq!(articles::moved_to(db.reader(), old, now()).await.unwrap().as_deref(), Some("bai-moi-hon"));
    }
    assert_eq!(articles::moved_to(db.reader(), "khong-co", now()).await.unwrap(), None);

    let txn = db.begin_write().await.unwrap();
    articles::change_slug(&txn, article.id, "bai-viet-so-1", now()).await.unwrap();
    txn.commit().await.unwrap();
    assert_eq!(articles::moved_to(db.reader(), "bai-viet-so-1", now()).await.unwrap(), None, "its own address again");
    assert_eq!(articles::moved_to(db.reader(), "bai-moi-hon", now()).await.unwrap().as_deref(), Some("bai-viet-so-1"));
    test.finish().await;
}

#[tokio::test]
async fn servers_starting_together_seed_the_demo_once() {
    let test = TestDatabase::new().await;
    let second = service::Database::connect(&test.url).await.unwrap();
    let (first, other) = tokio::join!(demo::seed_if_empty(&test.db, now()), demo::seed_if_empty(&second, now()));
    let seeded = [first.unwrap(), other.unwrap()].into_iter().flatten().count();
    assert_eq!(seeded, 1, "exactly one start seeds");
    assert_eq!(articles::count(test.db.reader()).await.unwrap(), 8);
    second.close().await.unwrap();
    test.finish().await;
}

#[tokio::test]
async fn a_busy_session_still_ends_twelve_hours_after_sign_in() {
    use service::sessions::{self, ABSOLUTE_LIFETIME, IDLE_TIMEOUT};
    let test = TestDatabase::new().await;
    let txn = test.db.begin_write().await.unwrap();
    let new = NewUser {
        username: "bientap",
        email: "bientap@thanhhoa.gov.vn",
        display_name: "Biên tập",
        password: "mat-khau-rat-dai",
        role: Role::Editor,
    };
    let account = service::users::create(&txn, new, now()).await.unwrap();
    let token = sessions::start(&txn, account.id, now()).await.unwrap();
    txn.commit().await.unwrap();
    let mut at = now();
    // A request every hour keeps it from going idle…
    while at + Duration::hours(1) < now() + ABSOLUTE_LIFETIME {
        at += Duration::hours(1);
        assert!(sessions::user_for(&test.db, &token, at).await.unwrap().is_some(), "alive at {at}");
    }
    assert!(Duration::hours(1) < IDLE_TIMEOUT);
    // …but not past its absolute lifetime.
    let late = now() + ABSOLUTE_LIFETIME + Duration::minutes(1);
    assert!(sessions::user_for(&test.db, &token, late).await.unwrap().is_none());
    test.finish().await;
}

/// Sign-in attempts at once, each in its own transaction: the throttle's check and count are one
/// step under a row lock, so no attempt slips past a wait another has just set.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_sign_in_attempts_are_counted_one_at_a_time() {
    use service::sign_in_throttle::{Attempt, Counter, count_attempt};
    let test = TestDatabase::new().await;
    let attempts: Vec<_> = (0..16)
        .map(|_| {
            let db = test.db.clone();
            tokio::spawn(async move {
                let counters = Counter::for_attempt("quantri", "198.51.100.7", None);
                let txn = db.begin_write().await?;
                let attempt = count_attempt(&txn, &counters, now()).await?;
                txn.commit().await?;
                Ok::<_, sea_orm::DbErr>(attempt)
            })
        })
        .collect();
    let mut counted = 0;
    for attempt in attempts {
        match attempt.await.unwrap().expect("every attempt gets an answer") {
            Attempt::Counted { .. } => counted += 1,
            Attempt::MustWait(until) => assert!(until > now()),
        }
    }
    assert_eq!(counted, 4, "three free failures and the one that sets the first wait");
    test.finish().await;
}
