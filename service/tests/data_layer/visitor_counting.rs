//! Counting visits and page views into the database, as several server processes would.

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use service::visitors::{
    self, PendingBatch, Recorded, VisitRules, VisitorTracker, current_numbers, daily_history, record, salts_for,
};
use service::{Database, demo};

use crate::common::TestDatabase;

const OFFSET: i64 = 7_837_536;

/// A moment on 28 November 2026, local time (UTC+7).
fn local(hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, hour, minute, 0).unwrap() - TimeDelta::hours(7)
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

async fn prepared() -> TestDatabase {
    let test = TestDatabase::new().await;
    demo::ensure_site_rows(&test.db).await.unwrap();
    visitors::set_starting_offset(&test.db, OFFSET).await.unwrap();
    test
}

async fn salts(db: &Database, at: DateTime<Utc>) -> visitors::DaySalts {
    let txn = db.begin_write().await.unwrap();
    let salts = salts_for(&txn, VisitRules::default().local_day(at)).await.unwrap();
    txn.commit().await.unwrap();
    salts
}

async fn store(db: &Database, views: &[(&str, DateTime<Utc>, Option<&str>)], now: DateTime<Utc>) -> Recorded {
    let rules = VisitRules::default();
    let mut batch = PendingBatch::default();
    for (who, at, slug) in views {
        let visitor = salts(db, *at).await.visitor(&rules, who, "Mozilla/5.0 Firefox/140", *at);
        batch.add_page_view(&rules, visitor, *at, *slug);
    }
    record(db, &batch, &rules, now).await.unwrap()
}

#[tokio::test]
async fn views_make_visits_and_the_total_continues_from_the_offset() {
    let test = prepared().await;
    let db = &test.db;
    let recorded = store(
        db,
        &[("203.0.113.1", local(9, 0), None), ("203.0.113.1", local(9, 10), None), ("203.0.113.2", local(9, 10), None)],
        local(9, 10),
    )
    .await;
    assert_eq!(recorded, Recorded { visits: 2, page_views: 3 });
    // The same reader 20 minutes later continues; 40 minutes after that starts a second visit.
    assert_eq!(store(db, &[("203.0.113.1", local(9, 30), None)], local(9, 30)).await.visits, 0);
    assert_eq!(store(db, &[("203.0.113.1", local(10, 10), None)], local(10, 10)).await.visits, 1);

    let numbers = current_numbers(db.reader(), &VisitRules::default(), local(10, 10)).await.unwrap();
    assert_eq!((numbers.today, numbers.total), (3, OFFSET + 3));
    let history = daily_history(db.reader(), day(27), day(28)).await.unwrap();
    assert_eq!(history.iter().map(|d| (d.visits, d.page_views)).collect::<Vec<_>>(), [(0, 0), (3, 5)]);
    test.finish().await;
}

#[tokio::test]
async fn a_visit_across_local_midnight_counts_once_on_the_day_it_started() {
    let test = prepared().await;
    let db = &test.db;
    let before_midnight = local(23, 50);
    let after_midnight = local(23, 50) + TimeDelta::minutes(20);
    assert_eq!(store(db, &[("203.0.113.1", before_midnight, None)], before_midnight).await.visits, 1);
    // After midnight the visitor has a new hash, but yesterday's still links the visit.
    assert_eq!(store(db, &[("203.0.113.1", after_midnight, None)], after_midnight).await.visits, 0);
    let history = daily_history(db.reader(), day(28), day(29)).await.unwrap();
    assert_eq!(history.iter().map(|d| (d.visits, d.page_views)).collect::<Vec<_>>(), [(1, 1), (0, 1)]);
    let numbers = current_numbers(db.reader(), &VisitRules::default(), after_midnight).await.unwrap();
    assert_eq!((numbers.online, numbers.today, numbers.total), (1, 0, OFFSET + 1), "one person, online once");
    test.finish().await;
}

#[tokio::test]
async fn per_article_views_feed_the_most_read_list() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    demo::seed_if_empty(db, local(8, 0)).await.unwrap();
    let seed = "hoi-nghi-tong-ket-cong-tac-dang-nam-2022-va-trien-khai-nhiem-vu-cong-tac-nam-2023";
    let views: Vec<_> = (0..3).map(|i| ("203.0.113.9", local(9, i), Some(seed))).collect();
    store(db, &views, local(9, 3)).await;
    store(db, &[("203.0.113.9", local(9, 4), Some("khong-ton-tai"))], local(9, 4)).await;
    let most_read = visitors::most_read(db.reader(), 5).await.unwrap();
    assert_eq!(most_read.len(), 1, "only articles with views, and unknown slugs change nothing");
    assert_eq!((most_read[0].slug.as_str(), most_read[0].view_count), (seed, 3));
    test.finish().await;
}

#[tokio::test]
async fn two_server_processes_share_one_online_count_and_one_total() {
    let test = prepared().await;
    let second = Database::connect(&test.url).await.unwrap();
    let rules = VisitRules::default();
    let now = Utc::now();
    let first_server = VisitorTracker::start(test.db.clone(), rules, now).await.unwrap();
    let second_server = VisitorTracker::start(second.clone(), rules, now).await.unwrap();
    let reader_a = first_server.visitor("203.0.113.1", "Firefox", now).await.unwrap();
    let reader_b = second_server.visitor("203.0.113.2", "Chrome", now).await.unwrap();
    assert_eq!(reader_a, second_server.visitor("203.0.113.1", "Firefox", now).await.unwrap(), "one salt for all");
    first_server.count_page_view(reader_a, now, None);
    second_server.count_page_view(reader_b, now, None);
    second_server.count_page_view(reader_a, now, None);
    let (first, second_flush) = tokio::join!(first_server.flush(now), second_server.flush(now));
    first.unwrap();
    second_flush.unwrap();
    for server in [&first_server, &second_server] {
        server.refresh(now).await.unwrap();
        let numbers = server.numbers();
        assert_eq!((numbers.online, numbers.today, numbers.total), (2, 2, OFFSET + 2));
    }
    second.close().await.unwrap();
    test.finish().await;
}

#[tokio::test]
async fn a_live_connection_keeps_a_reader_online_without_counting_a_visit() {
    let test = prepared().await;
    let now = Utc::now();
    let tracker = VisitorTracker::start(test.db.clone(), VisitRules::default(), now).await.unwrap();
    let reader = tracker.visitor("203.0.113.5", "Firefox", now).await.unwrap();
    let connection = tracker.connect_live(reader, now);
    assert_eq!(tracker.live_connections(), 1);
    tracker.flush(now).await.unwrap();
    tracker.refresh(now).await.unwrap();
    assert_eq!((tracker.numbers().online, tracker.numbers().today), (1, 0));
    drop(connection);
    assert_eq!(tracker.live_connections(), 0);
    // Five minutes after the last sign of life the reader is no longer online.
    tracker.refresh(now + TimeDelta::minutes(5) + TimeDelta::seconds(1)).await.unwrap();
    assert_eq!(tracker.numbers().online, 0);
    test.finish().await;
}

#[tokio::test]
async fn the_last_flush_stores_what_was_counted() {
    let test = prepared().await;
    let now = Utc::now();
    let tracker = VisitorTracker::start(test.db.clone(), VisitRules::default(), now).await.unwrap();
    for i in 0..50 {
        let reader = tracker.visitor(&format!("198.51.100.{i}"), "Firefox", now).await.unwrap();
        tracker.count_page_view(reader, now, None);
    }
    tracker.close_live_connections();
    tracker.flush(now).await.unwrap();
    let numbers = current_numbers(test.db.reader(), &VisitRules::default(), now).await.unwrap();
    assert_eq!((numbers.today, numbers.total), (50, OFFSET + 50));
    test.finish().await;
}

#[tokio::test]
async fn administrators_set_the_offset_reset_and_hide_the_widget() {
    let test = prepared().await;
    let db = &test.db;
    store(db, &[("203.0.113.1", local(9, 0), None)], local(9, 0)).await;
    visitors::set_starting_offset(db, 1_000).await.unwrap();
    let rules = VisitRules::default();
    assert_eq!(current_numbers(db.reader(), &rules, local(9, 0)).await.unwrap().total, 1_001);
    assert!(matches!(visitors::set_starting_offset(db, -1).await, Err(visitors::CounterError::OffsetOutOfRange)));
    assert_eq!(current_numbers(db.reader(), &rules, local(9, 0)).await.unwrap().total, 1_001, "refused, unchanged");
    visitors::reset_counts(db).await.unwrap();
    let numbers = current_numbers(db.reader(), &rules, local(9, 0)).await.unwrap();
    assert_eq!((numbers.today, numbers.total), (0, 1_000));
    visitors::set_widget_visible(db, false).await.unwrap();
    assert!(!current_numbers(db.reader(), &rules, local(9, 0)).await.unwrap().widget_visible);
    test.finish().await;
}
