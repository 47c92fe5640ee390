//! Connecting to SQLite (the embedded default) or PostgreSQL, and running migrations.

use std::path::Path;
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, SqliteTransactionMode,
    SqlxSqliteConnector, Statement, TransactionOptions, TransactionTrait,
};

/// Where the portal keeps its data when `DATABASE_URL` is not set.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/portal.db";

/// How long a SQLite connection waits for a lock held by another process before giving up.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The portal's database handle.
///
/// SQLite allows one writer at a time. Readers get a pool of read-only connections (WAL lets
/// them run while a write is in progress); all writes in this process go through a single
/// connection and start with `BEGIN IMMEDIATE`, so a write transaction takes the lock up front
/// and can never fail half-way with SQLITE_BUSY. Another process (an import run from the
/// command line) waits up to the busy timeout. PostgreSQL uses one pool for both.
#[derive(Clone, Debug)]
pub struct Database {
    reader: DatabaseConnection,
    writer: DatabaseConnection,
}

impl Database {
    /// Connects to `url` (`sqlite://path` or `postgres://…`), creating a SQLite file and its
    /// folder if missing, then brings the schema up to date.
    pub async fn connect(url: &str) -> Result<Self, DbErr> {
        let db = if url.starts_with("sqlite:") {
            Self::connect_sqlite(url).await?
        } else {
            let mut options = ConnectOptions::new(url);
            options.max_connections(16).min_connections(1).acquire_timeout(Duration::from_secs(10)).sqlx_logging(false);
            let pool = sea_orm::Database::connect(options).await?;
            Self { reader: pool.clone(), writer: pool }
        };
        db.migrate().await?;
        Ok(db)
    }

    async fn connect_sqlite(url: &str) -> Result<Self, DbErr> {
        let options: SqliteConnectOptions =
            url.parse().map_err(|e| DbErr::Custom(format!("invalid SQLite URL {url}: {e}")))?;
        if let Some(folder) = options.get_filename().parent().filter(|p| !p.as_os_str().is_empty()) {
            create_folder(folder)?;
        }
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(SQLITE_BUSY_TIMEOUT)
            // 4 MiB of pages per connection (five of them): the operating system caches the file
            // as well, and a search that reads every article must not leave 16 MiB behind in each
            // connection (measured: 146 MiB resident after searches on 2,000 articles at 16 MiB).
            .pragma("cache_size", "-4000");
        // The writer opens first: it creates the file and switches it to WAL, which read-only
        // connections cannot do.
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options.clone())
            .await
            .map_err(|e| DbErr::Conn(sea_orm::RuntimeErr::Internal(e.to_string())))?;
        let readers = std::thread::available_parallelism().map_or(4, |n| n.get() * 2).max(4);
        let reader = SqlitePoolOptions::new()
            .max_connections(readers as u32)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options.read_only(true))
            .await
            .map_err(|e| DbErr::Conn(sea_orm::RuntimeErr::Internal(e.to_string())))?;
        Ok(Self {
            reader: SqlxSqliteConnector::from_sqlx_sqlite_pool(reader),
            writer: SqlxSqliteConnector::from_sqlx_sqlite_pool(writer),
        })
    }

    /// Applies every pending migration.
    pub async fn migrate(&self) -> Result<(), DbErr> {
        Migrator::up(&self.writer, None).await
    }

    /// The connection for queries. On SQLite it is read-only.
    pub fn reader(&self) -> &DatabaseConnection {
        &self.reader
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`).
    pub async fn begin_write(&self) -> Result<DatabaseTransaction, DbErr> {
        let options = TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        };
        self.writer.begin_with_options(options).await
    }

    /// Holds `name` for the rest of `txn`, against every other transaction that asks for the
    /// same name, in this process or another. On SQLite the write transaction already holds the
    /// database's one write lock; PostgreSQL takes an advisory lock on the name's hash.
    pub async fn lock_name(txn: &DatabaseTransaction, name: &str) -> Result<(), DbErr> {
        if txn.get_database_backend() == DbBackend::Postgres {
            txn.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                [name.into()],
            ))
            .await?;
        }
        Ok(())
    }

    pub fn backend(&self) -> DbBackend {
        self.writer.get_database_backend()
    }

    /// Closes both pools, letting SQLite checkpoint its WAL.
    pub async fn close(self) -> Result<(), DbErr> {
        if self.backend() == DbBackend::Sqlite {
            self.reader.close().await?;
        }
        self.writer.close().await
    }
}

fn create_folder(folder: &Path) -> Result<(), DbErr> {
    std::fs::create_dir_all(folder)
        .map_err(|e| DbErr::Custom(format!("cannot create the database folder {}: {e}", folder.display())))
}
