use clap::{Parser, Subcommand};
use entity::user::Role;
use server::commands;
use server::config::Config;
use std::path::PathBuf;
use std::process::ExitCode;

/// Cổng thông tin điện tử: the portal server and its maintenance commands.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Import articles from a JSON Lines file (one article object a line).
    Import {
        /// The .jsonl file to import.
        file: PathBuf,
    },
    /// Import legal documents (văn bản) from a JSON Lines file (one document object a line).
    ImportDocuments {
        /// The .jsonl file to import.
        file: PathBuf,
        /// The folder holding the files the lines name in `attachments`.
        #[arg(long)]
        attachments: Option<PathBuf>,
    },
    /// Write a consistent copy of the SQLite database into FOLDER while the site keeps serving.
    Backup {
        /// The folder for the backup file (created if missing).
        #[arg(long)]
        to: PathBuf,
    },
    /// Replace the SQLite database with a backup after checking it. Stop the server first.
    Restore {
        /// A file written by `backup`.
        file: PathBuf,
    },
    /// Create a back-office account. The password is read from PORTAL_USER_PASSWORD, or else from standard input.
    CreateUser {
        #[arg(long)]
        username: String,
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "")]
        display_name: String,
        /// quan-tri (administrator), bien-tap-vien-truong (editor: approves and publishes) or
        /// phong-vien (author: writes drafts and submits them).
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("Configuration error: {message}");
            return ExitCode::from(2);
        }
    };
    let result = match Cli::parse().command.unwrap_or(Command::Serve) {
        Command::Serve => commands::serve::run(config).await,
        Command::Migrate => commands::migrate::run(config).await,
        Command::Import { file } => commands::import::run(config, &file).await,
        Command::ImportDocuments { file, attachments } => {
            commands::import::run_documents(config, &file, attachments.as_deref()).await
        }
        Command::Backup { to } => commands::backup::run_backup(config, &to).await,
        Command::Restore { file } => commands::backup::run_restore(config, &file).await,
        Command::CreateUser { username, email, display_name, role } => {
            commands::create_user::run(config, &username, &email, &display_name, role).await
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("Error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_role(role: &str) -> Result<Role, String> {
    match role {
        "quan-tri" => Ok(Role::Admin),
        "bien-tap-vien-truong" => Ok(Role::Editor),
        "phong-vien" => Ok(Role::Author),
        other => Err(format!("“{other}” is not a role: use quan-tri, bien-tap-vien-truong or phong-vien")),
    }
}
