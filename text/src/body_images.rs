//! The `<img>` tags of a sanitised article body: which files they show, which lack a description,
//! and rewriting them with the sizes a browser needs to pick a variant and reserve space.
//!
//! Works on the sanitiser's output, where every attribute value is double-quoted with `"`, `&`,
//! `<` and `>` escaped.

use crate::decode_entities;

/// What the server knows about one of the site's images.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageDescription {
    pub width: u32,
    pub height: u32,
    /// `url width` pairs, narrowest first.
    pub variants: Vec<(String, u32)>,
}

/// The width an article body is laid out at on wide screens (`.article-body` in style/main.css).
pub const BODY_SIZES: &str = "(max-width: 760px) 100vw, 760px";

struct ImgTag<'a> {
    start: usize,
    end: usize,
    attributes: Vec<(&'a str, String)>,
}

fn img_tags(html: &str) -> Vec<ImgTag<'_>> {
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(found) = html[from..].find("<img") {
        let start = from + found;
        let mut quoted = false;
        let mut end = html.len();
        for (offset, c) in html[start..].char_indices() {
            match c {
                '"' => quoted = !quoted,
                '>' if !quoted => {
                    end = start + offset + 1;
                    break;
                }
                _ => {}
            }
        }
        tags.push(ImgTag { start, end, attributes: attributes(&html[start + 4..end - 1]) });
        from = end;
    }
    tags
}

fn attributes(inside: &str) -> Vec<(&str, String)> {
    let mut found = Vec::new();
    let mut rest = inside.trim_start();
    while !rest.is_empty() && rest != "/" {
        let name_end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = &rest[name_end..];
        let value = match rest.strip_prefix("=\"") {
            Some(quoted) => {
                let close = quoted.find('"').unwrap_or(quoted.len());
                rest = quoted.get(close + 1..).unwrap_or("");
                decode_entities(&quoted[..close])
            }
            None => String::new(),
        };
        found.push((name, value));
        rest = rest.trim_start();
    }
    found
}

fn attribute<'t>(tag: &'t ImgTag<'_>, name: &str) -> Option<&'t str> {
    tag.attributes.iter().find(|(n, _)| *n == name).map(|(_, value)| value.as_str())
}

/// The `src` of every image, in order.
pub fn image_sources(html: &str) -> Vec<String> {
    img_tags(html).iter().filter_map(|tag| attribute(tag, "src").map(str::to_owned)).collect()
}

/// How many images have no description for people who cannot see them.
pub fn images_without_alt(html: &str) -> usize {
    img_tags(html).iter().filter(|tag| attribute(tag, "alt").is_none_or(|alt| alt.trim().is_empty())).count()
}

/// Escapes an attribute value as the sanitiser's serialiser does, so its output stays a fixed point.
fn escape(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Rewrites every image: `src` and `alt` as they were, then `width`/`height` and a `srcset` with
/// `sizes` from `describe` (when it knows the file), and lazy, asynchronous decoding for all.
pub fn describe_images(html: &str, mut describe: impl FnMut(&str) -> Option<ImageDescription>) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut copied = 0;
    for tag in img_tags(html) {
        out.push_str(&html[copied..tag.start]);
        copied = tag.end;
        let src = attribute(&tag, "src");
        let mut rebuilt = String::from("<img");
        for name in ["src", "alt"] {
            if let Some(value) = attribute(&tag, name) {
                rebuilt.push_str(&format!(" {name}=\"{}\"", escape(value)));
            }
        }
        match src.and_then(&mut describe) {
            Some(description) => {
                rebuilt.push_str(&format!(" width=\"{}\" height=\"{}\"", description.width, description.height));
                if !description.variants.is_empty() {
                    let srcset: Vec<String> =
                        description.variants.iter().map(|(url, width)| format!("{url} {width}w")).collect();
                    rebuilt.push_str(&format!(" srcset=\"{}\" sizes=\"{BODY_SIZES}\"", escape(&srcset.join(", "))));
                }
            }
            None => {
                for name in ["width", "height"] {
                    if let Some(value) = attribute(&tag, name) {
                        rebuilt.push_str(&format!(" {name}=\"{}\"", escape(value)));
                    }
                }
            }
        }
        rebuilt.push_str(" loading=\"lazy\" decoding=\"async\">");
        out.push_str(&rebuilt);
    }
    out.push_str(&html[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sanitize::sanitize_body_html;

    fn photo(src: &str) -> Option<ImageDescription> {
        (src == "/media/anh.jpg").then(|| ImageDescription {
            width: 1200,
            height: 800,
            variants: vec![("/media/anh-480.webp".into(), 480), ("/media/anh-960.webp".into(), 960)],
        })
    }

    #[test]
    fn known_images_get_sizes_and_variants_and_every_image_loads_lazily() {
        let body = sanitize_body_html(
            "<figure><img src=\"/media/anh.jpg\" alt=\"Đ/c &quot;A&quot; > B\"><figcaption>Ảnh: X</figcaption></figure>\
             <p><img src=\"/cu/anh.png\" alt=\"\" width=\"40\"></p>",
        );
        let described = describe_images(&body, photo);
        assert_eq!(
            described,
            "<figure><img src=\"/media/anh.jpg\" alt=\"Đ/c &quot;A&quot; &gt; B\" width=\"1200\" height=\"800\" \
             srcset=\"/media/anh-480.webp 480w, /media/anh-960.webp 960w\" sizes=\"(max-width: 760px) 100vw, 760px\" \
             loading=\"lazy\" decoding=\"async\"><figcaption>Ảnh: X</figcaption></figure>\
             <p><img src=\"/cu/anh.png\" alt=\"\" width=\"40\" loading=\"lazy\" decoding=\"async\"></p>"
        );
        // What is stored is what the sanitiser keeps, and describing again changes nothing.
        assert_eq!(sanitize_body_html(&described), described);
        assert_eq!(describe_images(&described, photo), described);
    }

    #[test]
    fn sources_and_missing_descriptions_are_found() {
        let body = "<p>a</p><img src=\"/media/a.jpg\" alt=\"Cầu Hàm Rồng\"><img src=\"/media/b.jpg\" alt=\" \"><img src=\"/c.png\">";
        assert_eq!(image_sources(body), ["/media/a.jpg", "/media/b.jpg", "/c.png"]);
        assert_eq!(images_without_alt(body), 2);
        assert_eq!(images_without_alt("<p>no images</p>"), 0);
    }
}
