//! A bounded soak: for a set time, many connections read pages (home, article, category, feeds),
//! search, hold live connections open and count page views, while an editor saves and publishes.
//! Passes only with zero errors, every acknowledged save stored, and resident memory that stops
//! growing once warmed up.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bench::ServerProcess;
use bench::http::{browser_get, exchange, form_post};
use service::Database;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const PASSWORD: &str = "mat-khau-do-ben-2026";
const LIVE_CONNECTIONS: usize = 50;
const SEED_ARTICLE: &str =
    "/bai-viet/hoi-nghi-tong-ket-cong-tac-dang-nam-2022-va-trien-khai-nhiem-vu-cong-tac-nam-2023";
const READS: [&str; 8] = [
    "/",
    SEED_ARTICLE,
    "/chuyen-muc/chuyen-doi-so",
    "/tim-kiem?q=thanh+hoa",
    "/tim-kiem?q=chuyen+doi+so",
    "/rss.xml",
    "/sitemap.xml",
    "/api/thong-ke",
];

#[derive(Default)]
struct Tally {
    requests: AtomicU64,
    errors: AtomicU64,
}

pub async fn run(server_binary: &Path, seconds: u64, connections: usize) -> Result<(), String> {
    let folder = tempfile::tempdir().map_err(|e| e.to_string())?;
    let database_url = format!("sqlite://{}/soak.db", folder.path().display());
    let created = Command::new(server_binary)
        .args(["create-user", "--username", "bientap", "--email", "bientap@so.example.gov.vn"])
        .args(["--role", "bien-tap-vien-truong"])
        .env("DATABASE_URL", &database_url)
        .env("PORTAL_USER_PASSWORD", PASSWORD)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .status()
        .map_err(|e| e.to_string())?;
    if !created.success() {
        return Err("create-user failed".into());
    }
    // Every client is 127.0.0.1 here, so the per-address search limit is lifted for the soak.
    let settings = [("PORTAL_SEARCHES_PER_MINUTE", "100000000")];
    let server = ServerProcess::start_with(server_binary, &database_url, folder.path(), &settings).await?;
    let addr = server.addr;
    let (status, answer) =
        exchange(addr, form_post(addr, "/api/sign_in", &format!("login=bientap&password={PASSWORD}"), "").as_bytes())
            .await
            .map_err(|e| e.to_string())?;
    let cookie = answer
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .ok_or(format!("sign-in failed: {status}"))?
        .to_owned();

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let tally = Arc::new(Tally::default());
    let latencies = Arc::new(std::sync::Mutex::new(Vec::<Duration>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = tokio::task::JoinSet::new();
    for worker in 0..connections {
        let (tally, latencies) = (tally.clone(), latencies.clone());
        tasks.spawn(async move {
            let mut mine = Vec::new();
            for n in 0.. {
                if Instant::now() >= deadline {
                    break;
                }
                let path = READS[(worker + n) % READS.len()];
                let started = Instant::now();
                let ok = matches!(exchange(addr, browser_get(addr, path).as_bytes()).await, Ok((200, _)));
                mine.push(started.elapsed());
                tally.requests.fetch_add(1, Ordering::Relaxed);
                if !ok {
                    tally.errors.fetch_add(1, Ordering::Relaxed);
                }
                if n % 10 == 0 {
                    let beacon = format!(
                        "POST /api/luot-xem?trang=%2F HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: Mozilla/5.0 Chrome/131.0 Soak-{worker}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    );
                    if !matches!(exchange(addr, beacon.as_bytes()).await, Ok((204, _))) {
                        tally.errors.fetch_add(1, Ordering::Relaxed);
                    }
                    tally.requests.fetch_add(1, Ordering::Relaxed);
                }
            }
            latencies.lock().unwrap().extend(mine);
        });
    }
    for _ in 0..LIVE_CONNECTIONS {
        let (tally, stop) = (tally.clone(), stop.clone());
        tasks.spawn(async move {
            let head = format!(
                "GET /api/thong-ke/truc-tiep HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: Mozilla/5.0 Chrome/131.0\r\nAccept: text/event-stream\r\n\r\n"
            );
            let Ok(mut stream) = tokio::net::TcpStream::connect(addr).await else {
                tally.errors.fetch_add(1, Ordering::Relaxed);
                return;
            };
            if stream.write_all(head.as_bytes()).await.is_err() {
                tally.errors.fetch_add(1, Ordering::Relaxed);
                return;
            }
            let mut chunk = [0u8; 4096];
            while !stop.load(Ordering::Relaxed) {
                // A closed stream before the end is an error; a quiet half second is not.
                if let Ok(Ok(0) | Err(_)) =
                    tokio::time::timeout(Duration::from_millis(500), stream.read(&mut chunk)).await
                {
                    tally.errors.fetch_add(1, Ordering::Relaxed);
                    return;
                }
            }
        });
    }
    let saved = Arc::new(std::sync::Mutex::new(Vec::<(i32, String)>::new()));
    {
        let (tally, saved, cookie) = (tally.clone(), saved.clone(), cookie.clone());
        tasks.spawn(async move {
            let category = 1;
            for n in 0.. {
                if Instant::now() >= deadline {
                    break;
                }
                let title = format!("Bài kiểm tra độ bền số {n}");
                // The title above, form-encoded.
                let body = format!(
                    "version=0&form[title]=B%C3%A0i+ki%E1%BB%83m+tra+%C4%91%E1%BB%99+b%E1%BB%81n+s%E1%BB%91+{n}&form[slug]=\
                     &form[summary]=Sapo&form[body_html]=%3Cp%3EN%E1%BB%99i%20dung%3C%2Fp%3E\
                     &form[category_id]={category}&form[author]=&form[cover_image]=&form[featured]=false"
                );
                let answer = exchange(addr, form_post(addr, "/api/save_article", &body, &cookie).as_bytes()).await;
                tally.requests.fetch_add(1, Ordering::Relaxed);
                let Ok((200, answer)) = answer else {
                    tally.errors.fetch_add(1, Ordering::Relaxed);
                    continue;
                };
                let id = answer
                    .split("\r\n\r\n")
                    .nth(1)
                    .and_then(|body| serde_json::from_str::<serde_json::Value>(body).ok())
                    .and_then(|saved| saved["id"].as_i64());
                match id {
                    Some(id) => saved.lock().unwrap().push((id as i32, title)),
                    None => {
                        tally.errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        });
    }

    let started = Instant::now();
    let mut memory = Vec::new();
    while Instant::now() < deadline {
        memory.push((started.elapsed(), server.resident_kib()));
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    stop.store(true, Ordering::Relaxed);
    while let Some(done) = tasks.join_next().await {
        done.map_err(|e| e.to_string())?;
    }
    let elapsed = started.elapsed();
    let status = tokio::task::spawn_blocking(move || server.terminate()).await.map_err(|e| e.to_string())??;

    let db = Database::connect(&database_url).await.map_err(|e| e.to_string())?;
    let saved = std::mem::take(&mut *saved.lock().unwrap());
    let mut lost = 0;
    for (id, title) in &saved {
        match service::editorial::editing::find(db.reader(), *id).await {
            Ok(article) if &article.title == title => {}
            _ => lost += 1,
        }
    }
    db.close().await.map_err(|e| e.to_string())?;

    let mut latencies = std::mem::take(&mut *latencies.lock().unwrap());
    latencies.sort_unstable();
    let percentile =
        |p: f64| latencies.get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)));
    let requests = tally.requests.load(Ordering::Relaxed);
    let errors = tally.errors.load(Ordering::Relaxed);
    let warmed = memory.get(memory.len() / 5).map_or(0, |(_, kib)| *kib);
    let peak = memory.iter().map(|(_, kib)| *kib).max().unwrap_or(0);
    let last = memory.last().map_or(0, |(_, kib)| *kib);
    println!(
        "soak: {:.0} s, {connections} connections + {LIVE_CONNECTIONS} live + 1 editor: {requests} requests ({:.0}/s), {errors} errors",
        elapsed.as_secs_f64(),
        requests as f64 / elapsed.as_secs_f64()
    );
    println!(
        "soak: page latency p50 {:.1} ms, p99 {:.1} ms (new connection per request)",
        percentile(0.5).map_or(0.0, |d| d.as_secs_f64() * 1e3),
        percentile(0.99).map_or(0.0, |d| d.as_secs_f64() * 1e3)
    );
    println!("soak: {} articles saved, {lost} lost", saved.len());
    println!(
        "soak: resident memory {} MiB after warm-up (20% of the run), {} MiB peak, {} MiB at the end",
        warmed / 1024,
        peak / 1024,
        last / 1024
    );
    if errors > 0 || lost > 0 || !status.success() {
        return Err(format!("{errors} errors, {lost} lost saves, server exit {status}"));
    }
    // Growth after warm-up beyond a quarter would be a leak, not caches filling.
    if warmed > 0 && last > warmed + warmed / 4 {
        return Err(format!("memory kept growing: {warmed} KiB after warm-up, {last} KiB at the end"));
    }
    Ok(())
}
