//! Load from `wrk` (Debian's package), a real HTTP load generator in its own process, and its
//! report read back: throughput, latency percentiles and errors.

use std::net::SocketAddr;
use std::process::Command;

/// The headers a browser sends with a page request.
const BROWSER_HEADERS: [&str; 3] = [
    "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0",
    "Accept: text/html,application/xhtml+xml",
    "Accept-Encoding: gzip, deflate, br",
];

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Load {
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub requests: u64,
    /// Answers other than 2xx/3xx, and connect, read, write or timeout errors.
    pub errors: u64,
}

/// `connections` kept-alive connections on two threads (one for a single connection) requesting
/// `path` for `seconds`.
pub fn run(addr: SocketAddr, path: &str, connections: usize, seconds: u64) -> Result<Load, String> {
    let mut command = Command::new("wrk");
    let threads = connections.clamp(1, 2).to_string();
    command.args(["--threads", &threads, "--latency", "--timeout", "10s"]);
    command.args(["--connections", &connections.to_string(), "--duration", &format!("{seconds}s")]);
    for header in BROWSER_HEADERS {
        command.args(["--header", header]);
    }
    let output = command
        .arg(format!("http://{addr}{path}"))
        .output()
        .map_err(|e| format!("cannot run wrk (scripts/setup.sh installs it): {e}"))?;
    let report = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!("wrk failed: {report}{}", String::from_utf8_lossy(&output.stderr)));
    }
    parse(&report).ok_or_else(|| format!("cannot read wrk's report:\n{report}"))
}

fn parse(report: &str) -> Option<Load> {
    let mut load = Load::default();
    for line in report.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["50%", value] => load.p50_ms = milliseconds(value)?,
            ["99%", value] => load.p99_ms = milliseconds(value)?,
            ["Requests/sec:", value] => load.requests_per_second = value.parse().ok()?,
            [count, "requests", "in", ..] => load.requests = count.parse().ok()?,
            ["Non-2xx", "or", "3xx", "responses:", count] => load.errors += count.parse::<u64>().ok()?,
            ["Socket", "errors:", rest @ ..] => {
                load.errors += rest.iter().filter_map(|w| w.trim_end_matches(',').parse::<u64>().ok()).sum::<u64>();
            }
            _ => {}
        }
    }
    (load.requests > 0).then_some(load)
}

fn milliseconds(value: &str) -> Option<f64> {
    let (number, factor) = if let Some(n) = value.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = value.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = value.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return None;
    };
    number.parse::<f64>().ok().map(|n| n * factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "Running 5s test @ http://127.0.0.1:3000/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   792.31us  301.45us   9.87ms   91.20%
    Req/Sec    20.18k     1.02k   22.31k    70.00%
  Latency Distribution
     50%  740.00us
     75%    0.90ms
     90%    1.10ms
     99%    2.05ms
  200811 requests in 5.00s, 1.61GB read
  Non-2xx or 3xx responses: 3
  Socket errors: connect 0, read 2, write 0, timeout 1
Requests/sec:  40158.32
Transfer/sec:    329.54MB
";

    #[test]
    fn the_report_gives_throughput_percentiles_and_every_kind_of_error() {
        let load = parse(REPORT).unwrap();
        assert_eq!(load.requests, 200_811);
        assert!((load.requests_per_second - 40_158.32).abs() < 1e-6);
        assert!((load.p50_ms - 0.74).abs() < 1e-9);
        assert!((load.p99_ms - 2.05).abs() < 1e-9);
        assert_eq!(load.errors, 6);
        assert_eq!(milliseconds("1.50s"), Some(1500.0));
        assert_eq!(parse("nothing useful"), None);
    }
}
