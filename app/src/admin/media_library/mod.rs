//! `/quan-tri/thu-vien`: the media library. Every staff member uploads files and describes them
//! (authors need photos for their drafts); editors and administrators delete them. The upload
//! itself is a plain multipart POST handled by the server (`server/src/media_library/`), so it
//! works from a form without JavaScript.

mod delete_media;
mod list_media;
mod media_card;
mod page;
#[cfg(feature = "ssr")]
pub mod ssr;
mod update_media_details;
mod upload_form;
mod upload_list;

pub use delete_media::{DeleteMedia, delete_media};
pub use list_media::{MediaPage, MediaQuery, list_media};
pub use page::MediaLibraryPage;
pub use update_media_details::{UpdateMediaDetails, update_media_details};
pub use upload_list::UploadList;

pub const LIBRARY_PATH: &str = "/quan-tri/thu-vien";
/// Takes `multipart/form-data` with one or more `tep` files and an optional `alt` text. Answers
/// JSON (an `UploadOutcome`) to scripts that accept it, else redirects back to the library.
pub const UPLOAD_PATH: &str = "/quan-tri/thu-vien/tai-len";
/// The form field that carries the files.
pub const FILE_FIELD: &str = "tep";
pub const ALT_FIELD: &str = "alt";
