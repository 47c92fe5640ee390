//! The back office at `/quan-tri`. Every server function here checks the account's role itself;
//! what the pages hide is only a convenience.

/// "↑" and "↓" buttons moving item `id` (named `name` for screen readers) one place with
/// `action`, a server action whose function takes `id` and `step`.
macro_rules! move_buttons {
    ($action:expr, $id:expr, $name:expr) => {{
        let (up, down) = (format!("Chuyển “{}” lên", $name), format!("Chuyển “{}” xuống", $name));
        view! {
            <ActionForm action=$action>
                <input type="hidden" name="id" value=$id/><input type="hidden" name="step" value="-1"/>
                <button type="submit" aria-label=up>"↑"</button>
            </ActionForm>
            <ActionForm action=$action>
                <input type="hidden" name="id" value=$id/><input type="hidden" name="step" value="1"/>
                <button type="submit" aria-label=down>"↓"</button>
            </ActionForm>
        }
    }};
}

pub mod accounts;
pub mod articles;
pub mod audit_log;
#[cfg(feature = "ssr")]
mod audited_change;
pub mod categories;
pub mod dashboard;
pub mod editor_script;
mod layout;
pub mod lazy_pages;
pub mod media_library;
pub mod site_settings;
pub mod statistics;
pub mod web_links;

pub use layout::AdminLayout;
