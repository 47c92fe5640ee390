//! The back office's browser entry point: hydrates the server-rendered `/quan-tri` page into the
//! single-page app. Reader pages never load it (they have `frontend/`, the islands).

use leptos::prelude::document;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let Some(body) = document().body() else { return };
    // Hydration waits for the code of a lazily loaded route (the back office's pages, fetched on
    // first use) before it attaches to the page, so it runs as a task.
    wasm_bindgen_futures::spawn_local(async move {
        leptos::mount::hydrate_from_async(body, app::App).await.forget();
        // Lets stylesheets (and browser tests) tell a live page from plain server-rendered HTML.
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
}
