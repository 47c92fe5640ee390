//! Real server processes on one database (PostgreSQL with TEST_DATABASE_URL, else a SQLite file):
//! the numbers are global, and a clean shutdown keeps every counted view.

use std::path::Path;
use std::time::{Duration, Instant};

use bench::ServerProcess;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::database::TestDatabase;

const OFFSET: i64 = 7_837_536;

async fn start(database_url: &str, site_root: &Path) -> ServerProcess {
    ServerProcess::start(Path::new(env!("CARGO_BIN_EXE_server")), database_url, site_root).await.unwrap()
}

/// Polls until `check` holds for the numbers every server shows, or fails after 15 seconds.
async fn eventually(servers: &[&ServerProcess], check: impl Fn(&serde_json::Value) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let mut all = Vec::new();
        for server in servers {
            all.push(server.stats().await.unwrap());
        }
        if all.iter().all(&check) {
            return;
        }
        assert!(Instant::now() < deadline, "the servers never agreed: {all:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn two_server_processes_on_one_database_show_the_same_numbers() {
    let test = TestDatabase::new().await;
    let site_root = tempfile::tempdir().unwrap();
    let first = start(&test.url, site_root.path()).await;
    let second = start(&test.url, site_root.path()).await;
    first.page_view("/", "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Reader-A").await.unwrap();
    second.page_view("/tim-kiem", "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Reader-B").await.unwrap();
    eventually(&[&first, &second], |stats| stats["online"] == 2 && stats["today"] == 2 && stats["total"] == OFFSET + 2)
        .await;
    drop((first, second));
    test.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_clean_shutdown_keeps_every_counted_view_even_with_live_connections_open() {
    const VIEWS: i64 = 300;
    let test = TestDatabase::new().await;
    let site_root = tempfile::tempdir().unwrap();
    let server = start(&test.url, site_root.path()).await;
    // A reader's open page: its live connection must not keep the server from stopping.
    let mut live = TcpStream::connect(server.addr).await.unwrap();
    let head = format!(
        "GET /api/thong-ke/truc-tiep HTTP/1.1\r\nHost: {}\r\nUser-Agent: Mozilla/5.0 Firefox/133\r\n\r\n",
        server.addr
    );
    live.write_all(head.as_bytes()).await.unwrap();
    let mut first_bytes = [0u8; 64];
    assert!(live.read(&mut first_bytes).await.unwrap() > 0, "the live stream answered");
    for reader in 0..VIEWS {
        server.page_view("/", &format!("Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Reader-{reader}")).await.unwrap();
    }
    let status = tokio::task::spawn_blocking(move || server.terminate()).await.unwrap().unwrap();
    assert!(status.success(), "the server stopped cleanly: {status}");
    let restarted = start(&test.url, site_root.path()).await;
    let stats = restarted.stats().await.unwrap();
    assert_eq!((stats["today"].as_i64(), stats["total"].as_i64()), (Some(VIEWS), Some(OFFSET + VIEWS)), "{stats}");
    drop(restarted);
    test.finish().await;
}
