//! Any text as a title: its slug is empty or well-formed (so it can never name a path outside the
//! site), and a slug is its own slug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use text::{is_valid_slug, slugify};

fuzz_target!(|title: &str| {
    let slug = slugify(title);
    assert!(slug.is_empty() || slug.len() > 200 || is_valid_slug(&slug), "{title:?} → {slug:?}");
    assert_eq!(slugify(&slug), slug, "{title:?}");
    if is_valid_slug(title) {
        assert_eq!(slugify(title), title);
    }
});
