use std::io::BufRead;
use std::process::ExitCode;

use entity::user::Role;
use service::users::{self, NewUser};

use crate::config::Config;

/// Creates a back-office account. The password comes from PORTAL_USER_PASSWORD or the first line of
/// standard input, never from the command line, where other users of the machine could read it.
pub async fn run(
    config: Config,
    username: &str,
    email: &str,
    display_name: &str,
    role: Role,
) -> Result<ExitCode, String> {
    let password = match std::env::var("PORTAL_USER_PASSWORD") {
        Ok(password) => password,
        Err(_) => {
            eprintln!("Password for {username} (one line on standard input):");
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line).map_err(|e| format!("cannot read the password: {e}"))?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    let db = super::connect(&config).await?;
    let txn = db.begin_write().await.map_err(|e| e.to_string())?;
    let new = NewUser { username, email, display_name, password: &password, role };
    let created = users::create(&txn, new, chrono::Utc::now()).await.map_err(|e| e.to_string())?;
    txn.commit().await.map_err(|e| e.to_string())?;
    db.close().await.map_err(|e| e.to_string())?;
    println!("Created {:?} account {} ({}).", created.role, created.username, created.email);
    Ok(ExitCode::SUCCESS)
}
