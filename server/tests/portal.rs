//! The server's request-level and process-level tests, as one test binary: each binary is linked
//! with LTO in the release test run, and one link instead of eight keeps CI well inside its time.
//!
//! - `reader_pages`, `feeds`: what readers and crawlers get; `islands`: which bundle a page loads; `visitor_stats`: "Thống kê truy cập";
//! - `page_cache`: anonymous pages answered from memory, and current at once after a change;
//! - `back_office`: the editorial work through its server functions, every role against every action;
//! - `media_library`: uploads, serving stored files, and deleting them;
//! - `legal_documents`: the documents' list, filters and pages, and their attachments;
//! - `security`, `hostile_input`: headers, cross-site refusal, limits, and hostile input;
//! - `resilience`, `backup`: real processes under abuse, SIGKILL and a database outage; backups.

#[path = "portal/back_office.rs"]
mod back_office;
#[path = "portal/backup.rs"]
mod backup;
mod common;
/// A fresh PostgreSQL or SQLite database, shared with the data layer's own tests.
#[path = "../../service/tests/common/mod.rs"]
mod database;
#[path = "portal/feeds.rs"]
mod feeds;
#[path = "portal/hostile_input.rs"]
mod hostile_input;
#[path = "portal/islands.rs"]
mod islands;
#[path = "portal/legal_documents.rs"]
mod legal_documents;
#[path = "portal/media_library.rs"]
mod media_library;
#[path = "portal/page_cache.rs"]
mod page_cache;
#[path = "portal/reader_pages.rs"]
mod reader_pages;
#[path = "portal/resilience.rs"]
mod resilience;
#[path = "portal/security.rs"]
mod security;
#[path = "portal/visitor_stats.rs"]
mod visitor_stats;
