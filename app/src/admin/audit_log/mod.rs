//! `/quan-tri/nhat-ky`: the audit log of every back-office change, for administrators.

mod get_audit_log;
mod page;

pub use get_audit_log::{AuditEntry, AuditLog, AuditQuery, ENTRIES_PER_PAGE, GetAuditLog, get_audit_log};
pub use page::AuditLogPage;
