//! Legal documents ("văn bản") as the law describes them, apart from any storage: what a document
//! number is and how people search for it, how one document acts on another, and whether a
//! document is in force on a given day.

pub mod effect;
pub mod form;
pub mod number;
pub mod relation;

pub use effect::{Effect, EffectDates};
pub use form::{DocumentForm, RelationForm};
pub use number::{DocumentNumber, NumberError};
pub use relation::RelationKind;
