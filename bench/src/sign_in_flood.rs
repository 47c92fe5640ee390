//! Readers' page latency while a flood of sign-ins hits the server. Each attempt (an unknown name
//! from an address of its own, so the throttle lets it through) costs one Argon2 check: tens of
//! milliseconds of a CPU and 19 MiB. The checks run a few at a time on the blocking threads, so the
//! threads serving pages stay free; measured side by side, without and with the flood.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bench::ServerProcess;
use bench::http::exchange;

use crate::wrk::{self, Load};

const SEED_ARTICLE: &str =
    "/bai-viet/hoi-nghi-tong-ket-cong-tac-dang-nam-2022-va-trien-khai-nhiem-vu-cong-tac-nam-2023";
/// Connections reading the article page, alone and during the flood.
const READERS: usize = 8;

pub async fn run(server_binary: &Path, seconds: u64, signers: usize) -> Result<(), String> {
    let folder = tempfile::tempdir().map_err(|e| e.to_string())?;
    let database_url = format!("sqlite://{}/flood.db", folder.path().display());
    // Behind a proxy, so each attempt can come from an address of its own.
    let settings = [("PORTAL_BEHIND_PROXY", "true")];
    let server = ServerProcess::start_with(server_binary, &database_url, folder.path(), &settings).await?;
    let addr = server.addr;
    let read = move || tokio::task::spawn_blocking(move || wrk::run(addr, SEED_ARTICLE, READERS, seconds));

    let alone = read().await.map_err(|e| e.to_string())??;

    let stop = Arc::new(AtomicBool::new(false));
    let (attempts, unexpected) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let mut flood = tokio::task::JoinSet::new();
    for signer in 0..signers {
        let (stop, attempts, unexpected) = (stop.clone(), attempts.clone(), unexpected.clone());
        flood.spawn(async move {
            let deadline = Instant::now() + Duration::from_secs(seconds + 5);
            let mut n = 0u32;
            while !stop.load(Ordering::Relaxed) && Instant::now() < deadline {
                n += 1;
                let body = format!("login=khong-co-{signer}-{n}&password=mat-khau-doan-sai");
                let request = format!(
                    "POST /api/sign_in HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: Mozilla/5.0 Chrome/131.0\r\n\
                     Accept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n\
                     X-Forwarded-For: 198.18.{}.{}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    signer % 250,
                    n % 250 + 1,
                    body.len()
                );
                let status = exchange(addr, request.as_bytes()).await.map(|(status, _)| status).unwrap_or(0);
                attempts.fetch_add(1, Ordering::Relaxed);
                if status != 401 {
                    unexpected.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
    }
    // Let the flood build up before measuring.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let started = (Instant::now(), attempts.load(Ordering::Relaxed));
    let during = read().await.map_err(|e| e.to_string())??;
    let sign_ins_per_second = (attempts.load(Ordering::Relaxed) - started.1) as f64 / started.0.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    while flood.join_next().await.is_some() {}
    server.terminate()?;

    println!("Reader page ({SEED_ARTICLE}, {READERS} connections, {seconds} s) without and with a sign-in flood:");
    println!("| while | requests/s | p50 ms | p99 ms | errors |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    let row = |label: &str, load: &Load| {
        println!(
            "| {label} | {:.0} | {:.2} | {:.2} | {} |",
            load.requests_per_second, load.p50_ms, load.p99_ms, load.errors
        );
    };
    row("no sign-ins", &alone);
    row(&format!("{signers} clients signing in ({sign_ins_per_second:.0} attempts/s)"), &during);
    let refused = unexpected.load(Ordering::Relaxed);
    if alone.errors + during.errors > 0 || refused > 0 {
        return Err(format!(
            "errors: {} page errors, {refused} sign-ins not answered 401",
            alone.errors + during.errors
        ));
    }
    Ok(())
}
