use leptos::config::LeptosOptions;
use leptos::prelude::*;
use std::sync::OnceLock;

/// The reader pages' script (`reader_script.js`): page-view count, text size, the islands and
/// in-document navigation. Reader pages are rendered in islands mode: nothing outside an island is
/// marked for hydration and no page data is sent for it, so the HTML carries only what readers see.
#[component]
pub fn ReaderScript(options: LeptosOptions) -> impl IntoView {
    // The islands switch hydration back on for their own contents.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let bundle = islands_bundle(&options);
    view! {
        // Fetched early at low priority: needed only once the page is idle, never for its first paint.
        <link rel="modulepreload" href=bundle.script.as_str() fetchpriority="low"/>
        <link rel="preload" href=bundle.wasm.as_str() r#as="fetch" r#type="application/wasm" crossorigin="" fetchpriority="low"/>
        <script nonce=use_nonce() inner_html=bundle.inline_script.as_str()></script>
    }
}

struct IslandsBundle {
    script: String,
    wasm: String,
    /// `reader_script.js` called with the bundle's two addresses.
    inline_script: String,
}

/// The addresses of the readers' bundle (the `frontend` crate's JavaScript and WebAssembly). In a
/// release build their names carry their content hash, listed in the hash file beside the server
/// binary; they cannot change while the server runs, so the file is read and the script written once.
fn islands_bundle(options: &LeptosOptions) -> &'static IslandsBundle {
    static BUNDLE: OnceLock<IslandsBundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let hashes = options.hash_files.then(|| hash_file_contents(options)).flatten().unwrap_or_default();
        let hashed = |kind: &str| {
            hashes
                .lines()
                .find_map(|line| line.trim().strip_prefix(kind)?.strip_prefix(':'))
                .map(|hash| format!(".{}", hash.trim()))
                .unwrap_or_default()
        };
        let path = |extension: &str, kind: &str| {
            format!("/{}/{}{}.{extension}", options.site_pkg_dir, options.output_name, hashed(kind))
        };
        let (script, wasm) = (path("js", "js"), path("wasm", "wasm"));
        let inline_script = format!("{}({script:?},{wasm:?});", include_str!("reader_script.js").trim_end());
        IslandsBundle { script, wasm, inline_script }
    })
}

fn hash_file_contents(options: &LeptosOptions) -> Option<String> {
    let binary = std::env::current_exe().ok()?;
    std::fs::read_to_string(binary.parent()?.join(options.hash_file.as_ref())).ok()
}
