//! The few browser APIs the islands call directly. They run only in event handlers and effects,
//! which never run on the server, so the server build gets versions that do nothing.

/// Where the reader's chosen text size is kept (`localStorage`), read by the reader script in the
/// page's head before the first paint so a reload never flashes the default size.
pub const TEXT_SIZE_KEY: &str = "portal-text-size";
/// The attribute on `<html>` that carries the text size step; the style sheet sizes articles by it.
pub const TEXT_SIZE_ATTRIBUTE: &str = "data-text-size";

#[cfg(feature = "hydrate")]
mod imp {
    use send_wrapper::SendWrapper;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    use super::{TEXT_SIZE_ATTRIBUTE, TEXT_SIZE_KEY};

    fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    /// The step on `<html>` now (set from storage by the head script, or by an earlier click).
    pub fn text_size() -> Option<usize> {
        let root = window()?.document()?.document_element()?;
        root.get_attribute(TEXT_SIZE_ATTRIBUTE)?.parse().ok()
    }

    /// Shows `step` at once and remembers it for the next pages and visits.
    pub fn set_text_size(step: usize) {
        let Some(window) = window() else { return };
        if let Some(root) = window.document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute(TEXT_SIZE_ATTRIBUTE, &step.to_string());
        }
        if let Ok(Some(storage)) = window.local_storage() {
            let _ = storage.set_item(TEXT_SIZE_KEY, &step.to_string());
        }
    }

    /// The page's canonical address (kept current by the reader script's navigation), or the
    /// address bar's when a page has none.
    pub fn page_address() -> String {
        let Some(window) = window() else { return String::new() };
        let canonical = window
            .document()
            .and_then(|document| document.query_selector("link[rel=canonical]").ok().flatten())
            .and_then(|link| link.get_attribute("href"));
        canonical.or_else(|| window.location().href().ok()).unwrap_or_default()
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

    /// Posts to `url` in a way that survives the page being left.
    pub fn send_beacon(url: &str) {
        if let Some(window) = window() {
            let _ = window.navigator().send_beacon(url);
        }
    }

    /// How long to wait before opening a new connection when the browser has given up on one.
    const RECONNECT_AFTER_MS: i32 = 3_000;

    /// A followed stream of server-sent events, until `close`. (`SendWrapper`: the reactive
    /// system's cleanups must be `Send`; in the browser everything runs on one thread.)
    #[derive(Clone)]
    pub struct ServerEvents(SendWrapper<Rc<Following>>);

    #[derive(Default)]
    struct Following {
        source: RefCell<Option<web_sys::EventSource>>,
        closed: Cell<bool>,
    }

    impl ServerEvents {
        /// Closes the connection and stops reconnecting (a back-office page that is left).
        pub fn close(&self) {
            self.0.closed.set(true);
            if let Some(source) = self.0.source.borrow_mut().take() {
                source.close();
            }
        }
    }

    /// Follows the server-sent events named `event` at `url` until closed. The browser
    /// reconnects by itself after a network error; when it gives up (for example a proxy
    /// answered 502 while the server restarted), a new connection is opened after a pause.
    pub fn follow_server_events(
        url: &'static str,
        event: &'static str,
        on_message: impl Fn(String) + Clone + 'static,
        on_connection: impl Fn(bool) + Clone + 'static,
    ) -> ServerEvents {
        let events = ServerEvents(SendWrapper::new(Rc::default()));
        open(events.clone(), url, event, on_message, on_connection);
        events
    }

    fn open(
        events: ServerEvents,
        url: &'static str,
        event: &'static str,
        on_message: impl Fn(String) + Clone + 'static,
        on_connection: impl Fn(bool) + Clone + 'static,
    ) {
        if events.0.closed.get() {
            return;
        }
        let Ok(source) = web_sys::EventSource::new(url) else {
            reconnect_later(events, url, event, on_message, on_connection);
            return;
        };
        let (deliver, connected) = (on_message.clone(), on_connection.clone());
        let on_event = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |message: web_sys::MessageEvent| {
            if let Some(data) = message.data().as_string() {
                connected(true);
                deliver(data);
            }
        });
        let _ = source.add_event_listener_with_callback(event, on_event.as_ref().unchecked_ref());
        on_event.forget();
        let failing = source.clone();
        let reconnecting = events.clone();
        let on_error = Closure::<dyn FnMut()>::new(move || {
            on_connection(false);
            if failing.ready_state() == web_sys::EventSource::CLOSED {
                failing.set_onerror(None);
                reconnect_later(reconnecting.clone(), url, event, on_message.clone(), on_connection.clone());
            }
        });
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        *events.0.source.borrow_mut() = Some(source);
    }

    fn reconnect_later(
        events: ServerEvents,
        url: &'static str,
        event: &'static str,
        on_message: impl Fn(String) + Clone + 'static,
        on_connection: impl Fn(bool) + Clone + 'static,
    ) {
        let retry = Closure::once_into_js(move || open(events, url, event, on_message, on_connection));
        if let Some(window) = window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(retry.unchecked_ref(), RECONNECT_AFTER_MS);
        }
    }
}

#[cfg(not(feature = "hydrate"))]
mod imp {
    pub fn text_size() -> Option<usize> {
        None
    }
    pub fn set_text_size(_step: usize) {}
    pub fn page_address() -> String {
        String::new()
    }
    pub fn print() {}
    pub async fn copy_to_clipboard(_text: &str) -> bool {
        false
    }
    pub fn send_beacon(_url: &str) {}
    #[derive(Clone)]
    pub struct ServerEvents;
    impl ServerEvents {
        pub fn close(&self) {}
    }
    pub fn follow_server_events(
        _url: &'static str,
        _event: &'static str,
        _on_message: impl Fn(String) + Clone + 'static,
        _on_connection: impl Fn(bool) + Clone + 'static,
    ) -> ServerEvents {
        ServerEvents
    }
}

pub use imp::{
    ServerEvents, copy_to_clipboard, follow_server_events, page_address, print, send_beacon, set_text_size, text_size,
};
