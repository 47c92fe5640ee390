//! Who else has an article open in the editor, so two people know before they overwrite each other.

use chrono::{DateTime, TimeDelta, Utc};
use entity::{article_editing, user};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::editing::{EditorialError, find_for};

/// An open editor reports every 20 seconds; after this long without a report it counts as closed.
pub const PRESENT_FOR: TimeDelta = TimeDelta::seconds(60);

/// Notes that `actor` has article `article_id` open at `now`, and answers who else has it open.
/// Only for an article the actor may open in the back office: nobody learns who is editing, or
/// leaves a trace on, anyone else's.
pub async fn mark_open(
    db: &impl ConnectionTrait,
    actor: &user::Model,
    article_id: i32,
    now: DateTime<Utc>,
) -> Result<Vec<user::Model>, EditorialError> {
    find_for(db, actor, article_id).await?;
    let user_id = actor.id;
    let row =
        article_editing::ActiveModel { article_id: Set(article_id), user_id: Set(user_id), last_seen_at: Set(now) };
    // One statement: two tabs of the same person reporting at once must not collide.
    article_editing::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([article_editing::Column::ArticleId, article_editing::Column::UserId])
                .update_column(article_editing::Column::LastSeenAt)
                .to_owned(),
        )
        .exec(db)
        .await?;
    article_editing::Entity::delete_many()
        .filter(article_editing::Column::ArticleId.eq(article_id))
        .filter(article_editing::Column::LastSeenAt.lt(now - PRESENT_FOR))
        .exec(db)
        .await?;
    let others = article_editing::Entity::find()
        .filter(article_editing::Column::ArticleId.eq(article_id))
        .filter(article_editing::Column::UserId.ne(user_id))
        .find_also_related(user::Entity)
        .all(db)
        .await?;
    Ok(others.into_iter().filter_map(|(_, account)| account).collect())
}
