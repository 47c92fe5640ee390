//! The one HTML sanitiser for article bodies, used by the importer and (later) the editor's save.
//!
//! It keeps exactly what the editor produces and nothing a browser could execute: an allow-list
//! of elements and attributes, links limited to web, mail and phone schemes with safe `rel`
//! values, and images limited to the site's own files.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::{Builder, UrlRelative};

const ALLOWED_TAGS: [&str; 29] = [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "hr",
    "figure",
    "figcaption",
];

static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::empty();
    builder
        .tags(ALLOWED_TAGS.into_iter().chain(["img"]).collect())
        .generic_attributes(HashSet::new())
        .tag_attributes(HashMap::from([
            ("a", HashSet::from(["href", "title", "target"])),
            ("img", HashSet::from(["src", "alt", "width", "height"])),
            ("ol", HashSet::from(["start"])),
            ("th", HashSet::from(["colspan", "rowspan", "scope"])),
            ("td", HashSet::from(["colspan", "rowspan"])),
        ]))
        .allowed_classes(HashMap::from([
            (
                "figure",
                HashSet::from(["align-left", "align-center", "align-right", "size-small", "size-medium", "size-full"]),
            ),
            ("p", HashSet::from(["text-left", "text-center", "text-right", "text-justify"])),
        ]))
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .url_relative(UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true)
        .attribute_filter(filter_attribute);
    builder
});

fn filter_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    match (element, attribute) {
        ("img", "src") => is_site_path(value).then_some(Cow::Borrowed(value)),
        ("a", "target") => (value == "_blank").then_some(Cow::Borrowed(value)),
        ("img", "width" | "height") | ("td" | "th", "colspan" | "rowspan") | ("ol", "start") => {
            value.parse::<u16>().is_ok().then_some(Cow::Borrowed(value))
        }
        ("th", "scope") => matches!(value, "row" | "col").then_some(Cow::Borrowed(value)),
        _ => Some(Cow::Borrowed(value)),
    }
}

/// A path on this site, such as `/media/anh.jpg`: not protocol-relative, no scheme, no backslash.
pub fn is_site_path(url: &str) -> bool {
    url.starts_with('/')
        && !url.starts_with("//")
        && !url.contains('\\')
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// Cleans article body HTML to the allow-list. The result is a fixed point: cleaning it again
/// changes nothing, so a browser parsing it builds exactly the tree that was checked.
pub fn sanitize_body_html(html: &str) -> String {
    // Removing a disallowed element keeps its children, which can leave markup that parses into
    // another tree (an `<h2>` that was inside an unknown element inside an `<h2>` becomes its
    // sibling); cleaning again settles it, in practice after one more pass.
    let mut clean = clean_once(html);
    for _ in 0..MAX_EXTRA_PASSES {
        let again = clean_once(&clean);
        if again == clean {
            break;
        }
        clean = again;
    }
    clean
}

const MAX_EXTRA_PASSES: usize = 3;

fn clean_once(html: &str) -> String {
    let clean = SANITIZER.clean(html).to_string();
    // A character reference can put a carriage return into text or an attribute, and the
    // serialiser writes it raw; a browser reads it as a line feed, so write what it will read.
    if clean.contains('\r') { clean.replace("\r\n", "\n").replace('\r', "\n") } else { clean }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_markup_an_article_uses() {
        let html = "<h2>Tiêu đề</h2><p class=\"text-center\">Đoạn <strong>đậm</strong> và <em>nghiêng</em></p>\
            <figure class=\"align-center\"><img src=\"/media/anh.jpg\" alt=\"Ảnh\" width=\"800\" height=\"533\">\
            <figcaption>Ảnh: Đ/c Lê Hải Quân phát biểu</figcaption></figure>\
            <table><thead><tr><th scope=\"col\">A</th></tr></thead><tbody><tr><td colspan=\"2\">1</td></tr></tbody></table>";
        assert_eq!(sanitize_body_html(html), html);
    }

    #[test]
    fn links_get_safe_rel_and_only_safe_schemes() {
        assert_eq!(
            sanitize_body_html("<a href=\"https://thanhhoa.gov.vn\" target=\"_blank\">Cổng</a>"),
            "<a href=\"https://thanhhoa.gov.vn\" target=\"_blank\" rel=\"noopener noreferrer\">Cổng</a>"
        );
        assert_eq!(
            sanitize_body_html("<a href=\"javascript:alert(1)\" target=\"_top\">x</a>"),
            "<a rel=\"noopener noreferrer\">x</a>"
        );
    }

    #[test]
    fn removes_scripts_handlers_styles_and_foreign_images() {
        let dirty = "<p onclick=\"alert(1)\" style=\"color:red\">a<script>alert(1)</script></p>\
            <img src=\"https://evil.example/x.png\" onerror=\"alert(1)\">\
            <img src=\"//evil.example/x.png\"><img src=\"data:image/png;base64,AAAA\">\
            <iframe src=\"https://evil.example\"></iframe><svg><script>alert(1)</script></svg>";
        assert_eq!(sanitize_body_html(dirty), "<p>a</p><img><img><img>");
    }

    #[test]
    fn carriage_returns_are_written_as_the_line_feeds_a_browser_reads() {
        let clean = sanitize_body_html("<a href=\"/a&#x0D;b\" title=\"x&#13;&#10;y\">c&#13;d</a>");
        assert_eq!(clean, "<a href=\"/a\nb\" title=\"x\ny\" rel=\"noopener noreferrer\">c\nd</a>");
        assert_eq!(sanitize_body_html(&clean), clean);
    }

    #[test]
    fn markup_that_would_parse_differently_is_settled() {
        let clean = sanitize_body_html("<h2>a<custom-element>b<h2>c</h2></custom-element></h2>");
        assert_eq!(clean, "<h2>ab</h2><h2>c</h2>");
        assert_eq!(sanitize_body_html(&clean), clean);
    }

    #[test]
    fn unknown_classes_and_bad_numbers_are_dropped() {
        assert_eq!(
            sanitize_body_html("<figure class=\"align-left evil\"><img src=\"/a.png\" width=\"100%\"></figure>"),
            "<figure class=\"align-left\"><img src=\"/a.png\"></figure>"
        );
    }
}
