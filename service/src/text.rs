//! Text helpers for Vietnamese: folding diacritics for search and slugs, and plain text from HTML.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases `text` and removes Vietnamese diacritics, including đ → d, so that
/// "Đảng bộ Thanh Hóa" and "dang bo thanh hoa" fold to the same string.
pub fn fold_diacritics(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// A URL slug from a title: folded, ASCII letters and digits joined by single hyphens.
pub fn slugify(title: &str) -> String {
    let folded = fold_diacritics(title);
    let mut slug = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Whether `slug` is a well-formed slug: non-empty, lower-case ASCII letters, digits and single inner hyphens.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 200
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The visible text of sanitised HTML, with tags removed, entities decoded and white space collapsed.
/// Expects the sanitiser's output, where every `<` in text is escaped.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(['<', '&']) {
        text.push_str(&rest[..start]);
        rest = &rest[start..];
        if rest.starts_with('<') {
            // A tag ends a word: "<p>a</p><p>b</p>" reads "a b".
            text.push(' ');
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
        } else {
            let (decoded, used) = decode_entity(rest);
            text.push_str(&decoded);
            rest = &rest[used..];
        }
    }
    text.push_str(rest);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entity(at: &str) -> (String, usize) {
    let Some(end) = at.find(';').filter(|&end| end <= 10) else {
        return ("&".into(), 1);
    };
    let name = &at[1..end];
    let decoded = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => name
            .strip_prefix("#x")
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
            .and_then(char::from_u32),
    };
    match decoded {
        Some(c) => (c.to_string(), end + 1),
        None => ("&".into(), 1),
    }
}

/// The folded text an article is searched by.
pub fn search_text(title: &str, summary: &str, body_html: &str) -> String {
    fold_diacritics(&format!("{title} {summary} {}", html_to_text(body_html)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_every_vietnamese_mark_and_d_stroke() {
        assert_eq!(fold_diacritics("Đảng bộ"), "dang bo");
        assert_eq!(fold_diacritics("Thanh Hóa"), "thanh hoa");
        assert_eq!(
            fold_diacritics("Ủy ban nhân dân tỉnh"),
            "uy ban nhan dan tinh"
        );
        assert_eq!(
            fold_diacritics("ĐỒNG CHÍ ĐỖ HỮU QUYẾT"),
            "dong chi do huu quyet"
        );
        assert_eq!(fold_diacritics("ăâêôơư ẮẰẲẴẶ"), "aaeoou aaaaa");
    }

    #[test]
    fn folding_accepts_precomposed_and_decomposed_input_alike() {
        let precomposed = "Hóa";
        let decomposed = "Ho\u{0301}a";
        assert_eq!(fold_diacritics(precomposed), fold_diacritics(decomposed));
    }

    #[test]
    fn slug_of_the_seed_article_title() {
        assert_eq!(
            slugify(
                "Hội nghị tổng kết công tác Đảng năm 2022 và triển khai nhiệm vụ công tác năm 2023"
            ),
            "hoi-nghi-tong-ket-cong-tac-dang-nam-2022-va-trien-khai-nhiem-vu-cong-tac-nam-2023"
        );
    }

    #[test]
    fn slug_collapses_punctuation_and_trims_hyphens() {
        assert_eq!(slugify("  Tin tức - Sự kiện!  "), "tin-tuc-su-kien");
        assert_eq!(slugify("TT&TT: 100% hoàn thành"), "tt-tt-100-hoan-thanh");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn slug_validation() {
        assert!(is_valid_slug("tin-tuc-2023"));
        assert!(!is_valid_slug(""));
        assert!(!is_valid_slug("Tin-tuc"));
        assert!(!is_valid_slug("tin--tuc"));
        assert!(!is_valid_slug("-tin"));
        assert!(!is_valid_slug("tin tuc"));
        assert!(!is_valid_slug("../etc"));
    }

    #[test]
    fn html_to_text_separates_blocks_and_decodes_entities() {
        assert_eq!(
            html_to_text(
                "<p>Ngày 26/12&amp;27</p><figure><img src=\"/a.svg\" alt=\"x\"><figcaption>Ảnh: Đ/c&nbsp;A</figcaption></figure>"
            ),
            "Ngày 26/12&27 Ảnh: Đ/c A"
        );
        assert_eq!(
            html_to_text("a &#7843; &#x1EA3; &bogus b"),
            "a ả ả &bogus b"
        );
    }
}
