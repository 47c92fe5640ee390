//! Who else has an article open in the editor, so two people know before they overwrite each other.

use chrono::{DateTime, TimeDelta, Utc};
use entity::{article_editing, user};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

/// An open editor reports every 20 seconds; after this long without a report it counts as closed.
pub const PRESENT_FOR: TimeDelta = TimeDelta::seconds(60);

/// Notes that `user_id` has article `article_id` open at `now`, and answers who else has it open.
pub async fn mark_open(
    db: &impl ConnectionTrait,
    article_id: i32,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<Vec<user::Model>, DbErr> {
    let row =
        article_editing::ActiveModel { article_id: Set(article_id), user_id: Set(user_id), last_seen_at: Set(now) };
    match article_editing::Entity::find_by_id((article_id, user_id)).one(db).await? {
        Some(_) => row.update(db).await?,
        None => row.insert(db).await?,
    };
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
