//! Known XSS vectors (OWASP's filter-evasion list, mutation-XSS through SVG/MathML/`<noscript>`,
//! encoded and split schemes, handlers on every kind of element) through the body sanitiser:
//! nothing a browser would execute survives, the output is stable when cleaned again (so a second
//! parse by the browser cannot turn it into something else), links keep safe `rel` values and
//! images point only at the site's own files.

use text::inspect::executable_markup;
use text::sanitize::{EMBED_SANDBOX, is_allowed_embed, sanitize_body_html};

const VECTORS: &str = include_str!("xss-vectors.txt");

fn attribute_values<'h>(html: &'h str, attribute: &str) -> Vec<&'h str> {
    let marker = format!(" {attribute}=\"");
    html.match_indices(&marker)
        .map(|(at, _)| {
            let value = &html[at + marker.len()..];
            &value[..value.find('"').unwrap_or(value.len())]
        })
        .collect()
}

#[test]
fn no_vector_survives_in_an_executable_form() {
    let vectors: Vec<&str> = VECTORS.lines().filter(|line| !line.is_empty()).collect();
    assert!(vectors.len() > 90, "the corpus is read whole");
    for vector in vectors {
        let clean = sanitize_body_html(vector);
        assert_eq!(executable_markup(&clean), Vec::<String>::new(), "{vector} → {clean}");
        assert_eq!(sanitize_body_html(&clean), clean, "cleaning again changes the output of {vector}");
        assert!(!clean.contains(" style="), "{vector} → {clean}");
        for forbidden in [
            "<script",
            "<style",
            "<svg",
            "<math",
            "<object",
            "<embed",
            "<form",
            "<input",
            "<base",
            "<meta",
            "<link",
            "<template",
            "<noscript",
        ] {
            assert!(!clean.to_lowercase().contains(forbidden), "{vector} → {clean}");
        }
        // Pictures from the site itself; frames only the sandboxed players of the allowed hosts
        // (`executable_markup` above refuses any other frame).
        for src in attribute_values(&clean, "src") {
            let site_path = src.starts_with('/') && !src.starts_with("//") && !src.contains('\\');
            assert!(site_path || is_allowed_embed(src), "{vector} → {clean}");
        }
        assert_eq!(clean.matches("<iframe").count(), clean.matches(EMBED_SANDBOX).count(), "{vector} → {clean}");
        let links = clean.matches("<a ").count() + clean.matches("<a>").count();
        assert_eq!(attribute_values(&clean, "rel"), vec!["noopener noreferrer"; links], "{vector} → {clean}");
    }
}

#[test]
fn the_checks_above_would_catch_a_sanitiser_that_lets_things_through() {
    // The same checks on the raw vectors: if they passed these, the test above would prove nothing.
    let caught = VECTORS.lines().filter(|vector| !executable_markup(vector).is_empty()).count();
    assert!(caught >= 60, "only {caught} raw vectors are recognised as executable");
}

#[test]
fn what_editors_write_is_kept() {
    let article = "<p>Sáng 26/12, Đảng bộ Sở Thông tin và Truyền thông tổ chức hội nghị.</p>\
        <figure class=\"align-center\"><img src=\"/media/hoi-nghi-960.webp\" alt=\"Hội nghị\">\
        <figcaption>Ảnh: Đ/c Lê Hải Quân phát biểu</figcaption></figure>\
        <p><a href=\"https://thanhhoa.gov.vn\" rel=\"noopener noreferrer\">Cổng thông tin</a></p>";
    assert_eq!(sanitize_body_html(article), article);
}
