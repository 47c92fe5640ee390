//! `/quan-tri/bai-viet`: the article list, the editing page with its workflow steps, revision
//! history and conflict handling, and the server functions behind them.

mod article_form_editor;
mod article_preview;
mod autosave_article;
mod bulk_change_status;
mod change_article_status;
mod conflict_panel;
mod diff_view;
mod editor_error;
mod editor_page;
mod empty_trash;
mod get_article_editor;
mod list_articles;
mod list_page;
mod others_editing;
mod preview_article;
mod recovery_prompt;
mod revisions;
mod rich_text;
mod save_article;
mod save_state;
#[cfg(feature = "ssr")]
mod ssr;
#[cfg(feature = "ssr")]
pub use ssr::{article_row, workflow_status};

use article_form_editor::ArticleFormEditor;
use article_preview::ArticlePreview;
pub use autosave_article::{AutosaveArticle, DiscardAutosave, autosave_article, discard_autosave};
pub use bulk_change_status::{BULK_STEPS, BulkChangeStatus, BulkOutcome, bulk_change_status};
pub use change_article_status::{ChangeArticleStatus, change_article_status};
use conflict_panel::ConflictPanel;
use diff_view::DiffView;
pub use editor_error::EditorError;
pub use editor_page::ArticleEditorPage;
pub use empty_trash::{EmptyTrash, empty_trash};
pub use get_article_editor::{GetArticleEditor, get_article_editor};
pub use list_articles::{ARTICLES_PER_PAGE, ArticleListQuery, ListArticles, list_articles};
pub use list_page::ArticleListPage;
use others_editing::OthersEditing;
pub use others_editing::{EditingPresence, editing_presence};
pub use preview_article::{PreviewArticle, preview_article};
use recovery_prompt::RecoveryPrompt;
use revision_history::RevisionHistory;
pub use revisions::{CompareRevisions, RestoreRevision, compare_revisions, restore_revision};
pub use save_article::{SaveArticle, save_article};
use workflow_panel::WorkflowPanel;

mod revision_history;
mod unsaved_copy;
mod workflow_panel;
