//! The editor's autosave: what someone typed and has not saved yet, kept apart from the article
//! (one copy per article and person) so that it never changes what readers see or the version
//! others save over. Saving the article for real discards it.

use chrono::{DateTime, Utc};
use entity::article;
use entity::article_autosave as autosave_row;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};
use text::sanitize::sanitize_body_html;

use super::article_form::{ArticleFields, BODY_TOO_LONG, FieldError, MAX_BODY_BYTES};
use super::editing::{EditorialError, ensure_may_edit, find};

/// Unsaved changes found for an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Autosaved {
    pub fields: ArticleFields,
    pub based_on_version: i32,
    pub saved_at: DateTime<Utc>,
}

/// Keeps `fields` as `actor`'s unsaved changes to article `id`, over whatever was kept before.
/// The body is sanitised as a save would, so a copy shown again is never more than the editor
/// could have stored.
pub async fn keep(
    db: &impl ConnectionTrait,
    actor: &entity::user::Model,
    id: i32,
    based_on_version: i32,
    fields: &ArticleFields,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, EditorialError> {
    let article = find(db, id).await?;
    ensure_may_edit(&article, actor)?;
    if fields.body_html.len() > MAX_BODY_BYTES {
        return Err(EditorialError::Invalid(vec![FieldError::new("body_html", BODY_TOO_LONG)]));
    }
    let kept = ArticleFields { body_html: sanitize_body_html(&fields.body_html), ..fields.clone() };
    let row = autosave_row::ActiveModel {
        article_id: Set(id),
        user_id: Set(actor.id),
        based_on_version: Set(based_on_version),
        fields: Set(serde_json::to_string(&kept).expect("plain strings serialise")),
        saved_at: Set(now),
    };
    autosave_row::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([autosave_row::Column::ArticleId, autosave_row::Column::UserId])
                .update_columns([
                    autosave_row::Column::BasedOnVersion,
                    autosave_row::Column::Fields,
                    autosave_row::Column::SavedAt,
                ])
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(now)
}

/// `user_id`'s unsaved changes to `article`, when they were kept after its last save.
pub async fn newer_than_saved(
    db: &impl ConnectionTrait,
    user_id: i32,
    article: &article::Model,
) -> Result<Option<Autosaved>, DbErr> {
    let Some(row) = autosave_row::Entity::find_by_id((article.id, user_id)).one(db).await? else {
        return Ok(None);
    };
    if row.saved_at <= article.updated_at {
        return Ok(None);
    }
    Ok(serde_json::from_str(&row.fields).ok().map(|fields| Autosaved {
        fields,
        based_on_version: row.based_on_version,
        saved_at: row.saved_at,
    }))
}

pub async fn discard(db: &impl ConnectionTrait, article_id: i32, user_id: i32) -> Result<(), DbErr> {
    autosave_row::Entity::delete_by_id((article_id, user_id)).exec(db).await.map(|_| ())
}
