use leptos::prelude::*;

/// A schema.org description of the page, as search engines read it.
#[component]
pub fn StructuredData(data: serde_json::Value) -> impl IntoView {
    view! { <script type="application/ld+json" inner_html=script_text(&data)></script> }
}

/// Inside `<script>` the HTML parser still reacts to `</script` and `<!--`; JSON may spell the
/// characters as escapes instead, so editors' text can never end or confuse the element.
fn script_text(data: &serde_json::Value) -> String {
    data.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_end_the_script_element() {
        let data = serde_json::json!({ "name": "</script><script>alert(1)</script> & <!--" });
        let text = script_text(&data);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'), "{text}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), data);
    }
}
