//! Debian's nginx serving a folder with its precompressed copies (`gzip_static`, `brotli_static`):
//! the reference a page is measured against when a target says "as fast as a static file". It runs
//! on 127.0.0.1 with a configuration of its own, its master process a child of the benchmark.

use std::net::{SocketAddr, TcpStream};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

const NGINX: &str = "/usr/sbin/nginx";
const BROTLI_STATIC: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

pub struct Nginx {
    child: Child,
    pub addr: SocketAddr,
    folder: TempDir,
}

impl Nginx {
    /// Starts nginx serving `root` with one worker a core, and waits until it accepts connections.
    pub fn serve(root: &Path) -> Result<Self, String> {
        if !Path::new(NGINX).exists() || !Path::new(BROTLI_STATIC).exists() {
            return Err("nginx with brotli_static is missing: run scripts/setup.sh --tests".into());
        }
        let folder = tempfile::tempdir().map_err(|e| e.to_string())?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let config = folder.path().join("nginx.conf");
        std::fs::write(&config, configuration(folder.path(), root, addr, running_as_root()))
            .map_err(|e| e.to_string())?;
        let child = Command::new(NGINX)
            .args(arguments(folder.path()))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start nginx: {e}"))?;
        let mut nginx = Self { child, addr, folder };
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(addr).is_err() {
            if let Some(status) = nginx.child.try_wait().map_err(|e| e.to_string())? {
                let log = std::fs::read_to_string(nginx.folder.path().join("error.log")).unwrap_or_default();
                return Err(format!("nginx exited at start-up ({status}):\n{log}"));
            }
            if Instant::now() > deadline {
                return Err(format!("nginx at {addr} did not accept connections within 10 s"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(nginx)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // A killed master would leave its workers listening; `-s stop` ends them all.
        let stopped = Command::new(NGINX).args(arguments(self.folder.path())).args(["-s", "stop"]).status();
        if !stopped.is_ok_and(|status| status.success()) {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

fn arguments(folder: &Path) -> [std::ffi::OsString; 6] {
    [
        "-p".into(),
        folder.into(),
        "-c".into(),
        folder.join("nginx.conf").into(),
        "-e".into(),
        folder.join("error.log").into(),
    ]
}

/// Workers run as `nobody` unless told otherwise, and could not read the benchmark's private
/// temporary folders; as root they are told to stay root.
fn running_as_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|meta| meta.uid() == 0)
}

fn configuration(folder: &Path, root: &Path, addr: SocketAddr, as_root: bool) -> String {
    let folder = folder.display();
    let user = if as_root { "user root;" } else { "" };
    format!(
        "load_module {BROTLI_STATIC};
{user}
daemon off;
master_process on;
worker_processes auto;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    types {{ text/html html; }}
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    gzip_static on;
    brotli_static on;
    server {{
        listen {addr};
        root {};
    }}
}}
",
        root.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configuration_serves_precompressed_files_on_loopback_only() {
        let config =
            configuration(Path::new("/tmp/n"), Path::new("/srv/site"), "127.0.0.1:8081".parse().unwrap(), false);
        for line in [
            "listen 127.0.0.1:8081;",
            "root /srv/site;",
            "gzip_static on;",
            "brotli_static on;",
            "pid /tmp/n/nginx.pid;",
        ] {
            assert!(config.contains(line), "{line} missing from\n{config}");
        }
        assert!(!config.contains("user root"));
        assert!(
            configuration(Path::new("/t"), Path::new("/s"), "127.0.0.1:1".parse().unwrap(), true)
                .contains("user root;")
        );
    }
}
