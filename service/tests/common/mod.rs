//! A fresh, real database for each test: a SQLite file in a temporary folder by default, or a new
//! PostgreSQL database when `TEST_DATABASE_URL` points at a server (`.ci/run` runs the suite both ways).

use service::Database;

pub struct TestDatabase {
    pub db: Database,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl TestDatabase {
    pub async fn new() -> Self {
        match std::env::var("TEST_DATABASE_URL") {
            Ok(admin_url) if admin_url.starts_with("postgres") => Self::postgres(admin_url).await,
            _ => Self::sqlite().await,
        }
    }

    async fn sqlite() -> Self {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let url = format!("sqlite://{}/portal.db", folder.path().display());
        let db = Database::connect(&url).await.expect("SQLite opens and migrates");
        Self { db, url, cleanup: Cleanup::Sqlite(folder) }
    }

    async fn postgres(admin_url: String) -> Self {
        use sea_orm::ConnectionTrait;
        let name = format!("portal_test_{}_{}", std::process::id(), rand_suffix());
        let admin = sea_orm::Database::connect(&admin_url).await.expect("PostgreSQL is reachable");
        admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create the test database");
        admin.close().await.ok();
        let (base, _) = admin_url.rsplit_once('/').expect("a URL with a database name");
        let url = format!("{base}/{name}");
        let db = Database::connect(&url).await.expect("PostgreSQL migrates");
        Self { db, url, cleanup: Cleanup::Postgres { admin_url, name } }
    }

    /// Drops a PostgreSQL test database (a SQLite folder goes away by itself).
    pub async fn finish(self) {
        use sea_orm::ConnectionTrait;
        self.db.close().await.ok();
        if let Cleanup::Postgres { admin_url, name } = self.cleanup {
            let admin = sea_orm::Database::connect(&admin_url).await.expect("PostgreSQL is reachable");
            admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await.ok();
        }
    }
}

fn rand_suffix() -> u64 {
    use std::hash::{BuildHasher, RandomState};
    RandomState::new().hash_one(std::time::SystemTime::now()) % 1_000_000_000
}
