//! Real server processes under abuse: slow-loris clients and raw malformed requests are cut off
//! while others are served; a server killed with SIGKILL in the middle of saves, publications
//! and counted visits restarts on an intact database that holds every acknowledged write; and
//! while PostgreSQL is away readers get a proper error page, and pages again when it returns.

use std::net::SocketAddr;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bench::ServerProcess;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const BINARY: &str = env!("CARGO_BIN_EXE_server");
const PASSWORD: &str = "mat-khau-du-dai-123";

async fn exchange(addr: SocketAddr, raw: &[u8]) -> (u16, String) {
    bench::http::exchange(addr, raw).await.unwrap()
}

/// An exchange of the load that runs into the kill: a refused or broken connection is an answer
/// that was never acknowledged, so the caller stops there.
async fn attempt(addr: SocketAddr, raw: &[u8]) -> Option<(u16, String)> {
    bench::http::exchange(addr, raw).await.ok()
}

async fn post(addr: SocketAddr, path: &str, body: &str, cookie: &str) -> (u16, String) {
    exchange(addr, bench::http::form_post(addr, path, body, cookie).as_bytes()).await
}

async fn get(addr: SocketAddr, path: &str) -> u16 {
    exchange(addr, bench::http::browser_get(addr, path).as_bytes()).await.0
}

#[tokio::test(flavor = "multi_thread")]
async fn slow_and_malformed_clients_are_cut_off_while_readers_are_served() {
    let folder = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/portal.db", folder.path().display());
    let settings = [("PORTAL_HEADER_TIMEOUT_SECONDS", "1")];
    let server = ServerProcess::start_with(Path::new(BINARY), &url, folder.path(), &settings).await.unwrap();
    let addr = server.addr;

    // Slow loris: request heads sent a byte at a time, never finished.
    let started = Instant::now();
    let mut slow = Vec::new();
    for _ in 0..20 {
        slow.push(tokio::spawn(async move {
            let mut stream = TcpStream::connect(addr).await.unwrap();
            stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ").await.unwrap();
            for _ in 0..50 {
                tokio::time::sleep(Duration::from_millis(200)).await;
                if stream.write_all(b"a").await.is_err() {
                    return Instant::now();
                }
                let mut byte = [0u8; 64];
                if let Ok(Ok(0) | Err(_)) = tokio::time::timeout(Duration::from_millis(1), stream.read(&mut byte)).await
                {
                    return Instant::now();
                }
            }
            panic!("the server kept a slow client for 10 seconds");
        }));
    }
    assert_eq!(get(addr, "/").await, 200, "readers are served meanwhile");
    for client in slow {
        let cut_off_after = client.await.unwrap() - started;
        assert!(cut_off_after < Duration::from_secs(5), "cut off after {cut_off_after:?}");
    }

    // Malformed requests get 4xx from the HTTP layer, never a crash.
    let huge_head = format!("GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n", "a".repeat(100_000));
    let many_headers = format!("GET / HTTP/1.1\r\nHost: x\r\n{}\r\n", "X-A: 1\r\n".repeat(200));
    let raw: [&[u8]; 5] = [
        b"GET /\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GARBAGE\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        huge_head.as_bytes(),
        many_headers.as_bytes(),
    ];
    for request in raw {
        let (status, answer) = exchange(addr, request).await;
        assert!(status == 0 || (400..500).contains(&status), "{status}: {answer}");
    }
    assert_eq!(get(addr, "/").await, 200, "still serving");
    server.terminate().unwrap();
}

fn create_editor(url: &str) {
    let created = Command::new(BINARY)
        .args(["create-user", "--username", "bientap", "--email", "bientap@so.example.gov.vn"])
        .args(["--role", "bien-tap-vien-truong"])
        .env("DATABASE_URL", url)
        .env("PORTAL_USER_PASSWORD", PASSWORD)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(created.success());
}

async fn sign_in(addr: SocketAddr) -> String {
    let (status, answer) = post(addr, "/api/sign_in", &format!("login=bientap&password={PASSWORD}"), "").await;
    assert_eq!(status, 200, "{answer}");
    let cookie = answer.lines().find_map(|l| l.strip_prefix("set-cookie: ")).expect("a session cookie");
    cookie.split(';').next().unwrap().to_owned()
}

/// What the server acknowledged before it died.
#[derive(Default)]
struct Acknowledged {
    saved: Vec<(i32, String)>,
    published: Vec<i32>,
    views: Vec<Instant>,
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_killed_mid_write_restarts_on_an_intact_database_with_every_acknowledged_write() {
    let folder = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/portal.db", folder.path().display());
    create_editor(&url);
    let server = ServerProcess::start(Path::new(BINARY), &url, folder.path()).await.unwrap();
    let addr = server.addr;
    let cookie = sign_in(addr).await;
    let category = {
        let db = service::Database::connect(&url).await.unwrap();
        let id = service::categories::all(db.reader()).await.unwrap()[0].id;
        db.close().await.unwrap();
        id
    };
    let total_before: i64 = {
        let (_, answer) = exchange(
            addr,
            format!("GET /api/thong-ke HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
        )
        .await;
        let body = answer.split("\r\n\r\n").nth(1).unwrap();
        serde_json::from_str::<serde_json::Value>(body).unwrap()["total"].as_i64().unwrap()
    };

    let acknowledged = Arc::new(Mutex::new(Acknowledged::default()));
    let writer = {
        let (acknowledged, cookie) = (acknowledged.clone(), cookie.clone());
        tokio::spawn(async move {
            for n in 0.. {
                let title = format!("Bài viết trước sự cố số {n}");
                let body = format!(
                    "version=0&form[title]={}&form[slug]=&form[summary]=Sapo&form[body_html]=%3Cp%3EN%E1%BB%99i%20dung%3C%2Fp%3E\
                     &form[category_id]={category}&form[author]=&form[cover_image]=&form[featured]=false",
                    app::url::encode_component(&title)
                );
                let request = bench::http::form_post(addr, "/api/save_article", &body, &cookie);
                let Some((200, answer)) = attempt(addr, request.as_bytes()).await else { return };
                let saved: serde_json::Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
                let id = saved["id"].as_i64().unwrap() as i32;
                acknowledged.lock().unwrap().saved.push((id, title));
                if n % 2 == 0 {
                    let publish = format!("id={id}&step=Publish");
                    let request = bench::http::form_post(addr, "/api/change_article_status", &publish, &cookie);
                    let Some((200, _)) = attempt(addr, request.as_bytes()).await else { return };
                    acknowledged.lock().unwrap().published.push(id);
                }
            }
        })
    };
    let readers: Vec<_> = (0..4)
        .map(|reader| {
            let acknowledged = acknowledged.clone();
            tokio::spawn(async move {
                for n in 0.. {
                    let agent = format!("Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Reader-{reader}-{n}");
                    let head = format!(
                        "POST /api/luot-xem?trang=%2F HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: {agent}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    );
                    let Some((204, _)) = attempt(addr, head.as_bytes()).await else { return };
                    acknowledged.lock().unwrap().views.push(Instant::now());
                }
            })
        })
        .collect();

    tokio::time::sleep(Duration::from_secs(3)).await;
    let killed_at = Instant::now();
    server.crash();
    writer.await.unwrap();
    for reader in readers {
        reader.await.unwrap();
    }
    let acknowledged = std::mem::take(&mut *acknowledged.lock().unwrap());
    assert!(acknowledged.saved.len() >= 5 && acknowledged.views.len() >= 50, "the load ran");

    // Opening recovers from the WAL, as the restarted server would; then SQLite checks every page.
    let db = service::Database::connect(&url).await.unwrap();
    let intact = service::backup::check_database(db.reader()).await;
    assert!(intact.is_ok(), "the database after SIGKILL: {intact:?}");
    let server = ServerProcess::start(Path::new(BINARY), &url, folder.path()).await.unwrap();
    for (id, title) in &acknowledged.saved {
        let article = service::editorial::editing::find(db.reader(), *id).await.unwrap();
        assert_eq!(&article.title, title, "acknowledged save {id} is there");
        let published = acknowledged.published.contains(id);
        assert_eq!(article.status == entity::article::ArticleStatus::Published, published, "article {id}");
    }
    let stats = server.stats().await.unwrap();
    let counted = stats["total"].as_i64().unwrap() - total_before;
    // Counts are stored every 500 ms; one store may take longer while the rest of the suite loads
    // both cores (a full run once lost more than the last second's views), so the bound is three ticks.
    let unstored_window = Duration::from_millis(1_500);
    let in_unstored_window =
        acknowledged.views.iter().filter(|at| killed_at.duration_since(**at) < unstored_window).count();
    let lost = acknowledged.views.len() as i64 - counted;
    assert!(
        lost <= in_unstored_window as i64,
        "{lost} of {} acknowledged visits were lost; at most the last 1.5 s's {in_unstored_window} may be",
        acknowledged.views.len()
    );
    db.close().await.unwrap();
    server.terminate().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn readers_get_an_error_page_while_postgresql_is_away_and_pages_again_when_it_returns() {
    use sea_orm::ConnectionTrait;
    const UNCACHED: &str = "/trang/gioi-thieu";
    let Ok(admin_url) = std::env::var("TEST_DATABASE_URL") else {
        return; // PostgreSQL only: `.ci/run` runs the suite again with TEST_DATABASE_URL.
    };
    let test = crate::database::TestDatabase::new().await;
    let name = test.url.rsplit('/').next().unwrap().to_owned();
    let site_root = tempfile::tempdir().unwrap();
    let server = ServerProcess::start(Path::new(BINARY), &test.url, site_root.path()).await.unwrap();
    let addr = server.addr;
    assert_eq!(get(addr, "/").await, 200);

    // The database goes away: no new connections, and the open ones are ended.
    let admin = sea_orm::Database::connect(&admin_url).await.unwrap();
    admin.execute_unprepared(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false")).await.unwrap();
    let end_sessions = format!("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
    admin.execute_unprepared(&end_sessions).await.unwrap();
    // A page the page cache does not hold (one it holds may still be served for up to a second,
    // until the cache next reads the content revision and finds the database gone).
    let page = format!("GET {UNCACHED} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    let (status, answer) = exchange(addr, page.as_bytes()).await;
    assert_eq!(status, 503, "{answer}");
    assert!(answer.to_ascii_lowercase().contains("retry-after: 30"), "{answer}");
    assert!(answer.contains("Hệ thống đang bận, vui lòng thử lại sau."), "{answer}");
    assert_eq!(get(addr, "/readyz").await, 503);
    assert_eq!(get(addr, "/healthz").await, 200, "the process itself is fine");

    admin.execute_unprepared(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true")).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while get(addr, UNCACHED).await != 200 {
        assert!(Instant::now() < deadline, "the site did not recover within 20 s of the database's return");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(get(addr, "/readyz").await, 200);
    admin.close().await.unwrap();
    server.terminate().unwrap();
    test.finish().await;
}
