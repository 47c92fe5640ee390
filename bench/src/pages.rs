//! How close the portal comes to serving static files: a generated corpus imported with the server's
//! own `import` command, then `wrk` against the home, a category, an article, a search, the sitemap
//! and the feed, and against the same article page's HTML saved as a static file (with its brotli
//! and gzip copies) and served by Debian's nginx, side by side in one run (the ratio is the figure
//! that survives a noisy machine).
//! Also start-up time, peak resident memory, and what a reader's browser downloads.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use bench::ServerProcess;
use bench::http::fetch;

use crate::corpus;
use crate::lighthouse::{self, Scores};
use crate::nginx::Nginx;
use crate::wrk::{self, Load};

/// Where the static twin of the article page is saved under the site root.
const STATIC_TWIN: &str = "/ban-tinh/bai-viet.html";
/// The row every other row is compared with.
const STATIC_REFERENCE: &str = "article as a static file, from nginx";
const SEARCH: &str = "/tim-kiem?q=chuyen+doi+so";
/// Reader pages may ship at most this much JavaScript and WebAssembly, brotli-compressed (60 KB).
const READER_SCRIPT_BUDGET: usize = 60_000;

pub struct Options {
    pub articles: usize,
    pub seconds: u64,
    pub connections: Vec<usize>,
    /// Run Lighthouse on the home and article pages.
    pub lighthouse: bool,
}

/// Runs the benchmark and returns its report (Markdown), or why it failed.
pub async fn run(server_binary: &Path, options: &Options) -> Result<String, String> {
    let folder = tempfile::tempdir().map_err(|e| e.to_string())?;
    let database_url = format!("sqlite://{}/pages.db", folder.path().display());
    let corpus_path = folder.path().join("corpus.jsonl");
    let mut out = BufWriter::new(File::create(&corpus_path).map_err(|e| e.to_string())?);
    corpus::write(&mut out, options.articles, chrono::Utc::now())
        .and_then(|()| out.flush())
        .map_err(|e| e.to_string())?;
    drop(out);
    let started = Instant::now();
    let imported = Command::new(server_binary)
        .arg("import")
        .arg(&corpus_path)
        .env("DATABASE_URL", &database_url)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .status()
        .map_err(|e| e.to_string())?;
    if !imported.success() {
        return Err(format!("importing the corpus failed: {imported}"));
    }
    let import_seconds = started.elapsed().as_secs_f64();

    let site_root = site_root_beside(server_binary, folder.path())?;
    // Every client is 127.0.0.1 here, so the per-address search limit is lifted.
    let settings = [("PORTAL_SEARCHES_PER_MINUTE", "100000000"), ("PORTAL_DEMO_CONTENT", "false")];
    let started = Instant::now();
    let server = ServerProcess::start_with(server_binary, &database_url, &site_root, &settings).await?;
    let startup_ms = started.elapsed().as_secs_f64() * 1000.0;
    let addr = server.addr;

    let home = text_of(addr, "/").await?;
    let article = first_link(&home, "/bai-viet/").ok_or("the home page links no article")?;
    let category = first_link(&home, "/chuyen-muc/").ok_or("the home page links no category")?;
    let article_html = fetch(addr, &article, "identity").await?.body;
    save_static_twin(&site_root, &article_html)?;
    let nginx = Nginx::serve(&site_root)?;

    let targets = [
        ("home", addr, "/".to_owned()),
        ("category", addr, category.clone()),
        ("article", addr, article.clone()),
        (STATIC_REFERENCE, nginx.addr, STATIC_TWIN.to_owned()),
        ("sitemap.xml", addr, "/sitemap.xml".to_owned()),
        ("rss.xml", addr, "/rss.xml".to_owned()),
        ("search", addr, SEARCH.to_owned()),
    ];
    let mut results: Vec<(usize, &str, Load)> = Vec::new();
    for &connections in &options.connections {
        for (name, target, path) in &targets {
            let load = wrk::run(*target, path, connections, options.seconds)?;
            eprintln!("{name} at {connections}: {load:?}");
            results.push((connections, name, load));
            // Requests wrk left queued (slow searches, above all) must not weigh on the next row.
            wait_until_idle(addr).await?;
        }
    }
    let peak_kib = server.peak_resident_kib();
    let readers_pages =
        [("home", "/"), ("category", category.as_str()), ("article", article.as_str()), ("search", SEARCH)];
    let mut downloads_by_page = Vec::new();
    for (name, path) in readers_pages {
        let html = fetch(addr, path, "identity").await?.body;
        downloads_by_page.push((name, downloads(addr, path, &html).await?));
    }
    let mut audits = Vec::new();
    if options.lighthouse {
        for (name, path) in readers_pages {
            let url = format!("http://{addr}{path}");
            let scores = tokio::task::spawn_blocking(move || lighthouse::run_with_retry(&url));
            audits.push((name, scores.await.map_err(|e| e.to_string())??));
        }
    }
    drop(server);
    drop(nginx);

    let mut report = report(options, import_seconds, startup_ms, peak_kib, &results, &downloads_by_page);
    if !audits.is_empty() {
        report.push_str(&lighthouse_table(&audits));
    }
    let errors: u64 = results.iter().map(|(_, _, load)| load.errors).sum();
    if errors > 0 {
        return Err(format!("{errors} requests failed:\n{report}"));
    }
    Ok(report)
}

/// Waits until a cheap request is answered quickly again.
async fn wait_until_idle(addr: std::net::SocketAddr) -> Result<(), String> {
    let deadline = Instant::now() + std::time::Duration::from_secs(120);
    loop {
        let started = Instant::now();
        fetch(addr, "/api/thong-ke", "identity").await?;
        if started.elapsed() < std::time::Duration::from_millis(20) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err("the server stayed busy for two minutes after the load stopped".into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

/// A site root for this run: the built site's files (`target/site`) plus room for the static twin.
fn site_root_beside(server_binary: &Path, folder: &Path) -> Result<PathBuf, String> {
    let built = server_binary
        .parent()
        .and_then(Path::parent)
        .map(|target| target.join("site"))
        .filter(|site| site.is_dir())
        .ok_or("target/site is missing: run `cargo leptos build --release` first")?;
    let root = folder.join("site");
    std::fs::create_dir_all(&root).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(&built).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        std::os::unix::fs::symlink(entry.path(), root.join(entry.file_name())).map_err(|e| e.to_string())?;
    }
    Ok(root)
}

/// The page saved as a file, with the brotli and gzip copies a static server would keep.
fn save_static_twin(site_root: &Path, html: &[u8]) -> Result<(), String> {
    let path = site_root.join(STATIC_TWIN.trim_start_matches('/'));
    std::fs::create_dir_all(path.parent().unwrap_or(site_root)).map_err(|e| e.to_string())?;
    std::fs::write(&path, html).map_err(|e| e.to_string())?;
    std::fs::write(path.with_extension("html.br"), compress_brotli(html)).map_err(|e| e.to_string())?;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(html).map_err(|e| e.to_string())?;
    std::fs::write(path.with_extension("html.gz"), gzip.finish().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

async fn text_of(addr: std::net::SocketAddr, path: &str) -> Result<String, String> {
    let fetched = fetch(addr, path, "identity").await?;
    if fetched.status != 200 {
        return Err(format!("{path} answered {}", fetched.status));
    }
    String::from_utf8(fetched.body).map_err(|e| e.to_string())
}

fn first_link(html: &str, prefix: &str) -> Option<String> {
    let start = html.find(&format!("href=\"{prefix}"))? + "href=\"".len();
    let end = start + html[start..].find('"')?;
    Some(html[start..end].to_owned())
}

/// Every `/pkg/` file the page refers to.
fn referenced_files(html: &str) -> Vec<String> {
    let mut files: Vec<String> = ["href=\"/pkg/", "src=\"/pkg/"]
        .iter()
        .flat_map(|marker| {
            html.match_indices(marker).filter_map(|(at, _)| {
                let start = at + marker.len() - "/pkg/".len();
                html[start..].find('"').map(|end| html[start..start + end].to_owned())
            })
        })
        .collect();
    files.sort();
    files.dedup();
    files
}

/// The `/pkg/` modules a script imports statically (`from"./x.js"`), as the split bundle's main
/// script imports its loader.
fn imported_modules(script: &str) -> Vec<String> {
    let mut modules: Vec<String> = script
        .match_indices("from\"./")
        .filter_map(|(at, marker)| {
            let start = at + marker.len();
            script[start..].find('"').map(|end| format!("/pkg/{}", &script[start..start + end]))
        })
        .collect();
    modules.sort();
    modules.dedup();
    modules
}

/// One file a reader downloads: raw and brotli sizes.
struct Download {
    path: String,
    raw: usize,
    brotli: usize,
}

async fn downloads(addr: std::net::SocketAddr, article: &str, html: &[u8]) -> Result<Vec<Download>, String> {
    let text = String::from_utf8_lossy(html);
    if text.contains("/editor/") || text.contains("/pkg-admin/") {
        return Err(format!("{article} refers to the editor's or the back office's code"));
    }
    let mut files = vec![Download { path: article.to_owned(), raw: html.len(), brotli: compress_brotli(html).len() }];
    let mut pending = referenced_files(&text);
    while let Some(path) = pending.pop() {
        if files.iter().any(|file| file.path == path) {
            continue;
        }
        let body = fetch(addr, &path, "identity").await?.body;
        if path.ends_with(".js") {
            pending.extend(imported_modules(&String::from_utf8_lossy(&body)));
        }
        files.push(Download { brotli: compress_brotli(&body).len(), raw: body.len(), path });
    }
    files[1..].sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn compress_brotli(bytes: &[u8]) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    let mut out = Vec::new();
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out
}

fn report(
    options: &Options,
    import_seconds: f64,
    startup_ms: f64,
    peak_kib: u64,
    results: &[(usize, &str, Load)],
    downloads_by_page: &[(&str, Vec<Download>)],
) -> String {
    let mut out = format!(
        "Corpus: {} generated articles, imported in {import_seconds:.1} s; wrk for {} s a row.\n\n",
        options.articles, options.seconds
    );
    out.push_str("| page | connections | requests/s | p50 | p99 | errors | of nginx serving the article as a file |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (connections, name, load) in results {
        let twin = results
            .iter()
            .find(|(c, n, _)| c == connections && *n == STATIC_REFERENCE)
            .map_or(f64::NAN, |(_, _, twin)| twin.requests_per_second);
        let _ = writeln!(
            out,
            "| {name} | {connections} | {:.0} | {:.2} ms | {:.2} ms | {} | {:.0}% |",
            load.requests_per_second,
            load.p50_ms,
            load.p99_ms,
            load.errors,
            100.0 * load.requests_per_second / twin
        );
    }
    let _ = writeln!(
        out,
        "\nStart-up to the first 200: {startup_ms:.0} ms. Peak resident memory (VmHWM): {:.1} MiB.\n",
        peak_kib as f64 / 1024.0
    );
    let article = downloads_by_page.iter().find(|(name, _)| *name == "article").map(|(_, files)| files.as_slice());
    out.push_str("| the article page downloads | raw | brotli (quality 11) |\n| --- | --- | --- |\n");
    for file in article.unwrap_or_default() {
        let _ = writeln!(out, "| `{}` | {} B | {} B |", file.path, file.raw, file.brotli);
    }
    out.push_str("\n| page | JavaScript + WebAssembly, brotli | of the budget |\n| --- | --- | --- |\n");
    for (name, files) in downloads_by_page {
        let scripts: usize =
            files.iter().filter(|f| f.path.ends_with(".js") || f.path.ends_with(".wasm")).map(|f| f.brotli).sum();
        let _ = writeln!(
            out,
            "| {name} | {scripts} B | {:.0}% of {} B |",
            100.0 * scripts as f64 / READER_SCRIPT_BUDGET as f64,
            READER_SCRIPT_BUDGET
        );
    }
    out
}

fn lighthouse_table(audits: &[(&str, Scores)]) -> String {
    let mut out = String::from(
        "\nLighthouse 12.2.3, mobile settings (simulated slow 4G, 4× slower CPU), Debian's Chromium:\n\n\
         | page | performance | accessibility | best practices | SEO | first contentful paint | largest contentful paint | total blocking time |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for (page, s) in audits {
        let _ = writeln!(
            out,
            "| {page} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} ms | {:.0} ms | {:.0} ms |",
            s.performance,
            s.accessibility,
            s.best_practices,
            s.seo,
            s.first_contentful_paint_ms,
            s.largest_contentful_paint_ms,
            s.total_blocking_time_ms
        );
    }
    for (page, s) in audits {
        if let Some(element) = &s.largest_contentful_paint_element {
            let _ = write!(out, "\n{page}: the largest contentful paint is `{}`.", element.replace('`', "'"));
        }
        if !s.failed_audits.is_empty() {
            let _ = write!(out, " Failed audits: {}.", s.failed_audits.join("; "));
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_referenced_files_are_read_from_the_page() {
        let html = r#"<link rel="modulepreload" href="/pkg/portal.js"><link rel="preload" href="/pkg/portal.wasm">
            <link rel="stylesheet" href="/pkg/portal.css"><a href="/chuyen-muc/tin-tuc">x</a><a href="/bai-viet/a-1">"#;
        assert_eq!(referenced_files(html), vec!["/pkg/portal.css", "/pkg/portal.js", "/pkg/portal.wasm"]);
        assert_eq!(first_link(html, "/bai-viet/").as_deref(), Some("/bai-viet/a-1"));
        assert_eq!(first_link(html, "/tim-kiem"), None);
    }

    #[test]
    fn a_scripts_static_imports_are_followed_but_not_its_lazy_ones() {
        let script = r#"import*as n from"./__wasm_split.abc.js";import*as t from"./__wasm_split.abc.js";
            const lazy=()=>import("./chunk_1.js");export class A{}"#;
        assert_eq!(imported_modules(script), vec!["/pkg/__wasm_split.abc.js"]);
    }
}
