//! Any text as an article body: the sanitiser never panics, never lets through anything a browser
//! would execute, and cleaning its output again changes nothing (no mutation XSS on reparse).
#![no_main]

use libfuzzer_sys::fuzz_target;
use text::inspect::executable_markup;
use text::sanitize::sanitize_body_html;

fuzz_target!(|body: &str| {
    let clean = sanitize_body_html(body);
    assert_eq!(executable_markup(&clean), Vec::<String>::new(), "{body:?} → {clean:?}");
    assert_eq!(sanitize_body_html(&clean), clean, "not stable: {body:?}");
    let _ = text::html_to_text(&clean);
});
