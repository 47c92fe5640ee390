//! `server backup` and `server restore`: an online copy of the SQLite database and the uploaded
//! files, and putting one back.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use service::backup::{self, BackupSummary};

use crate::config::Config;

/// Writes `portal-YYYYMMDD-HHMMSS.db` into `folder`, and the uploaded files into `folder/media`,
/// while the site keeps serving.
pub async fn run_backup(config: Config, folder: &Path) -> Result<ExitCode, String> {
    std::fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let name = format!("portal-{}.db", chrono::Utc::now().format("%Y%m%d-%H%M%S"));
    let target = folder.join(name);
    let media_copy = folder.join("media");
    let copy_media = || {
        backup::copy_new_files(&config.media_dir, &media_copy)
            .map_err(|e| format!("the uploaded files could not be copied from {}: {e}", config.media_dir.display()))
    };
    // Files are written before their row and removed after it: copying them before the snapshot
    // and again after it gives every row in the snapshot its files.
    let mut files = copy_media()?;
    let db = super::connect(&config).await?;
    let result = backup::write_backup(&db, &target).await;
    db.close().await.map_err(|e| e.to_string())?;
    let summary = result.map_err(|e| format!("the backup failed: {e}"))?;
    files += copy_media()?;
    println!("{}: {}; {files} new uploaded files in {}", target.display(), describe(&summary), media_copy.display());
    Ok(ExitCode::SUCCESS)
}

/// Puts `file` in place of the configured SQLite database. The server must be stopped.
pub async fn run_restore(config: Config, file: &Path) -> Result<ExitCode, String> {
    let live: PathBuf = backup::sqlite_file(&config.database_url)
        .filter(|_| config.database_url.starts_with("sqlite:"))
        .ok_or("restore works on the SQLite database; restore PostgreSQL with pg_restore (see README)")?;
    let summary = backup::restore_backup(file, &live).await.map_err(|e| format!("nothing was changed: {e}"))?;
    println!("Restored {} from {}: {}", live.display(), file.display(), describe(&summary));
    let media_copy = file.parent().unwrap_or(Path::new(".")).join("media");
    let files = backup::copy_new_files(&media_copy, &config.media_dir)
        .map_err(|e| format!("the database is restored, but the uploaded files could not be copied back: {e}"))?;
    println!("{files} uploaded files copied back from {} to {}", media_copy.display(), config.media_dir.display());
    Ok(ExitCode::SUCCESS)
}

fn describe(summary: &BackupSummary) -> String {
    format!("integrity ok, {} articles, {} accounts", summary.articles, summary.accounts)
}
