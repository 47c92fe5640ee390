//! The few browser APIs the app calls directly. They run only in event handlers and effects, which
//! never run on the server, so the server build gets versions that do nothing.

#[cfg(feature = "hydrate")]
mod imp {
    const TEXT_SCALE_KEY: &str = "portal-text-scale";

    fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    pub fn stored_text_scale() -> Option<f64> {
        let storage = window()?.local_storage().ok()??;
        storage.get_item(TEXT_SCALE_KEY).ok()??.parse().ok()
    }

    pub fn store_text_scale(scale: f64) {
        if let Some(Ok(Some(storage))) = window().map(|w| w.local_storage()) {
            let _ = storage.set_item(TEXT_SCALE_KEY, &scale.to_string());
        }
    }

    pub fn print() {
        if let Some(window) = window() {
            let _ = window.print();
        }
    }

    /// Whether the browser actually put `text` on the clipboard (it may refuse, e.g. without permission).
    pub async fn copy_to_clipboard(text: &str) -> bool {
        let Some(promise) = window().map(|w| w.navigator().clipboard().write_text(text)) else {
            return false;
        };
        wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
    }
}

#[cfg(not(feature = "hydrate"))]
mod imp {
    pub fn stored_text_scale() -> Option<f64> {
        None
    }
    pub fn store_text_scale(_scale: f64) {}
    pub fn print() {}
    pub async fn copy_to_clipboard(_text: &str) -> bool {
        false
    }
}

pub use imp::{copy_to_clipboard, print, store_text_scale, stored_text_scale};
