//! Online backups of the SQLite database, and restoring one. (PostgreSQL has `pg_dump`; see README.)
//!
//! `VACUUM INTO` copies one consistent snapshot while the site keeps serving: readers and the
//! writer carry on in the WAL, and the copy is a compact, self-contained database file.

use std::path::{Path, PathBuf};

use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};

use crate::Database;

/// What a checked backup holds.
#[derive(Debug, PartialEq, Eq)]
pub struct BackupSummary {
    pub articles: i64,
    pub accounts: i64,
}

/// Writes a consistent copy of the live database to `target`, which must not exist yet.
pub async fn write_backup(db: &Database, target: &Path) -> Result<BackupSummary, DbErr> {
    if db.backend() != DbBackend::Sqlite {
        return Err(DbErr::Custom("backups of PostgreSQL are taken with pg_dump (see README)".into()));
    }
    if target.exists() {
        return Err(DbErr::Custom(format!("{} already exists; choose a new file name", target.display())));
    }
    let path = target.to_str().ok_or_else(|| DbErr::Custom("the backup path must be valid UTF-8".into()))?;
    // A string literal is the only way VACUUM INTO takes its file name.
    let statement = format!("VACUUM INTO '{}'", path.replace('\'', "''"));
    db.reader().execute_unprepared(&statement).await?;
    check_backup(target).await
}

/// Opens `backup` read-only and checks that it is an intact portal database.
pub async fn check_backup(backup: &Path) -> Result<BackupSummary, DbErr> {
    if !backup.is_file() {
        return Err(DbErr::Custom(format!("{} is not a file", backup.display())));
    }
    let options = SqliteConnectOptions::new().filename(backup).read_only(true);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await.map_err(sqlx_error)?;
    let connection = sea_orm::SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);
    let result = check_database(&connection).await;
    connection.close().await?;
    result
}

/// SQLite's own integrity check of the database behind `connection`, and what it holds.
pub async fn check_database(connection: &sea_orm::DatabaseConnection) -> Result<BackupSummary, DbErr> {
    let integrity = connection
        .query_one_raw(Statement::from_string(DbBackend::Sqlite, "PRAGMA integrity_check"))
        .await
        .map_err(not_a_portal_database)?
        .map(|row| row.try_get_by_index::<String>(0))
        .transpose()?;
    if integrity.as_deref() != Some("ok") {
        return Err(DbErr::Custom(format!("the database is damaged: {}", integrity.unwrap_or_default())));
    }
    let count = |table: &str| {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        async move {
            connection
                .query_one_raw(Statement::from_string(DbBackend::Sqlite, sql))
                .await
                .map_err(not_a_portal_database)?
                .ok_or_else(|| DbErr::Custom("no count".into()))?
                .try_get_by_index::<i64>(0)
        }
    };
    Ok(BackupSummary { articles: count("article").await?, accounts: count("user").await? })
}

fn not_a_portal_database(error: DbErr) -> DbErr {
    DbErr::Custom(format!("not a readable portal database: {error}"))
}

fn sqlx_error(error: sea_orm::sqlx::Error) -> DbErr {
    DbErr::Custom(format!("cannot open the backup: {error}"))
}

/// Replaces the database file at `live` with `backup` after checking the backup. The server must be
/// stopped: it keeps the old file open. The old database is kept beside it as `…before-restore`.
pub async fn restore_backup(backup: &Path, live: &Path) -> Result<BackupSummary, DbErr> {
    let summary = check_backup(backup).await?;
    let io = |what: &str, error: std::io::Error| DbErr::Custom(format!("{what}: {error}"));
    let staged = with_suffix(live, "restoring");
    std::fs::copy(backup, &staged).map_err(|e| io("cannot copy the backup", e))?;
    std::fs::File::open(&staged).and_then(|f| f.sync_all()).map_err(|e| io("cannot write the copy", e))?;
    if live.exists() {
        std::fs::rename(live, with_suffix(live, "before-restore"))
            .map_err(|e| io("cannot set the current database aside", e))?;
    }
    for stale in ["wal", "shm"] {
        let _ = std::fs::remove_file(with_suffix(live, stale));
    }
    std::fs::rename(&staged, live).map_err(|e| io("cannot put the backup in place", e))?;
    Ok(summary)
}

/// `portal.db` → `portal.db-<suffix>`, the way SQLite names its own side files.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!("-{suffix}"));
    PathBuf::from(name)
}

/// Copies the files of the media folder `from` that `to` does not hold yet, and returns how many.
/// A stored file never changes under its name (names come from the content), so one already there
/// is the same file. Files still being written (hidden `.…partial` names) are skipped.
pub fn copy_new_files(from: &Path, to: &Path) -> std::io::Result<usize> {
    if !from.is_dir() {
        return Ok(0);
    }
    std::fs::create_dir_all(to)?;
    let mut copied = 0;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') || !entry.file_type()?.is_file() || to.join(&name).exists() {
            continue;
        }
        let partial = to.join(format!(".{}.partial", name.to_string_lossy()));
        std::fs::copy(entry.path(), &partial)?;
        std::fs::rename(&partial, to.join(&name))?;
        copied += 1;
    }
    Ok(copied)
}

/// The file behind a `sqlite://` URL.
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    let options: SqliteConnectOptions = url.parse().ok()?;
    Some(options.get_filename().to_path_buf())
}
