//! The back office's script (`editor/`, built into `/editor/editor.js`): the rich text editor and
//! the media library's uploads with progress. Loaded on first use, so only the editing page and the
//! library ever download it; everything else here is the typed bridge to it.

mod bridge;
// The script's events are read only in the browser build; the server renders the frames alone.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
mod event;

#[cfg(feature = "hydrate")]
pub use bridge::load_script;
pub use bridge::{HandleStorage, LibraryUploader, MountedEditor};
pub use event::{EditorEvent, EditorState, UploadProgress, UploadState};
