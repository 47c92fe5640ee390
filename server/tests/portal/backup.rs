//! Backups of the SQLite database taken while it is being written to are consistent snapshots,
//! restore puts one back after checking it, and a damaged file is refused without touching anything.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use service::backup::{check_backup, copy_new_files, restore_backup, write_backup};
use service::{Database, demo};

/// Each article's view count, by id.
async fn view_counts(db: &Database) -> Vec<(i32, i64)> {
    let rows = db
        .reader()
        .query_all_raw(Statement::from_string(DbBackend::Sqlite, "SELECT id, view_count FROM article ORDER BY id"))
        .await
        .unwrap();
    rows.iter().map(|row| (row.try_get_by_index(0).unwrap(), row.try_get_by_index(1).unwrap())).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_taken_during_writes_is_one_consistent_snapshot_and_restores() {
    let folder = tempfile::tempdir().unwrap();
    let db = Database::connect(&format!("sqlite://{}/portal.db", folder.path().display())).await.unwrap();
    demo::seed_if_empty(&db, chrono::Utc::now()).await.unwrap();
    let before = view_counts(&db).await;

    // Every transaction adds one view to every article, so any consistent snapshot shows the
    // same increase on every row.
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, stop) = (db.clone(), stop.clone());
        tokio::spawn(async move {
            let mut transactions = 0;
            while !stop.load(Ordering::Relaxed) {
                let txn = db.begin_write().await.unwrap();
                txn.execute_unprepared("UPDATE article SET view_count = view_count + 1").await.unwrap();
                txn.commit().await.unwrap();
                transactions += 1;
            }
            transactions
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let backup = folder.path().join("sao-luu").join("portal-backup.db");
    std::fs::create_dir_all(backup.parent().unwrap()).unwrap();
    let summary = write_backup(&db, &backup).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    stop.store(true, Ordering::Relaxed);
    let transactions = writer.await.unwrap();
    assert!(transactions > 10, "the backup ran during writes ({transactions} transactions)");
    assert_eq!(summary.articles, before.len() as i64);
    assert!(write_backup(&db, &backup).await.unwrap_err().to_string().contains("already exists"));

    let restored_path = folder.path().join("restored.db");
    assert_eq!(restore_backup(&backup, &restored_path).await.unwrap(), summary);
    let restored = Database::connect(&format!("sqlite://{}", restored_path.display())).await.unwrap();
    let increases: Vec<i64> =
        view_counts(&restored).await.iter().zip(&before).map(|((_, after), (_, start))| after - start).collect();
    assert!(increases.iter().all(|n| *n == increases[0]), "a torn snapshot: {increases:?}");
    assert!(increases[0] > 0 && increases[0] < transactions, "taken mid-way: {} of {transactions}", increases[0]);
    restored.close().await.unwrap();

    let damaged = folder.path().join("damaged.db");
    std::fs::write(&damaged, b"SQLite format 3\0 but not really a database").unwrap();
    let refused = restore_backup(&damaged, &restored_path).await.unwrap_err();
    assert!(refused.to_string().contains("not a readable portal database"), "{refused}");
    assert_eq!(check_backup(&restored_path).await.unwrap(), summary, "the restored database was not touched");
    db.close().await.unwrap();
}

#[test]
fn uploaded_files_are_copied_once_and_half_written_ones_never() {
    let folder = tempfile::tempdir().unwrap();
    let (live, copy) = (folder.path().join("media"), folder.path().join("sao-luu").join("media"));
    std::fs::create_dir_all(&live).unwrap();
    std::fs::write(live.join("a1b2.jpg"), b"anh").unwrap();
    std::fs::write(live.join("a1b2-480.webp"), b"bien the").unwrap();
    std::fs::write(live.join(".c3d4.pdf.partial"), b"dang ghi").unwrap();
    assert_eq!(copy_new_files(&live, &copy).unwrap(), 2);
    assert_eq!(std::fs::read(copy.join("a1b2.jpg")).unwrap(), b"anh");
    assert!(!copy.join(".c3d4.pdf.partial").exists());
    std::fs::write(live.join("e5f6.png"), b"moi").unwrap();
    assert_eq!(copy_new_files(&live, &copy).unwrap(), 1, "only what is new");
    assert_eq!(copy_new_files(&folder.path().join("khong-co"), &copy).unwrap(), 0);
}
