//! Anonymous readers' pages and feeds, kept rendered and compressed in memory, so a burst of
//! readers costs about what serving a static file costs. A page is rendered once per content
//! generation (see [`freshness`]) and about every `max_age` (the visitor numbers in the HTML, for
//! readers without JavaScript); readers asking for a new page meanwhile wait for that one render
//! instead of starting their own, and a page past `max_age` is still served (up to twice that age)
//! while one render in the background replaces it, so a busy page never makes readers wait. A
//! change of content is never served stale. Memory is bounded: past `max_bytes` the least recently
//! read pages go.

mod cached_page;
mod freshness;
mod policy;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use app::auth::ssr::session_token;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use http::StatusCode;
use service::Database;
use service::clock::Clock;

use crate::security::REQUEST_TIMEOUT;

use self::cached_page::CachedPage;
use self::freshness::{Freshness, Generation};

/// A page larger than this is served but not kept.
const LARGEST_KEPT_PAGE: usize = 4 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageCacheSettings {
    /// `PORTAL_PAGE_CACHE_SECONDS`: the longest a page is served without rendering it again; 0
    /// turns the cache off.
    pub max_age: Duration,
    /// `PORTAL_PAGE_CACHE_MB`: memory for kept pages (compressed).
    pub max_bytes: usize,
    /// How often to look for changes made by other processes.
    pub check_interval: Duration,
}

impl Default for PageCacheSettings {
    fn default() -> Self {
        Self { max_age: Duration::from_secs(10), max_bytes: 32 * 1024 * 1024, check_interval: Duration::from_secs(1) }
    }
}

/// What `/metrics` reports.
#[derive(Clone, Copy, Debug, Default)]
pub struct PageCacheStats {
    /// Requests answered from a kept page (including 304s).
    pub hits: u64,
    /// Renders made for the cache.
    pub misses: u64,
    /// Requests the cache may not answer (signed in, back office, search, writes).
    pub bypasses: u64,
    pub pages: usize,
    pub bytes: usize,
}

#[derive(Clone)]
pub struct PageCache(Arc<Inner>);

struct Inner {
    settings: PageCacheSettings,
    https: bool,
    db: Database,
    freshness: Freshness,
    clock: Clock,
    pages: RwLock<Pages>,
    uses: AtomicU64,
    hits: AtomicU64,
    misses: AtomicU64,
    bypasses: AtomicU64,
}

#[derive(Default)]
struct Pages {
    generation: u64,
    slots: HashMap<String, Arc<Slot>>,
    bytes: usize,
}

/// One address's page: filled by the first request, awaited by those arriving meanwhile. Holds
/// `None` when the response could not be kept (an error, a redirect): each request then renders.
struct Slot {
    generation: Generation,
    filled_at: Instant,
    last_used: AtomicU64,
    /// Set when a background render to replace this page has started.
    refreshing: AtomicBool,
    page: tokio::sync::OnceCell<Option<Arc<CachedPage>>>,
}

impl Slot {
    fn new(generation: Generation, use_number: u64, page: Option<Arc<CachedPage>>) -> Self {
        Self {
            generation,
            filled_at: Instant::now(),
            last_used: AtomicU64::new(use_number),
            refreshing: AtomicBool::new(false),
            page: tokio::sync::OnceCell::new_with(page.map(Some)),
        }
    }

    /// The kept page, once filled with one.
    fn kept(&self) -> Option<&Arc<CachedPage>> {
        self.page.get().and_then(Option::as_ref)
    }

    fn size(&self) -> usize {
        self.kept().map_or(0, |page| page.size())
    }
}

impl PageCache {
    /// `https`: whether readers reach the site over HTTPS (the session cookie's name depends on it).
    pub fn new(db: Database, clock: Clock, settings: PageCacheSettings, https: bool) -> Self {
        Self(Arc::new(Inner {
            settings,
            https,
            db: db.clone(),
            freshness: Freshness::new(db, clock.clone(), settings.check_interval),
            clock,
            pages: RwLock::default(),
            uses: AtomicU64::new(0),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
            bypasses: AtomicU64::new(0),
        }))
    }

    /// Whether `token` is a live session (a failure or a timeout counts as signed in: the page is
    /// then rendered for this request, which will say what is wrong). The cache answers before the
    /// portal's request timeout, so its own reads of the database are held to the same bound.
    async fn is_signed_in(&self, token: &str) -> bool {
        let account = tokio::time::timeout(REQUEST_TIMEOUT, service::sessions::user_for(&self.0.db, token, Utc::now()));
        !matches!(account.await, Ok(Ok(None)))
    }

    pub fn stats(&self) -> PageCacheStats {
        let pages = self.0.pages.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        PageCacheStats {
            hits: self.0.hits.load(Ordering::Relaxed),
            misses: self.0.misses.load(Ordering::Relaxed),
            bypasses: self.0.bypasses.load(Ordering::Relaxed),
            pages: pages.slots.len(),
            bytes: pages.slots.values().map(|slot| slot.size()).sum(),
        }
    }

    fn is_enabled(&self) -> bool {
        !self.0.settings.max_age.is_zero() && self.0.settings.max_bytes > 0
    }

    /// The slot for `key` in `generation`: the current one if it is fresh or usable while a newer
    /// render is made (then also `true`), else a new one.
    fn slot(&self, key: &str, generation: Generation) -> (Arc<Slot>, bool) {
        let max_age = self.0.settings.max_age;
        let fresh = |slot: &Arc<Slot>| slot.generation == generation && slot.filled_at.elapsed() < max_age;
        let usable = |slot: &Arc<Slot>| {
            slot.generation == generation && slot.filled_at.elapsed() < 2 * max_age && slot.kept().is_some()
        };
        let use_number = self.0.uses.fetch_add(1, Ordering::Relaxed);
        {
            let pages = self.0.pages.read().unwrap_or_else(|poisoned| poisoned.into_inner());
            if let Some(slot) = pages.slots.get(key).filter(|slot| usable(slot) || fresh(slot)) {
                slot.last_used.store(use_number, Ordering::Relaxed);
                return (slot.clone(), !fresh(slot));
            }
        }
        let mut pages = self.0.pages.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        if generation.number > pages.generation {
            pages.slots.clear();
            pages.bytes = 0;
            pages.generation = generation.number;
        }
        if let Some(slot) = pages.slots.get(key).filter(|slot| usable(slot) || fresh(slot)) {
            slot.last_used.store(use_number, Ordering::Relaxed);
            return (slot.clone(), !fresh(slot));
        }
        let slot = Arc::new(Slot::new(generation, use_number, None));
        Self::keep(&mut pages, key, &slot);
        (slot, false)
    }

    /// Puts `slot` under `key`; a slot of an older generation (a request that read the revision
    /// before a change) serves its own request only.
    fn keep(pages: &mut Pages, key: &str, slot: &Arc<Slot>) {
        if slot.generation.number == pages.generation
            && let Some(replaced) = pages.slots.insert(key.to_owned(), slot.clone())
        {
            pages.bytes = pages.bytes.saturating_sub(replaced.size());
        }
    }

    /// Renders `key` again in the background and swaps the new page in.
    fn refresh(&self, key: String, stale: &Slot, parts: http::request::Parts, next: Next) {
        if stale.refreshing.swap(true, Ordering::AcqRel) {
            return;
        }
        let cache = self.clone();
        let generation = stale.generation;
        tokio::spawn(async move {
            let response = next.run(Request::from_parts(parts, Body::empty())).await;
            let page = cache.fill(generation, response).await.ok();
            let mut pages = cache.0.pages.write().unwrap_or_else(|poisoned| poisoned.into_inner());
            match page {
                Some(page) => {
                    let use_number = cache.0.uses.fetch_add(1, Ordering::Relaxed);
                    Self::keep(&mut pages, &key, &Arc::new(Slot::new(generation, use_number, Some(page))));
                }
                // The page cannot be kept any more (gone, an error): the next reader renders it.
                None => {
                    pages.slots.remove(&key);
                }
            }
        });
    }

    /// Renders for the cache; the response comes back as it is when it may not be kept.
    async fn fill(&self, generation: Generation, response: Response) -> Result<Arc<CachedPage>, Response> {
        self.0.misses.fetch_add(1, Ordering::Relaxed);
        let (parts, body) = response.into_parts();
        if !policy::is_shareable(parts.status, &parts.headers) {
            return Err(Response::from_parts(parts, body));
        }
        let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
            return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
        };
        if bytes.len() > LARGEST_KEPT_PAGE {
            return Err(Response::from_parts(parts, Body::from(bytes)));
        }
        let last_modified = self.last_modified(generation);
        let headers = parts.headers.clone();
        let kept = bytes.clone();
        // Compressing takes milliseconds of CPU: off the threads that answer requests.
        let page = tokio::task::spawn_blocking(move || CachedPage::new(&headers, &kept, last_modified)).await;
        match page {
            Ok(Some(page)) => {
                let page = Arc::new(page);
                self.account(page.size());
                Ok(page)
            }
            _ => Err(Response::from_parts(parts, Body::from(bytes))),
        }
    }

    /// The content's last change, or the start of today (pages show today's date), whichever is later.
    fn last_modified(&self, generation: Generation) -> DateTime<Utc> {
        let now = self.0.clock.now();
        let today = app::ssr::local_days::start_of_day(app::format::site_date(now));
        generation.changed_at.map_or(today, |changed| changed.max(today)).min(now)
    }

    /// Counts a kept page; past the budget, the least recently read pages go.
    fn account(&self, size: usize) {
        let mut pages = self.0.pages.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        pages.bytes += size;
        if pages.bytes <= self.0.settings.max_bytes {
            return;
        }
        let mut by_use: Vec<(u64, usize, String)> = pages
            .slots
            .iter()
            .map(|(key, slot)| (slot.last_used.load(Ordering::Relaxed), slot.size(), key.clone()))
            .collect();
        by_use.sort_unstable();
        // Down to 90%, so the next few pages do not each sort the whole cache again.
        let target = self.0.settings.max_bytes / 10 * 9;
        let mut bytes: usize = by_use.iter().map(|(_, size, _)| size).sum();
        for (_, size, key) in by_use {
            if bytes <= target {
                break;
            }
            pages.slots.remove(&key);
            bytes -= size;
        }
        pages.bytes = bytes;
    }
}

/// The middleware: answers anonymous reads from the cache, and makes the cache look for changes
/// after a signed-in account's successful write.
pub async fn serve(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let mut key = policy::cache_key(request.method(), request.uri(), request.headers()).filter(|_| cache.is_enabled());
    // Only a session that exists passes by the cache: any cookie of the right name used to.
    if key.is_some()
        && let Some(token) = session_token(request.headers(), cache.0.https)
        && cache.is_signed_in(token).await
    {
        key = None;
    }
    let Some(key) = key else {
        cache.0.bypasses.fetch_add(1, Ordering::Relaxed);
        let may_change_content = policy::may_change_content(request.method(), request.headers(), cache.0.https);
        let response = next.run(request).await;
        if may_change_content && (response.status().is_success() || response.status().is_redirection()) {
            cache.0.freshness.recheck();
        }
        return response;
    };
    let generation = match tokio::time::timeout(REQUEST_TIMEOUT, cache.0.freshness.current()).await {
        Ok(Ok(generation)) => generation,
        // An error or a timeout: the page will say the database is unavailable; nothing to keep.
        failed => {
            tracing::warn!(?failed, "cannot tell whether cached pages are current");
            return next.run(request).await;
        }
    };
    let (slot, stale) = cache.slot(&key, generation);
    let (parts, _) = request.into_parts();
    if let Some(page) = slot.kept() {
        let response = page.respond(&parts.method, &parts.headers);
        if stale {
            let parts = for_render(parts, &key);
            cache.refresh(key, &slot, parts, next);
        }
        cache.0.hits.fetch_add(1, Ordering::Relaxed);
        return response;
    }
    let parts = for_render(parts, &key);
    let rerender = || Request::from_parts(parts.clone(), Body::empty());
    let mut unkept = None;
    let mut rendered_here = false;
    let page = slot
        .page
        .get_or_init(|| async {
            rendered_here = true;
            let response = next.clone().run(rerender()).await;
            match cache.fill(generation, response).await {
                Ok(page) => Some(page),
                Err(response) => {
                    unkept = Some(response);
                    None
                }
            }
        })
        .await;
    match (page, unkept) {
        (Some(page), _) => {
            if !rendered_here {
                cache.0.hits.fetch_add(1, Ordering::Relaxed);
            }
            page.respond(&parts.method, &parts.headers)
        }
        (None, Some(response)) => response,
        // Waited for a render that could not be kept: render for this request too.
        (None, None) => next.run(rerender()).await,
    }
}

/// The request as the cache renders it: for the key's address, so the kept page holds nothing of
/// the parameters left out.
fn for_render(mut parts: http::request::Parts, key: &str) -> http::request::Parts {
    let mut uri = parts.uri.clone().into_parts();
    uri.path_and_query = key.parse().ok();
    parts.uri = http::Uri::from_parts(uri).unwrap_or(parts.uri);
    parts
}
