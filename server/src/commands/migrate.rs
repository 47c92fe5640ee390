use std::process::ExitCode;

use crate::config::Config;

/// Connecting applies pending migrations; this command does only that.
pub async fn run(config: Config) -> Result<ExitCode, String> {
    let db = super::connect(&config).await?;
    db.close().await.map_err(|e| e.to_string())?;
    println!("The database schema is up to date.");
    Ok(ExitCode::SUCCESS)
}
