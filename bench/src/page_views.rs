//! Sends N page views from many kept-alive connections, stops the server cleanly, and compares
//! the page views stored in the database with N.

use std::path::Path;
use std::time::Instant;

use bench::ServerProcess;
use bench::http::KeepAlive;
use bench::server_process::page_view_uri;
use service::Database;
use service::visitors::{VisitRules, daily_history};

pub async fn run(server_binary: &Path, views: usize, connections: usize, readers: usize) -> Result<(), String> {
    let folder = tempfile::tempdir().map_err(|e| e.to_string())?;
    let database_url = format!("sqlite://{}/bench.db", folder.path().display());
    let server = ServerProcess::start(server_binary, &database_url, folder.path()).await?;
    let addr = server.addr;
    let day = VisitRules::default().local_day(chrono::Utc::now());

    let started = Instant::now();
    let mut clients = tokio::task::JoinSet::new();
    for connection in 0..connections {
        let share = views / connections + usize::from(connection < views % connections);
        clients.spawn(async move {
            let mut client = KeepAlive::connect(addr).await?;
            let uri = page_view_uri("/");
            for view in 0..share {
                let reader = (connection + view * connections) % readers;
                let user_agent = format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Reader-{reader}");
                let status = client.send("POST", &uri, &user_agent).await?;
                if status != 204 {
                    return Err(std::io::Error::other(format!("answer {status}")));
                }
            }
            Ok::<usize, std::io::Error>(share)
        });
    }
    let mut acknowledged = 0;
    while let Some(result) = clients.join_next().await {
        acknowledged += result.map_err(|e| e.to_string())?.map_err(|e| e.to_string())?;
    }
    let elapsed = started.elapsed();
    let status = tokio::task::spawn_blocking(move || server.terminate()).await.map_err(|e| e.to_string())??;
    if !status.success() {
        return Err(format!("the server did not stop cleanly: {status}"));
    }
    let db = Database::connect(&database_url).await.map_err(|e| e.to_string())?;
    let stored = daily_history(db.reader(), day, day).await.map_err(|e| e.to_string())?[0];
    db.close().await.map_err(|e| e.to_string())?;

    let rate = acknowledged as f64 / elapsed.as_secs_f64();
    println!(
        "page views: {acknowledged} sent from {connections} connections ({readers} readers) in {:.2} s",
        elapsed.as_secs_f64()
    );
    println!(
        "page views: {rate:.0} counted per second; stored {} page views in {} visits; lost {}",
        stored.page_views,
        stored.visits,
        acknowledged as i64 - stored.page_views
    );
    if stored.page_views != acknowledged as i64 || stored.visits != readers.min(acknowledged) as i64 {
        return Err(format!(
            "stored {stored:?}, expected {acknowledged} page views and {} visits",
            readers.min(acknowledged)
        ));
    }
    Ok(())
}
