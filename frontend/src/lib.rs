//! The browser entry point: hydrates the server-rendered page into the single-page app.

use leptos::prelude::document;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // Lets stylesheets (and browser tests) tell a live page from plain server-rendered HTML.
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-hydrated", "");
    }
}
