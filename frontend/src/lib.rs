//! The readers' browser entry point. The reader script in the page's head loads this bundle when
//! the browser is idle and calls `hydrate`, then hands it each `<leptos-island>` of the page (and
//! of every page its navigation brings in); the islands' own exports come from the `islands` crate.

// Links the islands' exported hydration functions into this bundle.
use islands as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
