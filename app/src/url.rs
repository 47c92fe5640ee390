//! Building URLs.

/// Percent-encodes `value` for a query string or a form (`application/x-www-form-urlencoded`:
/// spaces as `+`).
pub fn encode_component(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_and_vietnamese_characters_are_encoded() {
        assert_eq!(encode_component("Đảng bộ & chi bộ"), "%C4%90%E1%BA%A3ng+b%E1%BB%99+%26+chi+b%E1%BB%99");
        assert_eq!(encode_component("https://a.vn/x?y=1"), "https%3A%2F%2Fa.vn%2Fx%3Fy%3D1");
    }
}
