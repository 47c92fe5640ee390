//! Any text as a search query, and any text to highlight its terms in: at most eight distinct,
//! non-empty, already folded terms, and highlighting gives back exactly the original text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use text::{fold_diacritics, highlight, search_terms};

fuzz_target!(|input: (&str, &str)| {
    let (query, title) = input;
    let terms = search_terms(query);
    assert!(terms.len() <= 8);
    for (index, term) in terms.iter().enumerate() {
        assert!(!term.is_empty() && term.chars().all(char::is_alphanumeric), "{query:?} → {term:?}");
        assert_eq!(&fold_diacritics(term), term, "{query:?}");
        assert!(!terms[..index].contains(term), "{query:?}: {term:?} twice");
    }
    let rebuilt: String = highlight(title, &terms).into_iter().map(|segment| segment.text).collect();
    assert_eq!(rebuilt, title);
});
