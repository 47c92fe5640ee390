//! `/quan-tri/lien-ket`: the "Liên kết website" widget's groups and links. Administrators.

mod change_web_links;
mod list_web_links;
mod page;

pub use change_web_links::{
    DeleteWebLink, DeleteWebLinkGroup, MoveWebLink, MoveWebLinkGroup, SaveWebLink, SaveWebLinkGroup, delete_web_link,
    delete_web_link_group, move_web_link, move_web_link_group, save_web_link, save_web_link_group,
};
pub use list_web_links::{LinkGroupRow, LinkRow, ListWebLinks, list_web_links};
pub use page::WebLinksPage;
