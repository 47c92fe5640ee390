//! The one HTML sanitiser for article bodies, used by the importer and (later) the editor's save.
//!
//! It keeps exactly what the editor produces and nothing a browser could execute: an allow-list
//! of elements and attributes, links limited to web, mail and phone schemes with safe `rel`
//! values, images limited to the site's own files and video frames to the players of
//! [`is_allowed_embed`] (the editor's `editor/src/video_embed.ts` produces the same addresses).

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

/// Attributes of an `<img>` in a stored body; `srcset`, `sizes`, `loading` and `decoding` are
/// written by the server when it describes the site's own images (`service::editorial::body_images`).
const IMAGE_ATTRIBUTES: [&str; 8] = ["src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"];

/// The sandbox every embedded player runs in: its own scripts, but no navigation of the page.
pub const EMBED_SANDBOX: &str = "allow-scripts allow-same-origin allow-presentation allow-popups";

static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::empty();
    builder
        .tags(ALLOWED_TAGS.into_iter().chain(["img", "iframe"]).collect())
        .generic_attributes(HashSet::new())
        .tag_attributes(HashMap::from([
            ("a", HashSet::from(["href", "title", "target"])),
            ("img", HashSet::from(IMAGE_ATTRIBUTES)),
            ("iframe", HashSet::from(["src", "title", "width", "height", "loading", "allowfullscreen"])),
            ("ol", HashSet::from(["start"])),
            ("th", HashSet::from(["colspan", "rowspan", "scope"])),
            ("td", HashSet::from(["colspan", "rowspan"])),
        ]))
        .allowed_classes(HashMap::from([
            (
                "figure",
                HashSet::from([
                    "align-left",
                    "align-center",
                    "align-right",
                    "size-small",
                    "size-medium",
                    "size-full",
                    "video-embed",
                ]),
            ),
            ("p", HashSet::from(TEXT_ALIGNMENT_CLASSES)),
            ("h2", HashSet::from(TEXT_ALIGNMENT_CLASSES)),
            ("h3", HashSet::from(TEXT_ALIGNMENT_CLASSES)),
            ("h4", HashSet::from(TEXT_ALIGNMENT_CLASSES)),
        ]))
        .set_tag_attribute_value("iframe", "sandbox", EMBED_SANDBOX)
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .url_relative(UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true)
        .attribute_filter(filter_attribute);
    builder
});

const TEXT_ALIGNMENT_CLASSES: [&str; 4] = ["text-left", "text-center", "text-right", "text-justify"];

fn filter_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    let keep = |allowed: bool| allowed.then_some(Cow::Borrowed(value));
    match (element, attribute) {
        ("img", "src") => keep(is_site_path(value)),
        ("img", "srcset") => keep(value.split(',').all(|candidate| {
            let mut parts = candidate.split_whitespace();
            parts.next().is_some_and(is_site_path)
                && parts.next().is_none_or(|width| width.strip_suffix('w').is_some_and(|w| w.parse::<u16>().is_ok()))
                && parts.next().is_none()
        })),
        ("img", "sizes") => keep(value.chars().all(|c| c.is_ascii_alphanumeric() || " ():-,.".contains(c))),
        ("img" | "iframe", "loading") => keep(matches!(value, "lazy" | "eager")),
        ("img", "decoding") => keep(matches!(value, "async" | "sync" | "auto")),
        ("iframe", "src") => keep(is_allowed_embed(value)),
        ("iframe", "allowfullscreen") => Some(Cow::Borrowed("true")),
        ("a", "target") => (value == "_blank").then_some(Cow::Borrowed(value)),
        ("img" | "iframe", "width" | "height") | ("td" | "th", "colspan" | "rowspan") | ("ol", "start") => {
            value.parse::<u16>().is_ok().then_some(Cow::Borrowed(value))
        }
        ("th", "scope") => matches!(value, "row" | "col").then_some(Cow::Borrowed(value)),
        _ => Some(Cow::Borrowed(value)),
    }
}

/// An image or frame whose address was refused lost its `src`; an empty box is no use to readers
/// (and an image without a picture needs no description). A kept player's frame is emptied: browsers
/// never show a frame's content, and as a frame's content is not parsed, the serialiser writes it
/// back raw, markup and all (found by fuzzing: `<iframe src=…>x<script>…</iframe>`).
fn settle_media_elements(mut html: String) -> String {
    for (tag, closing) in [("<iframe", "</iframe>"), ("<img", "")] {
        let mut from = 0;
        while let Some(found) = html[from..].find(tag) {
            let start = from + found;
            // Values in the serialiser's output escape `>`, so the first one ends the tag.
            let tag_end = html[start..].find('>').map_or(html.len(), |end| start + end + 1);
            // Read attribute by attribute: a value may itself look like ` src="…` (found by fuzzing).
            let inside = html[start + 1..tag_end].trim_end_matches('>');
            if crate::inspect::attributes(inside).iter().any(|(name, _)| name == "src") {
                if let Some(content) = html[tag_end..].find(closing).filter(|_| !closing.is_empty()) {
                    html.replace_range(tag_end..tag_end + content, "");
                }
                from = tag_end;
                continue;
            }
            let end = match closing {
                "" => tag_end,
                closing => html[tag_end..].find(closing).map_or(html.len(), |end| tag_end + end + closing.len()),
            };
            html.replace_range(start..end, "");
            from = start;
        }
    }
    html
}

/// A video player address from an allowed host: YouTube's privacy-enhanced player or Vimeo's,
/// with a bare video id and nothing else (no query, no other path).
pub fn is_allowed_embed(url: &str) -> bool {
    let id_of = |prefix: &str| url.strip_prefix(prefix).filter(|id| !id.is_empty() && id.len() <= 20);
    id_of("https://www.youtube-nocookie.com/embed/")
        .is_some_and(|id| id.len() >= 6 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        || id_of("https://player.vimeo.com/video/").is_some_and(|id| id.chars().all(|c| c.is_ascii_digit()))
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
    let clean = settle_media_elements(SANITIZER.clean(html).to_string());
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
        assert_eq!(sanitize_body_html(dirty), "<p>a</p>");
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

    #[test]
    fn video_players_from_allowed_hosts_are_kept_sandboxed_and_others_dropped() {
        let player = "<figure class=\"video-embed\"><iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" \
            title=\"Video\" width=\"640\" height=\"360\" loading=\"lazy\" allowfullscreen=\"\"></iframe></figure>";
        let clean = sanitize_body_html(player);
        assert!(clean.contains("src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\""), "{clean}");
        assert!(clean.contains(&format!("sandbox=\"{EMBED_SANDBOX}\"")), "{clean}");
        assert!(crate::inspect::executable_markup(&clean).is_empty(), "{clean}");
        for refused in [
            "https://evil.example/embed/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;x=javascript:1",
            "https://www.youtube-nocookie.com/embed/../../evil",
            "https://player.vimeo.com/video/12ab",
            "javascript:alert(1)",
            "//www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ] {
            let clean = sanitize_body_html(&format!(
                "<iframe src=\"{refused}\" srcdoc=\"x\" sandbox=\"allow-top-navigation\"></iframe>"
            ));
            assert!(!clean.contains("src="), "{refused}: {clean}");
            assert!(!clean.contains("srcdoc") && !clean.contains("top-navigation"), "{clean}");
        }
        assert!(is_allowed_embed("https://player.vimeo.com/video/76979871"));
    }

    #[test]
    fn a_players_frame_keeps_no_content() {
        let hidden = "<iframe src=\"https://www.youtube-nocookie.com/embed/abcdefg\" srcdoc=.<script>alert(1)</script>\">\
            text<script>alert(2)</script></iframe><p>Sau</p>";
        let clean = sanitize_body_html(hidden);
        assert_eq!(
            clean,
            format!(
                "<iframe src=\"https://www.youtube-nocookie.com/embed/abcdefg\" sandbox=\"{EMBED_SANDBOX}\"></iframe><p>Sau</p>"
            )
        );
        assert_eq!(crate::inspect::executable_markup(&clean), Vec::<String>::new());
    }

    #[test]
    fn a_refused_frame_whose_title_quotes_a_player_address_is_removed() {
        let crafted = "<iframe src=\"https://www.youtube-noitle<\"&qalert(1\t&p title=\"&qacookie.com/e \
            src=\"https://www.youtube-noitle<\"&qalert(1\t&p title=\"nload=\"alert(1)\"><g\" sandb";
        let clean = sanitize_body_html(crafted);
        assert_eq!(crate::inspect::executable_markup(&clean), Vec::<String>::new(), "{clean}");
        assert_eq!(sanitize_body_html(&clean), clean);
    }

    #[test]
    fn image_sizes_are_kept_only_for_site_paths() {
        let described = "<img src=\"/media/a.jpg\" alt=\"x\" width=\"1200\" height=\"800\" \
            srcset=\"/media/a-480.webp 480w, /media/a-960.webp 960w\" sizes=\"(max-width: 760px) 100vw, 760px\" \
            loading=\"lazy\" decoding=\"async\">";
        assert_eq!(sanitize_body_html(described), described);
        assert_eq!(
            sanitize_body_html(
                "<img src=\"/a.jpg\" srcset=\"https://evil.example/x.jpg 480w\" sizes=\"x;y\" loading=\"soon\">"
            ),
            "<img src=\"/a.jpg\">"
        );
        assert_eq!(sanitize_body_html("<p>a<img alt=\"x\">b<img src=\"javascript:x\"></p>"), "<p>ab</p>");
    }
}
