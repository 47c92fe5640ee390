//! The số ký hiệu of a document: "15/2023/QĐ-UBND" (the 15th decision of the provincial People's
//! Committee in 2023), "1234/UBND-VX" (an official letter, no year), "36-NQ/TW" (a Party
//! resolution). Editors type them in many ways; they are stored one way, and found both exactly
//! and by their parts ("15/2023", "qd-ubnd 15").

use std::fmt;

/// The longest number accepted. Real ones are under 30 characters.
pub const MAX_LENGTH: usize = 60;

/// A document number as it is shown: no spaces around its separators, letters in capitals.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DocumentNumber(String);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("Số ký hiệu không được để trống.")]
    Empty,
    #[error("Số ký hiệu dài quá {MAX_LENGTH} ký tự.")]
    TooLong,
    #[error("Số ký hiệu phải có số thứ tự, ví dụ 15/2023/QĐ-UBND.")]
    NoDigit,
    #[error("Số ký hiệu không được chứa ký tự “{0}”; chỉ dùng chữ, số và các dấu / - .")]
    Character(char),
}

impl DocumentNumber {
    /// Reads a number as an editor or an import file gives it: "15 / 2023 / qđ-ubnd" becomes
    /// "15/2023/QĐ-UBND". Spaces inside a part are kept as one ("Luật số 20/2023/QH15" stays
    /// readable), spaces next to a separator are dropped.
    pub fn parse(raw: &str) -> Result<Self, NumberError> {
        let mut shown = String::with_capacity(raw.len());
        let mut pending_space = false;
        for c in raw.trim().chars() {
            match c {
                c if c.is_whitespace() => pending_space = true,
                '/' | '-' | '.' => {
                    pending_space = false;
                    shown.push(c);
                }
                c if c.is_alphanumeric() => {
                    if pending_space && !shown.ends_with(['/', '-', '.']) {
                        shown.push(' ');
                    }
                    pending_space = false;
                    shown.extend(c.to_uppercase());
                }
                other => return Err(NumberError::Character(other)),
            }
        }
        if shown.is_empty() {
            return Err(NumberError::Empty);
        }
        if shown.chars().count() > MAX_LENGTH {
            return Err(NumberError::TooLong);
        }
        if !shown.chars().any(|c| c.is_ascii_digit()) {
            return Err(NumberError::NoDigit);
        }
        Ok(Self(shown))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The leading number: 15 in "15/2023/QĐ-UBND".
    pub fn ordinal(&self) -> Option<u32> {
        let digits: String = self.0.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    }

    /// The year between slashes, when the number has one: 2023 in "15/2023/QĐ-UBND".
    pub fn year(&self) -> Option<i32> {
        self.0
            .split('/')
            .skip(1)
            .filter(|part| part.len() == 4 && part.chars().all(|c| c.is_ascii_digit()))
            .filter_map(|part| part.parse().ok())
            .find(|year| (1945..=2100).contains(year))
    }
}

impl fmt::Display for DocumentNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a search query reads as a document number rather than as words: it has a digit and a
/// "/" ("15/2023", "15/2023/QĐ-UBND"), the way people copy numbers from a letter.
pub fn looks_like_a_number(query: &str) -> bool {
    let query = query.trim();
    query.contains('/') && query.chars().any(|c| c.is_ascii_digit()) && DocumentNumber::parse(query).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_stored_one_way_however_they_are_typed() {
        for typed in ["15/2023/QĐ-UBND", " 15 / 2023 / qđ-ubnd ", "15/2023/Qđ - UBND"] {
            assert_eq!(DocumentNumber::parse(typed).unwrap().as_str(), "15/2023/QĐ-UBND", "{typed:?}");
        }
        assert_eq!(DocumentNumber::parse("Luật  số 20/2023/qh15").unwrap().as_str(), "LUẬT SỐ 20/2023/QH15");
        assert_eq!(DocumentNumber::parse("36-NQ/TW").unwrap().as_str(), "36-NQ/TW");
    }

    #[test]
    fn parts_of_a_number() {
        let decision = DocumentNumber::parse("15/2023/QĐ-UBND").unwrap();
        assert_eq!((decision.ordinal(), decision.year()), (Some(15), Some(2023)));
        let letter = DocumentNumber::parse("1234/UBND-VX").unwrap();
        assert_eq!((letter.ordinal(), letter.year()), (Some(1234), None));
        let party = DocumentNumber::parse("36-NQ/TW").unwrap();
        assert_eq!((party.ordinal(), party.year()), (Some(36), None));
        assert_eq!(DocumentNumber::parse("99/9999/QĐ").unwrap().year(), None, "not a year");
    }

    #[test]
    fn what_is_not_a_number_is_refused_with_the_reason() {
        assert_eq!(DocumentNumber::parse("   "), Err(NumberError::Empty));
        assert_eq!(DocumentNumber::parse("QĐ-UBND"), Err(NumberError::NoDigit));
        assert_eq!(DocumentNumber::parse("15/2023,QĐ"), Err(NumberError::Character(',')));
        assert_eq!(DocumentNumber::parse("15\"<b>"), Err(NumberError::Character('"')));
        assert_eq!(DocumentNumber::parse(&"1".repeat(MAX_LENGTH + 1)), Err(NumberError::TooLong));
        assert!(NumberError::Character(',').to_string().contains("“,”"));
    }

    #[test]
    fn a_query_with_a_slash_and_a_digit_reads_as_a_number() {
        assert!(looks_like_a_number("15/2023"));
        assert!(looks_like_a_number("15/2023/QĐ-UBND"));
        assert!(!looks_like_a_number("qd-ubnd 15"));
        assert!(!looks_like_a_number("chuyển đổi số"));
        assert!(!looks_like_a_number("a/b"));
    }
}
