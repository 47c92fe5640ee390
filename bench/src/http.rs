//! A deliberately small HTTP/1.1 client: enough for the counter's endpoints, with keep-alive,
//! and no dependencies that would hide where the time goes.

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// One request on a fresh connection; the body of a 2xx answer, or the status line otherwise.
pub async fn request(addr: std::net::SocketAddr, method: &str, path: &str, user_agent: &str) -> Result<String, String> {
    let mut stream = TcpStream::connect(addr).await.map_err(|e| e.to_string())?;
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: {user_agent}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.map_err(|e| e.to_string())?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.map_err(|e| e.to_string())?;
    let answer = String::from_utf8_lossy(&answer);
    let (head, body) = answer.split_once("\r\n\r\n").ok_or("no HTTP answer")?;
    if !head.starts_with("HTTP/1.1 2") {
        return Err(head.lines().next().unwrap_or_default().to_owned());
    }
    Ok(body.to_owned())
}

/// Sends `raw` (a whole request, ending the connection with `Connection: close`) on a fresh
/// connection and returns the status (0 when there was no HTTP answer) and the whole answer.
pub async fn exchange(addr: std::net::SocketAddr, raw: &[u8]) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(addr).await?;
    stream.write_all(raw).await?;
    let mut answer = Vec::new();
    // A server that never answers must not hang the caller.
    let _ = tokio::time::timeout(std::time::Duration::from_secs(30), stream.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    Ok((status, answer))
}

/// A POST of a form-encoded `body` with a session `cookie` (may be empty), as the hydrated app sends it.
pub fn form_post(addr: std::net::SocketAddr, path: &str, body: &str, cookie: &str) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: Mozilla/5.0 Chrome/131.0\r\nAccept: application/json\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nCookie: {cookie}\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    )
}

/// A GET from a desktop browser.
pub fn browser_get(addr: std::net::SocketAddr, path: &str) -> String {
    format!(
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: Mozilla/5.0 (Windows NT 10.0) Chrome/131.0\r\n\
         Accept: text/html\r\nConnection: close\r\n\r\n"
    )
}

/// A kept-alive connection sending bodiless requests whose answers have no body (204).
pub struct KeepAlive {
    stream: TcpStream,
    buffer: Vec<u8>,
}

impl KeepAlive {
    pub async fn connect(addr: std::net::SocketAddr) -> std::io::Result<Self> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Self { stream, buffer: Vec::with_capacity(1024) })
    }

    /// Sends a request and returns the status code of its answer.
    pub async fn send(&mut self, method: &str, path: &str, user_agent: &str) -> std::io::Result<u16> {
        let head =
            format!("{method} {path} HTTP/1.1\r\nHost: bench\r\nUser-Agent: {user_agent}\r\nContent-Length: 0\r\n\r\n");
        self.stream.write_all(head.as_bytes()).await?;
        loop {
            if let Some(end) = self.buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                let status = std::str::from_utf8(&self.buffer[9..12]).ok().and_then(|s| s.parse().ok()).unwrap_or(0);
                self.buffer.drain(..end + 4);
                return Ok(status);
            }
            let mut chunk = [0u8; 1024];
            let read = self.stream.read(&mut chunk).await?;
            if read == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            self.buffer.extend_from_slice(&chunk[..read]);
        }
    }
}

/// A whole answer: status, head and body bytes.
pub struct Fetched {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

/// A GET with `accept_encoding`, over HTTP/1.0 so the body comes unchunked, to the connection's end.
pub async fn fetch(addr: std::net::SocketAddr, path: &str, accept_encoding: &str) -> Result<Fetched, String> {
    let mut stream = TcpStream::connect(addr).await.map_err(|e| e.to_string())?;
    let head = format!(
        "GET {path} HTTP/1.0\r\nHost: {addr}\r\nUser-Agent: Mozilla/5.0 Chrome/131.0\r\nAccept: */*\r\n\
         Accept-Encoding: {accept_encoding}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.map_err(|e| e.to_string())?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.map_err(|e| e.to_string())?;
    let end = answer.windows(4).position(|w| w == b"\r\n\r\n").ok_or("no HTTP answer")?;
    let head = String::from_utf8_lossy(&answer[..end]).into_owned();
    let status = head.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    Ok(Fetched { status, head, body: answer[end + 4..].to_vec() })
}
