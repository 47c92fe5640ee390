use leptos::prelude::*;

use super::command::EditorCommand;
use crate::admin::editor_script::{EditorState, HandleStorage, MountedEditor};

/// The mounted editor and what the toolbar shows about it, shared by the toolbar and panels.
#[derive(Clone, Copy)]
pub struct EditorControls {
    pub mounted: StoredValue<Option<MountedEditor>, HandleStorage>,
    pub state: RwSignal<EditorState>,
    /// False until the script has loaded and the editor is mounted (and always on the server).
    pub ready: RwSignal<bool>,
}

impl Default for EditorControls {
    fn default() -> Self {
        Self {
            mounted: StoredValue::new_with_storage(None),
            state: RwSignal::new(EditorState::default()),
            ready: RwSignal::new(false),
        }
    }
}

impl EditorControls {
    /// Runs `command`; false when there is no editor or the command does not apply here.
    pub fn run(&self, command: EditorCommand) -> bool {
        self.mounted.with_value(|mounted| {
            mounted.as_ref().is_some_and(|editor| editor.run(command.name(), &command.argument()))
        })
    }

    pub fn is_active(&self, name: &'static str) -> Signal<bool> {
        let state = self.state;
        Signal::derive(move || state.with(|s| s.is_active(name)))
    }

    pub fn current_link(&self) -> String {
        self.mounted.with_value(|mounted| mounted.as_ref().map(MountedEditor::current_link).unwrap_or_default())
    }
}
