//! Building URLs.

/// Percent-encodes `value` for a query string or path segment (spaces as `+`).
pub fn encode_component(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => encoded.push(byte as char),
            b' ' => encoded.push('+'),
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
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
