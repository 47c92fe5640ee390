//! The legal-documents library ("Văn bản"): the managed lists documents are described by, the
//! back office's work on documents (rights, checks, workflow, revisions), their effect kept true
//! as relations change, and what readers list, search and read. The rules that need no database
//! (numbers, relation kinds, effect) are in the `legal` crate.

pub mod catalogue;
pub mod editing;
pub mod effect;
pub mod form;
pub mod import;
pub mod listing;
pub mod reading;

pub use catalogue::Catalogue;
pub use editing::DocumentError;
pub use listing::{DocumentFilters, DocumentListing, Facets};
pub use reading::{DocumentPage, RelatedDocument};
