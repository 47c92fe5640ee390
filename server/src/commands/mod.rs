//! What the server binary can be asked to do.

pub mod backup;
pub mod create_user;
pub mod import;
pub mod migrate;
pub mod serve;

use service::Database;

use crate::config::{Config, redact_url};

async fn connect(config: &Config) -> Result<Database, String> {
    Database::connect(&config.database_url)
        .await
        .map_err(|e| format!("cannot open the database {}: {e}", redact_url(&config.database_url)))
}
