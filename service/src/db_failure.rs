//! What a failed database call means for the person who asked: worth trying again (the database
//! is restarting, overloaded or chose this transaction to break a deadlock), a conflict with
//! another write, data the schema refuses, or a fault in the program. Only the first deserves
//! "busy, try again": answering every failure that way hid logic errors.

use sea_orm::sqlx::error::ErrorKind;
use sea_orm::{DbErr, RuntimeErr, sqlx};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DbFailure {
    /// The database could not be reached or asked us to retry (503 with `Retry-After`).
    Unavailable,
    /// A unique or foreign-key constraint: another write got there first (409).
    Conflict,
    /// A NOT NULL or CHECK constraint: the data itself is refused (422).
    Invalid,
    /// Anything else: a bug or a broken schema (500, logged as an error).
    Internal,
}

impl DbFailure {
    pub fn of(error: &DbErr) -> Self {
        match error {
            DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => Self::Unavailable,
            DbErr::Exec(RuntimeErr::SqlxError(error)) | DbErr::Query(RuntimeErr::SqlxError(error)) => {
                Self::of_driver(error)
            }
            _ => Self::Internal,
        }
    }

    fn of_driver(error: &sqlx::Error) -> Self {
        match error {
            sqlx::Error::Database(error) => {
                if is_retryable_code(error.code().as_deref().unwrap_or_default()) {
                    return Self::Unavailable;
                }
                match error.kind() {
                    ErrorKind::UniqueViolation | ErrorKind::ForeignKeyViolation => Self::Conflict,
                    ErrorKind::NotNullViolation | ErrorKind::CheckViolation => Self::Invalid,
                    _ => Self::Internal,
                }
            }
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed => Self::Unavailable,
            _ => Self::Internal,
        }
    }

    /// Classifies `error` and logs it: a warning when it is the moment's fault, an error when it is
    /// the program's.
    pub fn logged(error: &DbErr) -> Self {
        let failure = Self::of(error);
        if failure.is_error() {
            tracing::error!(%error, ?failure, "database query failed");
        } else {
            tracing::warn!(%error, ?failure, "database query failed");
        }
        failure
    }

    /// The HTTP status the request gets.
    pub fn status(self) -> u16 {
        match self {
            Self::Unavailable => 503,
            Self::Conflict => 409,
            Self::Invalid => 422,
            Self::Internal => 500,
        }
    }

    /// What the person is told (never the database's own words, which name tables and columns).
    pub fn message(self) -> &'static str {
        match self {
            Self::Unavailable => "Hệ thống đang bận, vui lòng thử lại sau.",
            Self::Conflict => {
                "Dữ liệu vừa được thay đổi bởi một thao tác khác cùng lúc. Hãy tải lại trang, kiểm tra rồi làm lại."
            }
            Self::Invalid => "Dữ liệu gửi lên không hợp lệ nên không được lưu. Hãy kiểm tra lại các ô đã nhập.",
            Self::Internal => "Máy chủ gặp lỗi khi xử lý yêu cầu này; lỗi đã được ghi lại để quản trị viên kiểm tra.",
        }
    }

    /// Whether this is the program's fault rather than the moment's.
    pub fn is_error(self) -> bool {
        matches!(self, Self::Invalid | Self::Internal)
    }
}

/// PostgreSQL's serialization failure, deadlock, admin shutdown, "cannot connect now", and too
/// many connections; SQLite's BUSY and LOCKED (with their extended codes).
fn is_retryable_code(code: &str) -> bool {
    matches!(code, "40001" | "40P01" | "57P01" | "57P03" | "53300" | "5" | "6" | "261" | "262" | "517")
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectOptions, ConnectionTrait, Database, DbBackend, Statement};

    use super::*;

    async fn failure_of(sql: &str) -> DbFailure {
        // One connection: each connection to `:memory:` is a database of its own.
        let mut options = ConnectOptions::new("sqlite::memory:");
        options.max_connections(1);
        let db = Database::connect(options).await.unwrap();
        for setup in [
            "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
            "CREATE TABLE child (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE CHECK (length(name) < 5), \
             parent_id INTEGER REFERENCES parent(id))",
            "PRAGMA foreign_keys = ON",
            "INSERT INTO child (id, name) VALUES (1, 'a')",
        ] {
            db.execute_unprepared(setup).await.unwrap();
        }
        let error = db.execute_raw(Statement::from_string(DbBackend::Sqlite, sql)).await.unwrap_err();
        DbFailure::of(&error)
    }

    #[tokio::test]
    async fn constraint_violations_are_not_busy_answers() {
        assert_eq!(failure_of("INSERT INTO child (id, name) VALUES (2, 'a')").await, DbFailure::Conflict);
        assert_eq!(failure_of("INSERT INTO child (id, name) VALUES (1, 'b')").await, DbFailure::Conflict);
        assert_eq!(failure_of("INSERT INTO child (name, parent_id) VALUES ('c', 9)").await, DbFailure::Conflict);
        assert_eq!(failure_of("INSERT INTO child (id) VALUES (3)").await, DbFailure::Invalid);
        assert_eq!(failure_of("INSERT INTO child (name) VALUES ('toolong')").await, DbFailure::Invalid);
        assert_eq!(failure_of("SELECT * FROM no_such_table").await, DbFailure::Internal);
    }

    #[test]
    fn lost_connections_and_retry_codes_are_busy_answers() {
        let acquire = DbErr::ConnectionAcquire(sea_orm::ConnAcquireErr::Timeout);
        assert_eq!(DbFailure::of(&acquire), DbFailure::Unavailable);
        let pool = DbErr::Query(RuntimeErr::SqlxError(std::sync::Arc::new(sqlx::Error::PoolTimedOut)));
        assert_eq!(DbFailure::of(&pool), DbFailure::Unavailable);
        assert!(is_retryable_code("40001") && is_retryable_code("5") && !is_retryable_code("23505"));
        assert_eq!(DbFailure::of(&DbErr::Custom("bug".into())), DbFailure::Internal);
        assert!(DbFailure::Internal.is_error() && !DbFailure::Unavailable.is_error());
    }
}
