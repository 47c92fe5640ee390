//! Text helpers for Vietnamese: folding diacritics for search and slugs, search terms, plain text
//! from HTML; the body HTML sanitiser and its images' descriptions; and the check for executable markup the tests and fuzz
//! targets judge HTML by.

pub mod body_images;
pub mod inspect;
pub mod sanitize;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Lower-cases `text` and removes Vietnamese diacritics, including đ → d, so that
/// "Đảng bộ Thanh Hóa" and "dang bo thanh hoa" fold to the same string.
///
/// Each character is decomposed on its own (canonical decomposition, marks dropped) rather than
/// through a normalising iterator: marks are dropped anyway, so their canonical order does not
/// matter, and search ranks a thousand titles and leads per query with this.
pub fn fold_diacritics(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
            continue;
        }
        decompose_canonical(c, |part| {
            if !is_combining_mark(part) {
                folded.extend(part.to_lowercase().map(|lower| if lower == 'đ' { 'd' } else { lower }));
            }
        });
    }
    folded
}

/// The words of folded text: runs of letters and digits.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// A file size as people say it in Vietnamese: "850 KB", "2,4 MB".
pub fn file_size(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{} KB", bytes.div_ceil(1000))
    } else {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

/// Query words beyond this are ignored: long pasted text would only slow the query down.
const MAX_SEARCH_TERMS: usize = 8;

/// The folded, distinct words of a search query, at most eight.
pub fn search_terms(query: &str) -> Vec<String> {
    let folded = fold_diacritics(query);
    let mut terms: Vec<String> = Vec::new();
    for word in words(&folded) {
        if !terms.iter().any(|t| t == word) {
            terms.push(word.to_owned());
        }
    }
    terms.truncate(MAX_SEARCH_TERMS);
    terms
}

/// A part of a text, marked when it matched a search term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub matched: bool,
}

/// Splits `text` into segments, marking every word that starts with one of the folded `terms`,
/// ignoring case and diacritics ("dang" marks the "Đảng" of "Đảng bộ").
pub fn highlight(text: &str, terms: &[String]) -> Vec<Segment> {
    // Fold char by char, remembering which original byte each folded byte came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (index, c) in text.char_indices() {
        let before = folded.len();
        folded.push_str(&fold_diacritics(c.encode_utf8(&mut [0; 4])));
        origin.extend(std::iter::repeat_n(index, folded.len() - before));
    }
    let mut marked = vec![false; text.len()];
    for term in terms.iter().filter(|t| !t.is_empty()) {
        for (start, _) in folded.match_indices(term.as_str()) {
            let at_word_start = folded[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            if !at_word_start {
                continue;
            }
            // Mark whole original characters: "ket" marks all of "kết".
            let from = origin[start];
            let last = origin[start + term.len() - 1];
            let to = last + text[last..].chars().next().map_or(0, char::len_utf8);
            marked[from..to].iter_mut().for_each(|m| *m = true);
        }
    }
    let mut segments: Vec<Segment> = Vec::new();
    for (index, c) in text.char_indices() {
        let matched = marked[index];
        match segments.last_mut() {
            Some(last) if last.matched == matched => last.text.push(c),
            _ => segments.push(Segment { text: c.to_string(), matched }),
        }
    }
    segments
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
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
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

/// `value` with its character references decoded, as a browser reads an attribute.
fn decode_entities(value: &str) -> String {
    let mut decoded = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(start) = rest.find('&') {
        decoded.push_str(&rest[..start]);
        let (text, used) = decode_entity(&rest[start..]);
        decoded.push_str(&text);
        rest = &rest[start + used..];
    }
    decoded.push_str(rest);
    decoded
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

/// The folded words an article is searched by, with a space before and after every word, so that
/// `LIKE '% term%'` finds the words that start with `term`.
pub fn search_text(title: &str, summary: &str, body_html: &str) -> String {
    let folded = fold_diacritics(&format!("{title} {summary} {}", html_to_text(body_html)));
    let mut text = String::with_capacity(folded.len() + 2);
    text.push(' ');
    for word in words(&folded) {
        text.push_str(word);
        text.push(' ');
    }
    text
}

#[cfg(test)]
mod tests {
    use unicode_normalization::UnicodeNormalization;

    use super::*;

    /// The definition `fold_diacritics` is a faster form of: normalise, drop marks, lower-case.
    fn fold_by_normalising(text: &str) -> String {
        text.nfd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .map(|c| if c == 'đ' { 'd' } else { c })
            .collect()
    }

    #[test]
    fn folding_char_by_char_equals_normalising_the_whole_text() {
        let vietnamese = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
        let samples = [
            vietnamese.to_owned(),
            vietnamese.to_uppercase(),
            vietnamese.nfd().collect::<String>(),
            vietnamese.to_uppercase().nfd().collect::<String>(),
            "İstanbul Ωμέγα 한국어 ﬁ ẞ 中文 ½ Ⅻ e\u{301}\u{323} a\u{323}\u{302}".to_owned(),
        ];
        for sample in samples {
            assert_eq!(fold_diacritics(&sample), fold_by_normalising(&sample), "{sample}");
        }
    }

    #[test]
    fn folding_removes_every_vietnamese_mark_and_d_stroke() {
        assert_eq!(fold_diacritics("Đảng bộ"), "dang bo");
        assert_eq!(fold_diacritics("Thanh Hóa"), "thanh hoa");
        assert_eq!(fold_diacritics("Ủy ban nhân dân tỉnh"), "uy ban nhan dan tinh");
        assert_eq!(fold_diacritics("ĐỒNG CHÍ ĐỖ HỮU QUYẾT"), "dong chi do huu quyet");
        assert_eq!(fold_diacritics("ăâêôơư ẮẰẲẴẶ"), "aaeoou aaaaa");
    }

    #[test]
    fn folding_accepts_precomposed_and_decomposed_input_alike() {
        let precomposed = "Hóa";
        let decomposed = "Ho\u{0301}a";
        assert_eq!(fold_diacritics(precomposed), fold_diacritics(decomposed));
    }

    #[test]
    fn file_sizes_read_as_people_say_them() {
        assert_eq!(file_size(850_000), "850 KB");
        assert_eq!(file_size(1), "1 KB");
        assert_eq!(file_size(2_440_000), "2,4 MB");
        assert_eq!(file_size(20_000_000), "20,0 MB");
    }

    #[test]
    fn search_terms_are_folded_distinct_words() {
        assert_eq!(search_terms("  Đảng bộ, ĐẢNG   Thanh-Hóa "), ["dang", "bo", "thanh", "hoa"]);
        assert!(search_terms(" ,.; ").is_empty());
        assert_eq!(search_terms("a b c d e f g h i j").len(), MAX_SEARCH_TERMS);
    }

    #[test]
    fn slug_of_the_seed_article_title() {
        assert_eq!(
            slugify("Hội nghị tổng kết công tác Đảng năm 2022 và triển khai nhiệm vụ công tác năm 2023"),
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
        assert_eq!(html_to_text("a &#7843; &#x1EA3; &bogus b"), "a ả ả &bogus b");
    }

    #[test]
    fn search_text_is_folded_words_between_spaces() {
        assert_eq!(search_text("Đảng bộ", "(02373) TT&TT", "<p>Thanh Hóa.</p>"), " dang bo 02373 tt tt thanh hoa ");
    }

    fn marked(segments: &[Segment]) -> Vec<&str> {
        segments.iter().filter(|s| s.matched).map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn highlight_marks_words_starting_with_a_term_whatever_the_diacritics() {
        let terms = vec!["dang".to_string(), "thanh".to_string()];
        let segments = highlight("Đảng bộ tỉnh Thanh Hóa đang họp; Ban Thanh tra", &terms);
        assert_eq!(marked(&segments), ["Đảng", "Thanh", "đang", "Thanh"]);
        let rebuilt: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(rebuilt, "Đảng bộ tỉnh Thanh Hóa đang họp; Ban Thanh tra");
    }

    #[test]
    fn highlight_ignores_matches_inside_words_and_marks_whole_characters() {
        let segments = highlight("Hội nghị tổng kết", &["ngh".to_string(), "ket".to_string(), "ong".to_string()]);
        assert_eq!(marked(&segments), ["ngh", "kết"]);
        let decomposed = highlight("Ho\u{0301}a", &["hoa".to_string()]);
        assert_eq!(marked(&decomposed), ["Ho\u{0301}a"]);
    }
}
