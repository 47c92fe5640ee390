//! One rendered page as the cache keeps it: compressed once with brotli and gzip, with its
//! validators (`ETag`, `Last-Modified`) and, for HTML, a Content-Security-Policy that does not
//! depend on a per-response nonce.
//!
//! Leptos puts a fresh nonce on a page's inline scripts and the policy allows that nonce. A nonce
//! shared by every reader of a cached page would be public, so a kept page loses its nonces and
//! its policy names each script that carried the nonce by its SHA-256 hash instead: exactly those
//! scripts may run, and markup that slipped into the page without the nonce still may not.

use std::io::{Read, Write};

use axum::body::{Body, Bytes};
use axum::response::Response;
use base64::Engine;
use chrono::{DateTime, Utc};
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use sha2::{Digest, Sha256};

/// Brotli 9 compresses a page about as well as 11 in a fraction of the time.
const BROTLI_QUALITY: u32 = 9;
const BROTLI_WINDOW: u32 = 22;
/// Readers revalidate every time (a publish is visible at once) and usually get 304.
const CACHE_CONTROL: HeaderValue = HeaderValue::from_static("no-cache");
const VARY: HeaderValue = HeaderValue::from_static("accept-encoding");
/// The headers of an answer from the cache, once every layer has added its own.
const RESPONSE_HEADERS: usize = 16;

#[derive(Debug)]
pub struct CachedPage {
    content_type: HeaderValue,
    policy: Option<HeaderValue>,
    etag: HeaderValue,
    last_modified: DateTime<Utc>,
    /// `last_modified` as the header says it, written once rather than for every request.
    last_modified_header: HeaderValue,
    brotli: Bytes,
    gzip: Bytes,
}

impl CachedPage {
    /// Keeps `body`, rendered with response `headers`, as last changed at `last_modified`.
    /// `None` if the body is not UTF-8 text.
    pub fn new(headers: &HeaderMap, body: &[u8], last_modified: DateTime<Utc>) -> Option<Self> {
        let text = std::str::from_utf8(body).ok()?;
        let content_type = headers.get(header::CONTENT_TYPE)?.clone();
        let page_policy = headers.get(header::CONTENT_SECURITY_POLICY).and_then(|v| v.to_str().ok());
        let (text, policy) = match page_policy.and_then(nonce_of) {
            Some(nonce) => {
                let policy = policy_with_hashes(page_policy.unwrap_or_default(), nonce, text)?;
                (text.replace(&format!(" nonce=\"{nonce}\""), ""), Some(policy))
            }
            None => (text.to_owned(), page_policy.and_then(|p| HeaderValue::from_str(p).ok())),
        };
        let last_modified = whole_seconds(last_modified);
        Some(Self {
            content_type,
            policy,
            etag: HeaderValue::from_str(&format!("W/\"{}\"", content_fingerprint(&text))).ok()?,
            last_modified,
            last_modified_header: http_date(last_modified),
            brotli: compress_brotli(text.as_bytes()),
            gzip: compress_gzip(text.as_bytes()),
        })
    }

    /// Memory the page takes.
    pub fn size(&self) -> usize {
        self.brotli.len() + self.gzip.len()
    }

    /// The answer to a reader's request: 304 when their copy is current, else the page in the
    /// best encoding they accept.
    pub fn respond(&self, method: &Method, request: &HeaderMap) -> Response {
        let mut response = Response::new(Body::empty());
        // Room for the security headers and the request id added on the way out as well.
        *response.headers_mut() = HeaderMap::with_capacity(RESPONSE_HEADERS);
        let headers = response.headers_mut();
        headers.insert(header::ETAG, self.etag.clone());
        headers.insert(header::LAST_MODIFIED, self.last_modified_header.clone());
        headers.insert(header::CACHE_CONTROL, CACHE_CONTROL);
        headers.insert(header::VARY, VARY);
        // Also on a 304: the browser updates its copy's headers from it, and without the page's own
        // policy the site's locked-down default would replace it and block the page's scripts.
        if let Some(policy) = &self.policy {
            headers.insert(header::CONTENT_SECURITY_POLICY, policy.clone());
        }
        if self.is_current(request) {
            *response.status_mut() = StatusCode::NOT_MODIFIED;
            return response;
        }
        headers.insert(header::CONTENT_TYPE, self.content_type.clone());
        let body = match preferred_encoding(request) {
            Encoding::Brotli => {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
                self.brotli.clone()
            }
            Encoding::Gzip => {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                self.gzip.clone()
            }
            Encoding::Identity => self.identity(),
        };
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        if method != Method::HEAD {
            *response.body_mut() = Body::from(body);
        }
        response
    }

    /// `If-None-Match` decides when present (weak comparison); otherwise `If-Modified-Since`.
    fn is_current(&self, request: &HeaderMap) -> bool {
        if let Some(tags) = request.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) {
            let ours = self.etag.to_str().unwrap_or_default().trim_start_matches("W/");
            return tags.split(',').map(str::trim).any(|tag| tag == "*" || tag.trim_start_matches("W/") == ours);
        }
        request
            .get(header::IF_MODIFIED_SINCE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| DateTime::parse_from_rfc2822(v).ok())
            .is_some_and(|since| self.last_modified <= since)
    }

    /// For the rare client that accepts neither encoding.
    fn identity(&self) -> Bytes {
        let mut text = Vec::with_capacity(self.gzip.len() * 4);
        match flate2::read::GzDecoder::new(&self.gzip[..]).read_to_end(&mut text) {
            Ok(_) => Bytes::from(text),
            Err(error) => unreachable!("the cache's own gzip stream is always valid: {error}"),
        }
    }
}

/// HTTP dates have whole seconds; a page compared with its own date must be current.
fn whole_seconds(at: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(at.timestamp(), 0).unwrap_or(at)
}

fn http_date(at: DateTime<Utc>) -> HeaderValue {
    HeaderValue::from_str(&at.format("%a, %d %b %Y %H:%M:%S GMT").to_string())
        .unwrap_or(HeaderValue::from_static("Thu, 01 Jan 1970 00:00:00 GMT"))
}

#[derive(Debug, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

fn preferred_encoding(request: &HeaderMap) -> Encoding {
    let accepted = request.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok());
    let mut best = Encoding::Identity;
    for coding in accepted.flat_map(|v| v.split(',')) {
        let mut parts = coding.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default().to_ascii_lowercase();
        let refused = parts.any(|p| p.strip_prefix("q=").is_some_and(|q| q.parse::<f32>().is_ok_and(|q| q <= 0.0)));
        match name.as_str() {
            "br" if !refused => return Encoding::Brotli,
            "gzip" if !refused => best = Encoding::Gzip,
            _ => {}
        }
    }
    best
}

/// The value of `'nonce-…'` in a page's policy.
fn nonce_of(policy: &str) -> Option<&str> {
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let end = start + policy[start..].find('\'')?;
    Some(&policy[start..end])
}

/// `policy` with its nonce replaced by the hashes of the inline scripts that carried it.
fn policy_with_hashes(policy: &str, nonce: &str, html: &str) -> Option<HeaderValue> {
    let hashes: Vec<String> = nonced_inline_scripts(html, nonce)
        .map(|script| format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script))))
        .collect();
    HeaderValue::from_str(&policy.replace(&format!("'nonce-{nonce}'"), &hashes.join(" "))).ok()
}

/// The text of every `<script>` without `src` that carries `nonce`.
fn nonced_inline_scripts<'h>(html: &'h str, nonce: &str) -> impl Iterator<Item = &'h str> {
    let nonce = format!(" nonce=\"{nonce}\"");
    let mut rest = html;
    std::iter::from_fn(move || {
        loop {
            let open = rest.find("<script")?;
            let tag_end = open + rest[open..].find('>')? + 1;
            let close = tag_end + rest[tag_end..].find("</script")?;
            let (tag, text) = (&rest[open..tag_end], &rest[tag_end..close]);
            rest = &rest[close..];
            if !tag.contains(" src=") && tag.contains(&nonce) {
                return Some(text);
            }
        }
    })
}

/// A fingerprint of what the page says: the visitor numbers (`data-stat`, changing with every
/// visit) and the scripts' data (the same content again, for hydration, plus those numbers) are
/// left out, so a page whose only change is the counter keeps its (weak) `ETag`.
fn content_fingerprint(html: &str) -> String {
    let mut hasher = Sha256::new();
    let mut rest = html;
    loop {
        let script = rest.find("<script");
        let stat = rest.find("data-stat=\"");
        let (at, content_end) = match (script, stat) {
            (Some(s), Some(d)) if d < s => (d, "<"),
            (Some(s), _) => (s, "</script"),
            (None, Some(d)) => (d, "<"),
            (None, None) => break,
        };
        let tag_end = rest[at..].find('>').map_or(rest.len(), |end| at + end + 1);
        hasher.update(&rest[..tag_end]);
        rest = &rest[tag_end..];
        rest = &rest[rest.find(content_end).unwrap_or(rest.len())..];
    }
    hasher.update(rest);
    hex::encode(&hasher.finalize()[..12])
}

fn compress_brotli(body: &[u8]) -> Bytes {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY as i32,
        lgwin: BROTLI_WINDOW as i32,
        size_hint: body.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(body.len() / 4);
    match brotli::BrotliCompress(&mut &body[..], &mut out, &params) {
        Ok(_) => Bytes::from(out),
        Err(error) => unreachable!("compressing into memory cannot fail: {error}"),
    }
}

fn compress_gzip(body: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 3), flate2::Compression::best());
    match encoder.write_all(body).and_then(|()| encoder.finish()) {
        Ok(out) => Bytes::from(out),
        Err(error) => unreachable!("compressing into memory cannot fail: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = "default-src 'self'; script-src 'self' 'nonce-N0nce' 'wasm-unsafe-eval'; style-src 'self'";

    fn page(html: &str) -> CachedPage {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(POLICY));
        CachedPage::new(&headers, html.as_bytes(), DateTime::from_timestamp(1_764_400_000, 123).unwrap()).unwrap()
    }

    fn request(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        pairs.iter().map(|(name, value)| (name.clone(), HeaderValue::from_str(value).unwrap())).collect()
    }

    async fn body_of(response: Response) -> Vec<u8> {
        http_body_util::BodyExt::collect(response.into_body()).await.unwrap().to_bytes().to_vec()
    }

    const HTML: &str = "<html><head><script nonce=\"N0nce\">count()</script>\
        <script type=\"module\" nonce=\"N0nce\">hydrate({\"today\":576})</script>\
        <script src=\"/pkg/x.js\" nonce=\"N0nce\"></script></head>\
        <body><p>Thanh Hóa</p><script>injected()</script><dd data-stat=\"today\">576</dd></body></html>";

    #[test]
    fn the_nonce_goes_and_the_policy_names_each_script_that_carried_it_by_hash() {
        let page = page(HTML);
        let policy = page.policy.as_ref().unwrap().to_str().unwrap();
        let hash = |script: &str| {
            format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script)))
        };
        assert_eq!(
            policy,
            format!(
                "default-src 'self'; script-src 'self' {} {} 'wasm-unsafe-eval'; style-src 'self'",
                hash("count()"),
                hash("hydrate({\"today\":576})")
            )
        );
        assert!(!policy.contains("nonce"));
        assert!(!policy.contains(&hash("injected()")), "a script that came without the nonce stays blocked");
        assert!(!String::from_utf8(page.identity().to_vec()).unwrap().contains("N0nce"));
    }

    #[test]
    fn the_visitor_numbers_do_not_change_the_etag_but_the_text_does() {
        let first = page(HTML);
        let counted = page(&HTML.replace("576", "577"));
        let edited = page(&HTML.replace("Thanh Hóa", "Thanh Hoá"));
        assert_eq!(first.etag, counted.etag);
        assert_ne!(first.etag, edited.etag);
        assert!(first.etag.to_str().unwrap().starts_with("W/\""));
    }

    #[tokio::test]
    async fn each_encoding_gives_back_the_same_page() {
        let page = page(HTML);
        let expected = HTML.replace(" nonce=\"N0nce\"", "");
        for (accept, encoding) in [("gzip, deflate, br, zstd", Some("br")), ("gzip", Some("gzip")), ("identity", None)]
        {
            let response = page.respond(&Method::GET, &request(&[(header::ACCEPT_ENCODING, accept)]));
            assert_eq!(response.status(), StatusCode::OK);
            assert_eq!(response.headers().get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap()), encoding);
            assert_eq!(response.headers()[header::VARY], "accept-encoding");
            let body = body_of(response).await;
            let text = match encoding {
                Some("br") => {
                    let mut out = Vec::new();
                    brotli::BrotliDecompress(&mut &body[..], &mut out).unwrap();
                    out
                }
                Some(_) => {
                    let mut out = Vec::new();
                    flate2::read::GzDecoder::new(&body[..]).read_to_end(&mut out).unwrap();
                    out
                }
                None => body,
            };
            assert_eq!(String::from_utf8(text).unwrap(), expected);
        }
        assert_eq!(preferred_encoding(&request(&[(header::ACCEPT_ENCODING, "br;q=0, gzip;q=0.5")])), Encoding::Gzip);
        assert_eq!(preferred_encoding(&HeaderMap::new()), Encoding::Identity);
    }

    #[tokio::test]
    async fn revalidation_answers_304_while_the_copy_is_current() {
        let page = page(HTML);
        let etag = page.etag.to_str().unwrap().to_owned();
        let last_modified = http_date(page.last_modified).to_str().unwrap().to_owned();
        let not_modified = page.respond(&Method::GET, &request(&[(header::IF_NONE_MATCH, &etag)]));
        assert_eq!(not_modified.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(not_modified.headers()[header::ETAG], etag);
        assert_eq!(not_modified.headers().get(header::CONTENT_SECURITY_POLICY), page.policy.as_ref());
        assert!(body_of(not_modified).await.is_empty());
        let strong_form = etag.trim_start_matches("W/");
        let listed = format!("\"other\", {strong_form}");
        assert_eq!(
            page.respond(&Method::GET, &request(&[(header::IF_NONE_MATCH, &listed)])).status(),
            StatusCode::NOT_MODIFIED
        );
        assert_eq!(
            page.respond(&Method::GET, &request(&[(header::IF_MODIFIED_SINCE, &last_modified)])).status(),
            StatusCode::NOT_MODIFIED
        );
        // The ETag decides when both are sent.
        let stale = request(&[(header::IF_NONE_MATCH, "W/\"old\""), (header::IF_MODIFIED_SINCE, &last_modified)]);
        assert_eq!(page.respond(&Method::GET, &stale).status(), StatusCode::OK);
        let earlier = "Sat, 01 Jan 2000 00:00:00 GMT";
        assert_eq!(
            page.respond(&Method::GET, &request(&[(header::IF_MODIFIED_SINCE, earlier)])).status(),
            StatusCode::OK
        );
    }

    #[tokio::test]
    async fn head_gets_the_headers_without_the_body() {
        let page = page(HTML);
        let response = page.respond(&Method::HEAD, &request(&[(header::ACCEPT_ENCODING, "gzip")]));
        assert_eq!(response.headers()[header::CONTENT_LENGTH], page.gzip.len().to_string());
        assert!(body_of(response).await.is_empty());
    }
}
