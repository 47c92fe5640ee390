//! Who may do what to an article. Every back-office action asks here on the server; the pages
//! only hide what this refuses.

use entity::article::ArticleStatus;
use entity::user::Role;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArticleAction {
    Create,
    Edit,
    Submit,
    Publish,
    Unpublish,
    SendBack,
    Trash,
    Restore,
    EmptyTrash,
}

impl ArticleAction {
    pub const ALL: [Self; 9] = [
        Self::Create,
        Self::Edit,
        Self::Submit,
        Self::Publish,
        Self::Unpublish,
        Self::SendBack,
        Self::Trash,
        Self::Restore,
        Self::EmptyTrash,
    ];
}

/// The facts about an article that permissions depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArticleFacts {
    pub status: ArticleStatus,
    /// Whether the account asking wrote it.
    pub own: bool,
}

/// Whether `role` may do `action` (to `article`, for actions on one article).
pub fn may(role: Role, action: ArticleAction, article: Option<ArticleFacts>) -> bool {
    use ArticleAction::*;
    match role {
        Role::Admin => true,
        Role::Editor => action != EmptyTrash,
        // Authors write: their own drafts only, up to submitting them. Once submitted an article is
        // the editors' until they send it back.
        Role::Author => match action {
            Create => true,
            Edit | Submit | Trash => article.is_some_and(|a| a.own && a.status == ArticleStatus::Draft),
            Publish | Unpublish | SendBack | Restore | EmptyTrash => false,
        },
    }
}

/// Whether `role` sees every article in the back office, or only its own.
pub fn sees_all_articles(role: Role) -> bool {
    role != Role::Author
}

#[cfg(test)]
mod tests {
    use super::*;
    use ArticleAction::*;

    fn facts(status: ArticleStatus, own: bool) -> Option<ArticleFacts> {
        Some(ArticleFacts { status, own })
    }

    #[test]
    fn authors_write_and_submit_only_their_own_drafts() {
        assert!(may(Role::Author, Create, None));
        for action in [Edit, Submit, Trash] {
            assert!(may(Role::Author, action, facts(ArticleStatus::Draft, true)), "{action:?}");
            assert!(!may(Role::Author, action, facts(ArticleStatus::Draft, false)), "{action:?} of another's");
            assert!(!may(Role::Author, action, facts(ArticleStatus::Pending, true)), "{action:?} once submitted");
            assert!(!may(Role::Author, action, facts(ArticleStatus::Published, true)), "{action:?} once published");
        }
        for action in [Publish, Unpublish, SendBack, Restore, EmptyTrash] {
            assert!(!may(Role::Author, action, facts(ArticleStatus::Pending, true)), "{action:?}");
        }
    }

    #[test]
    fn editors_do_everything_to_anyones_articles_but_empty_the_trash() {
        for action in ArticleAction::ALL {
            let expected = action != EmptyTrash;
            assert_eq!(may(Role::Editor, action, facts(ArticleStatus::Pending, false)), expected, "{action:?}");
            assert!(may(Role::Admin, action, facts(ArticleStatus::Pending, false)), "{action:?}");
        }
    }
}
