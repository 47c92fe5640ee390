use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use service::audit::Actor;
use service::import::{ImportReport, import_jsonl};
use service::legal_documents::import::{AttachmentFiles, Attachments, import_documents};

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
    Ok(print_report(path, "articles", &report))
}

/// Imports legal documents from a JSON Lines file, their attachments from `attachments`.
pub async fn run_documents(config: Config, path: &Path, attachments: Option<&Path>) -> Result<ExitCode, String> {
    let file = File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    if let Some(folder) = attachments.filter(|folder| !folder.is_dir()) {
        return Err(format!("{} is not a folder", folder.display()));
    }
    let lines = BufReader::new(File::open(path).map_err(|e| e.to_string())?).lines().count() as u64;
    let db = super::connect(&config).await?;
    let library = super::serve::media_library(&config)?;
    let bar = ProgressBar::new(lines);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} lines ({eta})").expect("a valid progress template"),
    );
    let uploader = Actor::command_line("import-documents");
    let files = attachments.map_or(AttachmentFiles::None, AttachmentFiles::Folder);
    let attachments = Attachments { files, library: &library, uploader: &uploader };
    let report = import_documents(&db, BufReader::new(file), &attachments, chrono::Utc::now(), |line| {
        bar.set_position(line as u64)
    })
    .await
    .map_err(|e| format!("the import stopped: {e}"))?;
    bar.finish_and_clear();
    db.close().await.map_err(|e| e.to_string())?;
    Ok(print_report(path, "documents", &report))
}

/// Prints the skipped lines and the counts; exits with 1 when some lines were skipped (after
/// importing the rest).
fn print_report(path: &Path, what: &str, report: &ImportReport) -> ExitCode {
    for error in &report.errors {
        eprintln!("{}:{}: {}", path.display(), error.line, error.message);
    }
    println!(
        "Imported {what} from {}: {} new, {} updated, {} unchanged, {} lines skipped.",
        path.display(),
        report.inserted,
        report.updated,
        report.unchanged,
        report.errors.len()
    );
    if report.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
