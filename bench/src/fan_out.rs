//! Opens K live connections, makes one change, and measures how long until every connection
//! has received the new numbers.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bench::ServerProcess;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{Barrier, Semaphore};

/// Connections opened at once while building up (the listen backlog is finite).
const OPENING_AT_ONCE: usize = 200;
/// A run that has not finished by then fails instead of waiting for ever.
const TIME_LIMIT: Duration = Duration::from_secs(120);

pub async fn run(server_binary: &Path, sizes: &[usize]) -> Result<(), String> {
    for &clients in sizes {
        let folder = tempfile::tempdir().map_err(|e| e.to_string())?;
        let database_url = format!("sqlite://{}/bench.db", folder.path().display());
        // Every client is 127.0.0.1 here, so the per-address cap on live connections is lifted.
        let settings = [("PORTAL_LIVE_CONNECTIONS_PER_ADDRESS", "1000000")];
        let server = ServerProcess::start_with(server_binary, &database_url, folder.path(), &settings).await?;
        let result = tokio::time::timeout(TIME_LIMIT, measure(&server, clients)).await.unwrap_or_else(|_| {
            Err(format!("{clients} live clients did not all get the change within {TIME_LIMIT:?}"))
        });
        tokio::task::spawn_blocking(move || server.terminate()).await.map_err(|e| e.to_string())??;
        let (open, median, slowest) = result?;
        println!(
            "fan-out: {clients} live clients connected in {:.2} s; one change reached all of them in {:.0} ms (median {:.0} ms)",
            open.as_secs_f64(),
            slowest.as_secs_f64() * 1000.0,
            median.as_secs_f64() * 1000.0,
        );
    }
    Ok(())
}

async fn measure(server: &ServerProcess, clients: usize) -> Result<(Duration, Duration, Duration), String> {
    let addr = server.addr;
    let baseline = server.stats().await?["today"].as_i64().ok_or("no today")?;
    let opening = Arc::new(Semaphore::new(OPENING_AT_ONCE));
    let ready = Arc::new(Barrier::new(clients + 1));
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..clients {
        let (opening, ready) = (opening.clone(), ready.clone());
        tasks.spawn(async move {
            let permit = opening.acquire_owned().await.expect("the semaphore stays open");
            let mut stream = TcpStream::connect(addr).await?;
            let head = format!(
                "GET /api/thong-ke/truc-tiep HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: Mozilla/5.0 Firefox/133\r\n\r\n"
            );
            stream.write_all(head.as_bytes()).await?;
            let mut seen = String::new();
            read_until(&mut stream, &mut seen, |today| today >= baseline).await?;
            drop(permit);
            ready.wait().await;
            read_until(&mut stream, &mut seen, |today| today > baseline).await?;
            Ok::<Instant, std::io::Error>(Instant::now())
        });
    }
    ready.wait().await;
    let open = started.elapsed();
    // Let the connections' own effect on "Đang online" settle before the measured change.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let changed_at = Instant::now();
    server.page_view("/", "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Fan-out-trigger").await?;
    let mut arrivals = Vec::with_capacity(clients);
    while let Some(result) = tasks.join_next().await {
        let arrived = result.map_err(|e| e.to_string())?.map_err(|e| e.to_string())?;
        arrivals.push(arrived.saturating_duration_since(changed_at));
    }
    arrivals.sort();
    Ok((open, arrivals[arrivals.len() / 2], *arrivals.last().ok_or("no clients")?))
}

/// Reads the event stream until an event's "today" satisfies `wanted`.
async fn read_until(stream: &mut TcpStream, seen: &mut String, wanted: impl Fn(i64) -> bool) -> std::io::Result<()> {
    let mut chunk = [0u8; 2048];
    loop {
        let found = seen
            .match_indices("\"today\":")
            .filter_map(|(at, key)| {
                let digits: String = seen[at + key.len()..].chars().take_while(char::is_ascii_digit).collect();
                digits.parse::<i64>().ok()
            })
            .any(&wanted);
        // Keep only the tail, which may hold the start of an event split across reads.
        let keep_from = seen.len().saturating_sub(200);
        let keep_from = (keep_from..=seen.len()).find(|i| seen.is_char_boundary(*i)).unwrap_or(seen.len());
        seen.drain(..keep_from);
        if found {
            return Ok(());
        }
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        seen.push_str(&String::from_utf8_lossy(&chunk[..read]));
    }
}
