//! The readers' browser entry point. The reader script in the page's head loads this bundle when
//! the browser is idle and calls `hydrate`, then hands it each `<leptos-island>` of the page (and
//! of every page its navigation brings in); the islands' own exports come from the `islands` crate.

// Links the islands' exported hydration functions into this bundle.
use islands as _;

/// No panic hook (unlike the back office's bundle): its message formatting costs a reader's phone
/// 0.7 KB of brotli wasm, and a panic here still stops with an error in the console.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
