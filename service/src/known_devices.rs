//! Browsers that have signed in to an account (OWASP's "device cookies"): after a successful
//! sign-in the browser gets a long-lived random token; the database keeps only its hash. A sign-in
//! attempt from such a browser is throttled on its own (see [`crate::sign_in_throttle`]), so
//! someone guessing at the account from elsewhere cannot keep its owner out.

use chrono::{DateTime, TimeDelta, Utc};
use entity::sign_in_device;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

use crate::sessions::token_hash;

/// A browser unused for this long is forgotten (its cookie lasts as long).
pub const REMEMBERED_FOR: TimeDelta = TimeDelta::days(180);

/// The hash of `token` when it names a browser known to account `user_id`.
pub async fn known_to(
    db: &impl ConnectionTrait,
    token: &str,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<String>, DbErr> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let hash = token_hash(token);
    let device = sign_in_device::Entity::find_by_id(hash.clone()).one(db).await?;
    Ok(device.filter(|d| d.user_id == user_id && now - d.last_used_at < REMEMBERED_FOR).map(|_| hash))
}

/// Notes a successful sign-in from this browser: refreshes a known token, or makes a new one
/// for the cookie (returned).
pub async fn remember(
    db: &impl ConnectionTrait,
    known: Option<&str>,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<String>, DbErr> {
    if let Some(hash) = known {
        sign_in_device::Entity::update_many()
            .col_expr(sign_in_device::Column::LastUsedAt, Expr::value(now))
            .filter(sign_in_device::Column::TokenHash.eq(hash))
            .exec(db)
            .await?;
        return Ok(None);
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| DbErr::Custom(format!("no randomness for a device token: {e}")))?;
    let token = hex::encode(bytes);
    sign_in_device::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_used_at: Set(now),
    }
    .insert(db)
    .await?;
    sign_in_device::Entity::delete_many()
        .filter(sign_in_device::Column::LastUsedAt.lt(now - REMEMBERED_FOR))
        .exec(db)
        .await?;
    Ok(Some(token))
}

/// Forgets every browser of account `user_id` (its password was reset by an administrator).
pub async fn forget_all_for(db: &impl ConnectionTrait, user_id: i32) -> Result<(), DbErr> {
    sign_in_device::Entity::delete_many().filter(sign_in_device::Column::UserId.eq(user_id)).exec(db).await?;
    Ok(())
}
