//! The release server binary as a child process on its own address and database.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::http::request;

pub struct ServerProcess {
    child: Child,
    pub addr: SocketAddr,
}

impl ServerProcess {
    /// Starts `binary serve` on a free port with the demo content and waits until it answers.
    pub async fn start(binary: &Path, database_url: &str, site_root: &Path) -> Result<Self, String> {
        Self::start_with(binary, database_url, site_root, &[]).await
    }

    /// [`Self::start`] with more environment variables (`PORTAL_…` settings).
    pub async fn start_with(
        binary: &Path,
        database_url: &str,
        site_root: &Path,
        settings: &[(&str, &str)],
    ) -> Result<Self, String> {
        let port =
            std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_err(|e| e.to_string())?.port();
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let child = Command::new(binary)
            .arg("serve")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", database_url)
            .env("LEPTOS_SITE_ADDR", addr.to_string())
            .env("LEPTOS_SITE_ROOT", site_root)
            .env("PORTAL_DEMO_CONTENT", "true")
            .env("RUST_LOG", "warn")
            .envs(settings.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let mut server = Self { child, addr };
        let deadline = Instant::now() + Duration::from_secs(60);
        while request(addr, "GET", "/api/thong-ke", "Mozilla/5.0 Firefox/133").await.is_err() {
            if let Some(status) = server.child.try_wait().map_err(|e| e.to_string())? {
                return Err(format!("the server exited at start-up: {status}"));
            }
            if Instant::now() > deadline {
                return Err(format!("the server at {addr} did not answer within a minute"));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(server)
    }

    /// The numbers of "Thống kê truy cập" as JSON.
    pub async fn stats(&self) -> Result<serde_json::Value, String> {
        let body = request(self.addr, "GET", "/api/thong-ke", "Mozilla/5.0 Firefox/133").await?;
        serde_json::from_str(&body).map_err(|e| format!("the numbers are not JSON: {e}"))
    }

    /// Counts one page view of `path` as the hydrated page would.
    pub async fn page_view(&self, path: &str, user_agent: &str) -> Result<(), String> {
        request(self.addr, "POST", &page_view_uri(path), user_agent).await.map(drop)
    }

    /// The operating system's id of the server process.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Resident memory now (`VmRSS`), in KiB.
    pub fn resident_kib(&self) -> u64 {
        process_status_kib(self.pid(), "VmRSS:")
    }

    /// The most resident memory the process has had (`VmHWM`), in KiB.
    pub fn peak_resident_kib(&self) -> u64 {
        process_status_kib(self.pid(), "VmHWM:")
    }

    /// Stops the server with SIGKILL, as a power cut or the OOM killer would: nothing is flushed.
    pub fn crash(self) {
        drop(self);
    }

    /// Stops the server with SIGTERM, as a service manager does, and returns its exit status.
    pub fn terminate(mut self) -> Result<ExitStatus, String> {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status().map_err(|e| e.to_string())?;
        if !sent.success() {
            return Err("kill -TERM failed".into());
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().map_err(|e| e.to_string())? {
                return Ok(status);
            }
            if Instant::now() > deadline {
                return Err("the server did not stop within 30 s of SIGTERM".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A memory figure of process `pid` from `/proc/PID/status`, in KiB (Linux).
fn process_status_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(field))
                .and_then(|v| v.trim().trim_end_matches(" kB").parse().ok())
        })
        .unwrap_or(0)
}

/// The beacon's address for `path`, which must be URL-safe already (`/` may stand in a query).
pub fn page_view_uri(path: &str) -> String {
    format!("/api/luot-xem?trang={path}")
}

/// The release server binary beside this one (`target/release/server`).
pub fn release_server_binary() -> PathBuf {
    let here = std::env::current_exe().expect("the running binary's path");
    here.with_file_name("server")
}
