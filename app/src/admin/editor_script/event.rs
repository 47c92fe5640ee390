//! What the script tells the page, as JSON (`emit` in `editor/src/main.ts`).

use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum EditorEvent {
    /// After every change or selection move: what is active where the cursor is, and the counts.
    State(EditorState),
    Upload(UploadProgress),
    /// Something the editor did on its own that the writer should know (a pasted picture dropped).
    Notice {
        message: String,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct EditorState {
    /// True when the content changed (not just the selection).
    pub changed: bool,
    /// Names of active marks and nodes: "bold", "heading2", "table", "figure", "align-center", …
    pub active: Vec<String>,
    pub words: u32,
    pub characters: u32,
    pub can_undo: bool,
    pub can_redo: bool,
}

impl EditorState {
    pub fn is_active(&self, name: &str) -> bool {
        self.active.iter().any(|active| active == name)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UploadState {
    Uploading,
    Done,
    Failed,
}

/// One file on its way to the media library. `name` is only sent with the first report.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct UploadProgress {
    pub id: u32,
    pub name: String,
    pub loaded: u64,
    pub total: u64,
    pub state: UploadState,
    #[serde(default)]
    pub message: String,
}

impl UploadProgress {
    /// Folds a later report of the same file into this one.
    pub fn update(&mut self, report: UploadProgress) {
        let name = std::mem::take(&mut self.name);
        let (loaded, total) = (self.loaded, self.total);
        *self = report;
        if self.name.is_empty() {
            self.name = name;
        }
        if self.state != UploadState::Uploading {
            (self.loaded, self.total) = (total.max(loaded), total.max(loaded));
        }
    }

    pub fn percent(&self) -> u64 {
        if self.state == UploadState::Done { 100 } else { (self.loaded * 100).checked_div(self.total).unwrap_or(0) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_parse_from_the_scripts_json() {
        let state: EditorEvent = serde_json::from_str(
            r#"{"kind":"state","changed":true,"active":["bold","heading2"],"words":12,"characters":70,"can_undo":true,"can_redo":false}"#,
        )
        .unwrap();
        let EditorEvent::State(state) = state else { panic!("{state:?}") };
        assert!(state.changed && state.is_active("bold") && !state.is_active("italic"));
        assert_eq!((state.words, state.characters), (12, 70));
        let notice: EditorEvent = serde_json::from_str(r#"{"kind":"notice","message":"Ảnh bị bỏ"}"#).unwrap();
        assert_eq!(notice, EditorEvent::Notice { message: "Ảnh bị bỏ".into() });
    }

    #[test]
    fn upload_reports_keep_the_name_and_end_full_or_failed() {
        let report = |json: &str| -> UploadProgress { serde_json::from_str(json).unwrap() };
        let mut upload =
            report(r#"{"kind":"upload","id":1,"name":"hội nghị.jpg","loaded":0,"total":0,"state":"uploading"}"#);
        upload.update(report(r#"{"id":1,"name":"","loaded":50,"total":200,"state":"uploading"}"#));
        assert_eq!((upload.name.as_str(), upload.percent()), ("hội nghị.jpg", 25));
        upload.update(report(r#"{"id":1,"name":"","loaded":0,"total":0,"state":"done","message":""}"#));
        assert_eq!((upload.name.as_str(), upload.percent(), upload.state), ("hội nghị.jpg", 100, UploadState::Done));
        upload.update(report(r#"{"id":1,"name":"","loaded":0,"total":0,"state":"failed","message":"Tệp quá lớn"}"#));
        assert_eq!((upload.state, upload.message.as_str()), (UploadState::Failed, "Tệp quá lớn"));
    }
}
