use leptos::prelude::*;

use super::EditorError;
use crate::models::ArticleEditor;

/// The editing page's data for article `id`, or an empty form for a new article.
#[server(endpoint = "get_article_editor")]
pub async fn get_article_editor(id: Option<i32>) -> Result<ArticleEditor, EditorError> {
    ssr::load(id).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use entity::user;
    use service::editorial::permissions::{ArticleAction, may};
    use service::editorial::{autosave, editing};
    use service::{articles, categories, users};

    use crate::admin::articles::EditorError;
    use crate::admin::articles::list_articles::category_choices;
    use crate::admin::articles::ssr::{
        available_steps, editor_error, form_of, form_of_fields, may_edit, workflow_status,
    };
    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::models::{ArticleEditor, ArticleForm, AutosavedCopy, RevisionEntry, WorkflowStatus};
    use crate::ssr::{CategoryIndex, app_state, database_error};

    pub async fn load(id: Option<i32>) -> Result<ArticleEditor, EditorError> {
        let account = require_staff(ALL_STAFF).await?;
        let state = app_state()?;
        let db = state.db.reader();
        let index = CategoryIndex::new(categories::all(db).await.map_err(database_error)?);
        let Some(id) = id else {
            if !may(account.role, ArticleAction::Create, None) {
                return Err(editor_error(editing::EditorialError::Forbidden));
            }
            return Ok(ArticleEditor {
                id: None,
                version: 0,
                form: ArticleForm { author: account.display_name.clone(), ..Default::default() },
                status: WorkflowStatus::Draft,
                published_at: None,
                review_note: None,
                may_edit: true,
                steps: Vec::new(),
                categories: category_choices(&index),
                revisions: Vec::new(),
                autosaved: None,
            });
        };
        let article = editing::find_for(db, &account, id).await.map_err(editor_error)?;
        let staff: Vec<user::Model> = users::all(db).await.map_err(database_error)?;
        let revisions = articles::revisions(db, id).await.map_err(database_error)?;
        let autosaved = autosave::newer_than_saved(db, account.id, &article).await.map_err(database_error)?;
        Ok(ArticleEditor {
            id: Some(id),
            version: article.version,
            form: form_of(&article),
            status: workflow_status(article.status, article.published_at, state.clock.now()),
            published_at: article.published_at,
            review_note: article.review_note.clone(),
            may_edit: may_edit(&account, &article),
            steps: available_steps(&account, &article),
            categories: category_choices(&index),
            revisions: revisions
                .into_iter()
                .rev()
                .map(|revision| RevisionEntry {
                    version: revision.version,
                    saved_by: revision
                        .saved_by
                        .and_then(|id| staff.iter().find(|u| u.id == id))
                        .map(|u| u.display_name.clone()),
                    saved_at: revision.saved_at,
                })
                .collect(),
            autosaved: autosaved.map(|copy| AutosavedCopy {
                form: form_of_fields(copy.fields),
                version: copy.based_on_version,
                saved_at: copy.saved_at,
            }),
        })
    }
}
