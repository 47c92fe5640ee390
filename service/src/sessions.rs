//! Back-office sessions, stored in the database so they survive restarts and work on every
//! server process. The cookie holds a random token; the database holds only its SHA-256.

use chrono::{DateTime, TimeDelta, Utc};
use entity::{session, user};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

use crate::Database;

/// A session ends after this long without a request.
pub const IDLE_TIMEOUT: TimeDelta = TimeDelta::hours(2);
/// And this long after sign-in however busy it is, so a stolen cookie does not last for ever.
pub const ABSOLUTE_LIFETIME: TimeDelta = TimeDelta::hours(12);

/// How stale `last_seen_at` may get before a request refreshes it; saves a write per request.
const TOUCH_AFTER: TimeDelta = TimeDelta::minutes(5);

/// Starts a session for `user_id` and returns the token for the cookie.
pub async fn start(db: &impl ConnectionTrait, user_id: i32, now: DateTime<Utc>) -> Result<String, DbErr> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| DbErr::Custom(format!("no randomness for a session token: {e}")))?;
    let token = hex::encode(bytes);
    session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The signed-in account behind `token`, if the session is live and the account enabled.
pub async fn user_for(db: &Database, token: &str, now: DateTime<Utc>) -> Result<Option<user::Model>, DbErr> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let hash = token_hash(token);
    let Some((session, Some(user))) =
        session::Entity::find_by_id(hash.clone()).find_also_related(user::Entity).one(db.reader()).await?
    else {
        return Ok(None);
    };
    if now - session.last_seen_at > IDLE_TIMEOUT || now - session.created_at > ABSOLUTE_LIFETIME || user.disabled {
        return Ok(None);
    }
    if now - session.last_seen_at > TOUCH_AFTER {
        let txn = db.begin_write().await?;
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, sea_orm::sea_query::Expr::value(now))
            .filter(session::Column::TokenHash.eq(hash))
            .exec(&txn)
            .await?;
        txn.commit().await?;
    }
    Ok(Some(user))
}

/// Ends the session behind `token` (signing out).
pub async fn end(db: &impl ConnectionTrait, token: &str) -> Result<(), DbErr> {
    session::Entity::delete_by_id(token_hash(token)).exec(db).await?;
    Ok(())
}

/// The stored form of a random token (sessions, known browsers): SHA-256, hex.
pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Ends every session of account `user_id` (password reset, account disabled).
pub async fn end_all_for(db: &impl ConnectionTrait, user_id: i32) -> Result<(), DbErr> {
    session::Entity::delete_many().filter(session::Column::UserId.eq(user_id)).exec(db).await?;
    Ok(())
}

/// Ends every session of account `user_id` but the one behind `token` (its own password change:
/// whoever else knew the old password is signed out, the person changing it is not).
pub async fn end_others_for(db: &impl ConnectionTrait, user_id: i32, token: &str) -> Result<(), DbErr> {
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::TokenHash.ne(token_hash(token)))
        .exec(db)
        .await?;
    Ok(())
}
