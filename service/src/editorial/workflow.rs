//! The editorial workflow: Nháp → Chờ duyệt → Đã xuất bản → Gỡ xuống, and the trash.

use entity::article::ArticleStatus;

use super::permissions::ArticleAction;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    /// An author hands a draft to the editors.
    Submit,
    /// An editor approves; publication may be scheduled for later.
    Publish,
    /// An editor returns a submitted article to its author, with a comment.
    SendBack,
    Unpublish,
    Trash,
    /// Back from the trash as a draft, so nothing reappears on the site unreviewed.
    Restore,
}

impl Transition {
    /// Vietnamese for the status change, as the audit log and messages say it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Submit => "gửi duyệt",
            Self::Publish => "xuất bản",
            Self::SendBack => "trả lại tác giả",
            Self::Unpublish => "gỡ xuống",
            Self::Trash => "chuyển vào thùng rác",
            Self::Restore => "khôi phục",
        }
    }

    /// The step's name in the audit log's actions: `article.publish`, `legal_document.publish`.
    pub fn audit_name(self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Publish => "publish",
            Self::SendBack => "send_back",
            Self::Unpublish => "unpublish",
            Self::Trash => "trash",
            Self::Restore => "restore",
        }
    }

    /// What the account must be allowed to do to take this step.
    pub fn required_action(self) -> ArticleAction {
        match self {
            Self::Submit => ArticleAction::Submit,
            Self::Publish => ArticleAction::Publish,
            Self::SendBack => ArticleAction::SendBack,
            Self::Unpublish => ArticleAction::Unpublish,
            Self::Trash => ArticleAction::Trash,
            Self::Restore => ArticleAction::Restore,
        }
    }
}

pub fn status_label(status: ArticleStatus) -> &'static str {
    match status {
        ArticleStatus::Draft => "Nháp",
        ArticleStatus::Pending => "Chờ duyệt",
        ArticleStatus::Published => "Đã xuất bản",
        ArticleStatus::Unpublished => "Gỡ xuống",
        ArticleStatus::Trashed => "Thùng rác",
    }
}

/// The status `transition` leads to from `from`, or `None` when it does not apply there.
pub fn next_status(from: ArticleStatus, transition: Transition) -> Option<ArticleStatus> {
    use ArticleStatus::*;
    match (transition, from) {
        (Transition::Submit, Draft) => Some(Pending),
        (Transition::Publish, Draft | Pending | Unpublished) => Some(Published),
        (Transition::SendBack, Pending) => Some(Draft),
        (Transition::Unpublish, Published) => Some(Unpublished),
        (Transition::Trash, Draft | Pending | Published | Unpublished) => Some(Trashed),
        (Transition::Restore, Trashed) => Some(Draft),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ArticleStatus::*;

    #[test]
    fn an_article_goes_from_draft_through_review_to_the_site_and_off_it() {
        assert_eq!(next_status(Draft, Transition::Submit), Some(Pending));
        assert_eq!(next_status(Pending, Transition::Publish), Some(Published));
        assert_eq!(next_status(Published, Transition::Unpublish), Some(Unpublished));
        assert_eq!(next_status(Unpublished, Transition::Publish), Some(Published));
        assert_eq!(next_status(Pending, Transition::SendBack), Some(Draft));
    }

    #[test]
    fn the_trash_holds_anything_and_gives_back_drafts() {
        for status in [Draft, Pending, Published, Unpublished] {
            assert_eq!(next_status(status, Transition::Trash), Some(Trashed));
        }
        assert_eq!(next_status(Trashed, Transition::Restore), Some(Draft));
    }

    #[test]
    fn steps_out_of_order_do_not_apply() {
        assert_eq!(next_status(Published, Transition::Submit), None);
        assert_eq!(next_status(Draft, Transition::SendBack), None);
        assert_eq!(next_status(Draft, Transition::Unpublish), None);
        assert_eq!(next_status(Trashed, Transition::Publish), None, "restore first");
        assert_eq!(next_status(Published, Transition::Restore), None);
    }
}
