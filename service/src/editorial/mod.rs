//! The back office's work on articles: who may do what, the workflow, the form's checks, saving
//! with revisions and conflicts, and the list editors work from.

pub mod article_form;
pub mod autosave;
pub mod body_images;
pub mod diff;
pub mod editing;
pub mod listing;
pub mod permissions;
pub mod presence;
pub mod workflow;

pub use article_form::{ArticleFields, FieldError};
pub use editing::{Conflict, EditorialError, StepDetails};
pub use workflow::Transition;
