#[cfg(feature = "hydrate")]
pub use browser::{LibraryUploader, MountedEditor, load_script};
#[cfg(not(feature = "hydrate"))]
pub use server::{LibraryUploader, MountedEditor};

/// Where a page keeps its editor or uploader: in the browser they hold JavaScript objects, which
/// stay on their thread; on the server there are none, and a render's values may be dropped on
/// any of the runtime's threads (a thread-bound value would panic there).
#[cfg(feature = "hydrate")]
pub type HandleStorage = leptos::prelude::LocalStorage;
#[cfg(not(feature = "hydrate"))]
pub type HandleStorage = leptos::prelude::SyncStorage;

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::RefCell;

    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    use super::super::EditorEvent;

    /// Where `scripts/build-editor.sh` puts the bundle (under `public/`, copied to the site root).
    const SCRIPT_URL: &str = "/editor/editor.js";

    #[wasm_bindgen]
    extern "C" {
        type EditorHandle;

        #[wasm_bindgen(js_namespace = PortalEditor, js_name = mount)]
        fn mount(
            element: &web_sys::HtmlElement,
            content: &str,
            editable: bool,
            emit: &js_sys::Function,
        ) -> EditorHandle;

        #[wasm_bindgen(js_namespace = PortalEditor, js_name = uploadToLibrary)]
        fn upload_to_library(files: &web_sys::FileList, alt: &str, emit: &js_sys::Function);

        #[wasm_bindgen(method, js_name = getHTML)]
        fn html(this: &EditorHandle) -> String;

        #[wasm_bindgen(method, js_name = setContent)]
        fn set_content(this: &EditorHandle, html: &str);

        #[wasm_bindgen(method)]
        fn run(this: &EditorHandle, command: &str, argument: &str) -> bool;

        #[wasm_bindgen(method, js_name = currentLink)]
        fn current_link(this: &EditorHandle) -> String;

        #[wasm_bindgen(method, js_name = uploadFiles)]
        fn upload_files(this: &EditorHandle, files: &web_sys::FileList);

        #[wasm_bindgen(method)]
        fn destroy(this: &EditorHandle);
    }

    thread_local! {
        static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    }

    /// Adds the script to the page once; later calls wait for the same load.
    pub async fn load_script() -> Result<(), String> {
        let window = web_sys::window().ok_or("no window")?;
        if js_sys::Reflect::has(&window, &"PortalEditor".into()).unwrap_or(false) {
            return Ok(());
        }
        let promise = LOADING.with(|loading| {
            loading
                .borrow_mut()
                .get_or_insert_with(|| {
                    js_sys::Promise::new(&mut |resolve, reject| {
                        let document = window.document().expect("a page has a document");
                        let script: web_sys::HtmlScriptElement =
                            document.create_element("script").expect("script element").unchecked_into();
                        script.set_src(SCRIPT_URL);
                        script.set_onload(Some(&resolve));
                        script.set_onerror(Some(&reject));
                        document.head().expect("a page has a head").append_child(&script).expect("append script");
                    })
                })
                .clone()
        });
        JsFuture::from(promise).await.map(|_| ()).map_err(|_| {
            LOADING.with(|loading| loading.borrow_mut().take());
            "Không tải được trình soạn thảo; hãy tải lại trang.".to_owned()
        })
    }

    fn event_sink(mut on_event: impl FnMut(EditorEvent) + 'static) -> Closure<dyn FnMut(String)> {
        Closure::new(move |json: String| match serde_json::from_str(&json) {
            Ok(event) => on_event(event),
            Err(error) => leptos::logging::error!("editor event not understood ({error}): {json}"),
        })
    }

    /// A Tiptap editor living in `element`; destroyed when dropped.
    pub struct MountedEditor {
        handle: EditorHandle,
        _events: Closure<dyn FnMut(String)>,
    }

    impl MountedEditor {
        pub fn mount(
            element: &web_sys::HtmlElement,
            content: &str,
            editable: bool,
            on_event: impl FnMut(EditorEvent) + 'static,
        ) -> Self {
            let events = event_sink(on_event);
            let handle = mount(element, content, editable, events.as_ref().unchecked_ref());
            Self { handle, _events: events }
        }

        pub fn html(&self) -> String {
            self.handle.html()
        }

        pub fn set_content(&self, html: &str) {
            self.handle.set_content(html);
        }

        /// Runs the named command (see `EditorCommand`); false when it does not apply here.
        pub fn run(&self, command: &str, argument: &str) -> bool {
            self.handle.run(command, argument)
        }

        pub fn current_link(&self) -> String {
            self.handle.current_link()
        }

        pub fn upload_files(&self, files: &web_sys::FileList) {
            self.handle.upload_files(files);
        }
    }

    impl Drop for MountedEditor {
        fn drop(&mut self) {
            self.handle.destroy();
        }
    }

    /// Uploads to the media library with a progress report per file (the library page's picker,
    /// drop zone and paste).
    pub struct LibraryUploader {
        events: Closure<dyn FnMut(String)>,
    }

    impl LibraryUploader {
        pub fn new(on_event: impl FnMut(EditorEvent) + 'static) -> Self {
            Self { events: event_sink(on_event) }
        }

        pub fn upload(&self, files: &web_sys::FileList, alt: &str) {
            upload_to_library(files, alt, self.events.as_ref().unchecked_ref());
        }
    }
}

#[cfg(not(feature = "hydrate"))]
mod server {
    //! The server renders the frames only: no editor or uploader can exist there, which these
    //! uninhabited types state, so code that reaches one is browser code.

    pub enum MountedEditor {}

    impl MountedEditor {
        pub fn set_content(&self, _html: &str) {
            match *self {}
        }

        pub fn run(&self, _command: &str, _argument: &str) -> bool {
            match *self {}
        }

        pub fn current_link(&self) -> String {
            match *self {}
        }
    }

    pub enum LibraryUploader {}
}
