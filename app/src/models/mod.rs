//! Typed models shared by the server and the browser. No database types here: these cross the wire.

mod account;
mod article;
mod category;
mod editorial;
mod legal_document;
mod media;
mod search;
mod site;
mod visitor;

pub use account::{StaffMember, StaffRole};
pub use article::{Article, ArticleSummary, article_url};
pub use category::{CategoryLink, MenuItem};
pub use editorial::{
    ArticleEditor, ArticleForm, ArticleList, ArticleRow, AutosavedCopy, Choice, DiffPart, FILTERABLE_STATUSES,
    FieldDiff, FieldMessage, RevisionEntry, SaveConflict, SavedArticle, WorkflowStatus, WorkflowStep,
};
pub use legal_document::{
    AttachmentLink, DocumentDetail, DocumentLink, DocumentListData, FilterChoice, RelationGroup, document_url,
};
pub use media::{MediaItem, MediaVariant, RefusedUpload, UploadOutcome};
pub use search::{SearchHit, TextSegment};
pub use site::{PageLink, SiteChrome, SiteSettings, WebLink, WebLinkGroup};
pub use visitor::{ArticleReadCount, DayVisits, VisitorCounterSettings, VisitorStats};
