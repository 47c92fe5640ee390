//! Readable differences between two versions of a text, word by word.

use similar::{ChangeTag, TextDiff};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Same(String),
    Added(String),
    Removed(String),
}

/// The words of `before` and `after`, marked as kept, added or removed; neighbours of the same
/// kind are joined so the result reads as phrases.
pub fn word_diff(before: &str, after: &str) -> Vec<Change> {
    let diff = TextDiff::from_words(before, after);
    let mut changes: Vec<Change> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (change.tag(), changes.last_mut()) {
            (ChangeTag::Equal, Some(Change::Same(last)))
            | (ChangeTag::Insert, Some(Change::Added(last)))
            | (ChangeTag::Delete, Some(Change::Removed(last))) => last.push_str(text),
            (ChangeTag::Equal, _) => changes.push(Change::Same(text.to_owned())),
            (ChangeTag::Insert, _) => changes.push(Change::Added(text.to_owned())),
            (ChangeTag::Delete, _) => changes.push(Change::Removed(text.to_owned())),
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_words_that_changed_and_keeps_the_rest() {
        assert_eq!(
            word_diff("Hội nghị tổng kết năm 2022", "Hội nghị sơ kết năm 2023"),
            [
                Change::Same("Hội nghị ".into()),
                Change::Removed("tổng".into()),
                Change::Added("sơ".into()),
                Change::Same(" kết năm ".into()),
                Change::Removed("2022".into()),
                Change::Added("2023".into()),
            ]
        );
    }

    #[test]
    fn equal_texts_are_one_unchanged_part() {
        assert_eq!(word_diff("Thanh Hóa", "Thanh Hóa"), [Change::Same("Thanh Hóa".into())]);
    }
}
