//! Finds what in a page or a stored body a browser would execute. The tests of the portal and the
//! fuzz targets of the sanitiser use it, so both judge markup by the same rules.
//!
//! The scan is lexical, which is exact for the markup this project serialises (html5ever escapes
//! every `<` in text and every quote in attribute values). Attribute values are decoded and cleaned
//! as a browser does before it looks at a URL's scheme, so `&#106;avascript:` and `java\tscript:`
//! count as `javascript:`.

use crate::decode_entities;
use crate::sanitize::is_allowed_embed;

const URL_ATTRIBUTES: [&str; 7] = ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster"];
const FRAMES_AND_PLUGINS: [&str; 7] = ["iframe", "frame", "frameset", "object", "embed", "applet", "base"];
const EXECUTABLE_SCHEMES: [&str; 3] = ["javascript:", "vbscript:", "data:"];

/// The tags in `html` a browser would execute although the page's policy means to forbid them:
/// scripts without the page's nonce (JSON-LD data blocks are not scripts), inline event handlers,
/// `javascript:`/`vbscript:`/`data:` addresses, frames and plugins (except a sandboxed player from
/// an allowed video host), `<base>` and `<meta http-equiv>`.
pub fn executable_markup(html: &str) -> Vec<String> {
    let nonce = html.find("nonce=\"").map(|start| {
        let start = start + "nonce=\"".len();
        html[start..start + html[start..].find('"').unwrap_or(0)].to_owned()
    });
    let mut found = Vec::new();
    for tag in html.split('<').skip(1).filter_map(|rest| rest.split('>').next()) {
        let lower = tag.to_lowercase();
        let name = lower.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or_default();
        let attributes = attributes(&lower);
        let nonced = nonce.as_ref().is_some_and(|n| tag.contains(&format!("nonce=\"{n}\"")));
        let data_block =
            attributes.iter().any(|(attribute, value)| attribute == "type" && value == "application/ld+json");
        let executes = (name == "script" && !nonced && !data_block)
            || (FRAMES_AND_PLUGINS.contains(&name) && !allowed_player(&attributes))
            || (name == "meta" && attributes.iter().any(|(attribute, _)| attribute == "http-equiv"))
            || attributes.iter().any(|(attribute, value)| {
                (attribute.len() > 2 && attribute.starts_with("on"))
                    || (URL_ATTRIBUTES.contains(&attribute.as_str())
                        && EXECUTABLE_SCHEMES.iter().any(|scheme| url_as_browser_reads(value).starts_with(scheme)))
            });
        if executes {
            found.push(format!("<{tag}>"));
        }
    }
    found
}

fn allowed_player(attributes: &[(String, String)]) -> bool {
    let value =
        |name: &str| attributes.iter().find(|(attribute, _)| attribute == name).map(|(_, value)| value.as_str());
    value("src").is_some_and(is_allowed_embed)
        && value("sandbox")
            .is_some_and(|sandbox| sandbox.split_whitespace().all(|flag| !flag.contains("top-navigation")))
        && value("srcdoc").is_none()
}

/// The attributes of a tag's inside (`a href="x" title='y z' hidden`), values with entities decoded.
pub(crate) fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut chars = tag.chars().skip_while(|c| !c.is_whitespace() && *c != '/').peekable();
    let mut found = Vec::new();
    loop {
        while chars.next_if(|c| c.is_whitespace() || *c == '/').is_some() {}
        let name: String = std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=')).collect();
        if name.is_empty() {
            return found;
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            match chars.next_if(|c| *c == '"' || *c == '\'') {
                Some(quote) => value.extend(std::iter::from_fn(|| chars.next_if(|c| *c != quote))),
                None => value.extend(std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace()))),
            }
            chars.next();
        }
        found.push((name, decode_entities(&value)));
    }
}

/// A URL as the browser's URL parser sees its scheme: leading and trailing spaces and control
/// characters removed, tabs and line breaks removed everywhere, lower case.
fn url_as_browser_reads(value: &str) -> String {
    value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_scripts_handlers_and_executable_addresses() {
        let page = "<script nonce=\"abc\">ok()</script><script type=\"application/ld+json\">{}</script>\
            <script>bad()</script><img src=x onerror=\"bad()\"><a href=\" &#106;ava\tscript:bad()\">x</a>\
            <a href=\"https://thanhhoa.gov.vn\">ok</a><iframe src=\"/x\"></iframe><svg/onload=bad()>";
        assert_eq!(
            executable_markup(page),
            [
                "<script>",
                "<img src=x onerror=\"bad()\">",
                "<a href=\" &#106;ava\tscript:bad()\">",
                "<iframe src=\"/x\">",
                "<svg/onload=bad()>"
            ]
        );
    }

    #[test]
    fn text_that_only_mentions_code_is_harmless() {
        assert!(executable_markup("<p>onclick=alert(1) &lt;script&gt; javascript:x</p>").is_empty());
    }
}
