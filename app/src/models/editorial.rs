//! The back office's article models: the list, the form, and what a refused save says.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where an article is in the workflow, as the back office shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkflowStatus {
    Draft,
    Pending,
    Published,
    /// Approved, going live at its publication time.
    Scheduled,
    Unpublished,
    Trashed,
}

impl WorkflowStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Nháp",
            Self::Pending => "Chờ duyệt",
            Self::Published => "Đã xuất bản",
            Self::Scheduled => "Hẹn giờ xuất bản",
            Self::Unpublished => "Gỡ xuống",
            Self::Trashed => "Thùng rác",
        }
    }

    /// Its value in the list's `trang-thai` filter.
    pub fn query_value(self) -> &'static str {
        match self {
            Self::Draft => "nhap",
            Self::Pending => "cho-duyet",
            Self::Published | Self::Scheduled => "da-xuat-ban",
            Self::Unpublished => "go-xuong",
            Self::Trashed => "thung-rac",
        }
    }
}

/// The statuses the list can be filtered by.
pub const FILTERABLE_STATUSES: [WorkflowStatus; 5] = [
    WorkflowStatus::Draft,
    WorkflowStatus::Pending,
    WorkflowStatus::Published,
    WorkflowStatus::Unpublished,
    WorkflowStatus::Trashed,
];

/// A workflow step, as buttons and server functions name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkflowStep {
    Submit,
    Publish,
    SendBack,
    Unpublish,
    Trash,
    Restore,
}

impl WorkflowStep {
    pub fn button_label(self) -> &'static str {
        match self {
            Self::Submit => "Gửi duyệt",
            Self::Publish => "Duyệt và xuất bản",
            Self::SendBack => "Trả lại tác giả",
            Self::Unpublish => "Gỡ xuống",
            Self::Trash => "Chuyển vào thùng rác",
            Self::Restore => "Khôi phục",
        }
    }

    pub fn done_message(self) -> &'static str {
        match self {
            Self::Submit => "Đã gửi bài cho biên tập viên duyệt.",
            Self::Publish => "Đã duyệt bài.",
            Self::SendBack => "Đã trả bài lại cho tác giả.",
            Self::Unpublish => "Đã gỡ bài xuống.",
            Self::Trash => "Đã chuyển bài vào thùng rác.",
            Self::Restore => "Đã khôi phục bài thành bản nháp.",
        }
    }
}

/// A row of the back office's article list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRow {
    pub id: i32,
    pub title: String,
    pub slug: String,
    pub category: String,
    pub written_by: Option<String>,
    pub status: WorkflowStatus,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub views: i64,
}

/// A choice in a select box.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: i32,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleList {
    pub rows: Vec<ArticleRow>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
    pub categories: Vec<Choice>,
    /// Empty for authors, who see only their own articles.
    pub writers: Vec<Choice>,
    pub may_empty_trash: bool,
    /// Whether the account may publish, unpublish and trash others' articles (the bulk actions).
    pub may_publish: bool,
}

/// The article form's fields, as typed (a field left out is empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleForm {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub body_html: String,
    pub category_id: Option<i32>,
    pub author: String,
    pub cover_image: String,
    pub featured: bool,
    /// Comma-separated keywords.
    pub tags: String,
    pub seo_title: String,
    pub seo_description: String,
}

/// One saved version of an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionEntry {
    pub version: i32,
    pub saved_by: Option<String>,
    pub saved_at: DateTime<Utc>,
}

/// Everything the editing page needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleEditor {
    /// `None` for a new article.
    pub id: Option<i32>,
    pub version: i32,
    pub form: ArticleForm,
    pub status: WorkflowStatus,
    pub published_at: Option<DateTime<Utc>>,
    pub review_note: Option<String>,
    pub may_edit: bool,
    /// The workflow steps this account may take from the current status.
    pub steps: Vec<WorkflowStep>,
    pub categories: Vec<Choice>,
    pub revisions: Vec<RevisionEntry>,
    /// This account's autosaved changes, when they are newer than the stored article.
    pub autosaved: Option<AutosavedCopy>,
}

/// Changes the editor kept without saving the article (on the server by autosave, or in the
/// browser's local storage), offered back when the editing page opens again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutosavedCopy {
    pub form: ArticleForm,
    /// The article version the changes started from.
    pub version: i32,
    pub saved_at: DateTime<Utc>,
}

/// A stretch of text in a comparison of two versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiffPart {
    Same(String),
    Added(String),
    Removed(String),
}

/// How one field differs between two versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDiff {
    pub label: String,
    pub parts: Vec<DiffPart>,
}

/// What someone else stored while this editor was typing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveConflict {
    pub version: i32,
    pub saved_by: Option<String>,
    pub stored: ArticleForm,
    /// From the version this editor started from to the stored one.
    pub changes: Vec<FieldDiff>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldMessage {
    pub field: String,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedArticle {
    pub id: i32,
    pub version: i32,
}
