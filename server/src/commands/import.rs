use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use service::import::import_jsonl;

use crate::config::Config;

/// Imports a JSON Lines file. Exits with 1 when some lines were skipped (after importing the rest).
pub async fn run(config: Config, path: &Path) -> Result<ExitCode, String> {
    let file = File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let db = super::connect(&config).await?;
    let bar = ProgressBar::new(size);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} ({eta})").expect("a valid progress template"),
    );
    let report = import_jsonl(&db, BufReader::new(file), chrono::Utc::now(), |bytes| bar.set_position(bytes))
        .await
        .map_err(|e| format!("the import stopped: {e}"))?;
    bar.finish_and_clear();
    db.close().await.map_err(|e| e.to_string())?;
    for error in &report.errors {
        eprintln!("{}:{}: {}", path.display(), error.line, error.message);
    }
    println!(
        "Imported {}: {} new, {} updated, {} unchanged, {} lines skipped.",
        path.display(),
        report.inserted,
        report.updated,
        report.unchanged,
        report.errors.len()
    );
    Ok(if report.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
