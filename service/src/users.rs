//! Back-office accounts.

use chrono::{DateTime, Utc};
use entity::user::{self, Role};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::passwords::{hash_password, verify_password};

/// The shortest password an account may have.
pub const MIN_PASSWORD_CHARS: usize = 12;

#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang (3–32 ký tự).")]
    InvalidUsername,
    #[error("Địa chỉ email không hợp lệ.")]
    InvalidEmail,
    #[error("Mật khẩu phải có ít nhất {MIN_PASSWORD_CHARS} ký tự.")]
    PasswordTooShort,
    #[error("Tên đăng nhập hoặc email đã được sử dụng.")]
    AlreadyExists,
    #[error(transparent)]
    Database(#[from] DbErr),
}

pub struct NewUser<'a> {
    pub username: &'a str,
    pub email: &'a str,
    pub display_name: &'a str,
    pub password: &'a str,
    pub role: Role,
}

pub async fn create(
    db: &impl ConnectionTrait,
    new: NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<user::Model, CreateUserError> {
    let username = new.username.trim();
    let email = new.email.trim();
    let username_ok = (3..=32).contains(&username.len())
        && username.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if !username_ok {
        return Err(CreateUserError::InvalidUsername);
    }
    let email_ok = email.split_once('@').is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
        && !email.chars().any(char::is_whitespace);
    if !email_ok {
        return Err(CreateUserError::InvalidEmail);
    }
    if new.password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(CreateUserError::PasswordTooShort);
    }
    let taken = user::Entity::find()
        .filter(Condition::any().add(user::Column::Username.eq(username)).add(user::Column::Email.eq(email)))
        .count(db)
        .await?;
    if taken > 0 {
        return Err(CreateUserError::AlreadyExists);
    }
    let display_name = if new.display_name.trim().is_empty() { username } else { new.display_name.trim() };
    Ok(user::ActiveModel {
        username: Set(username.to_owned()),
        email: Set(email.to_owned()),
        display_name: Set(display_name.to_owned()),
        password_hash: Set(hash_password(new.password).await),
        role: Set(new.role),
        disabled: Set(false),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Every account, by display name.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<user::Model>, DbErr> {
    user::Entity::find().order_by_asc(user::Column::DisplayName).all(db).await
}

pub async fn count(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    user::Entity::find().count(db).await
}

pub async fn find_by_username(db: &impl ConnectionTrait, username: &str) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find().filter(user::Column::Username.eq(username)).one(db).await
}

/// The account with this username (any case) or email.
pub async fn find_by_login(db: &impl ConnectionTrait, login: &str) -> Result<Option<user::Model>, DbErr> {
    let login = login.trim();
    user::Entity::find()
        .filter(
            Condition::any().add(user::Column::Username.eq(login.to_lowercase())).add(user::Column::Email.eq(login)),
        )
        .one(db)
        .await
}

/// Whether `password` opens `account` (found by [`find_by_login`]) and the account is enabled.
/// No account costs as much time as a wrong password, so answers do not reveal which accounts exist.
pub async fn password_opens(account: Option<&user::Model>, password: &str) -> bool {
    match account {
        Some(account) => verify_password(password, &account.password_hash).await && !account.disabled,
        None => {
            verify_password(password, UNKNOWN_ACCOUNT_HASH).await;
            false
        }
    }
}

/// A valid Argon2id hash of a random string, checked against when no account matches.
const UNKNOWN_ACCOUNT_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jc8x9cD5oC0m7o2vH8y0o0a3sYb8mY9cQ5m0m1bZx4E";

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("Mật khẩu hiện tại không đúng.")]
    WrongPassword,
    #[error("Mật khẩu mới phải có ít nhất {MIN_PASSWORD_CHARS} ký tự.")]
    PasswordTooShort,
    #[error("Không tìm thấy tài khoản.")]
    NotFound,
    #[error("Bạn không thể tự khoá hay tự hạ quyền tài khoản của mình; hãy nhờ một quản trị khác.")]
    OwnAccount,
    #[error(transparent)]
    Database(#[from] DbErr),
}

async fn find(db: &impl ConnectionTrait, id: i32) -> Result<user::Model, AccountError> {
    user::Entity::find_by_id(id).one(db).await?.ok_or(AccountError::NotFound)
}

async fn store_password(db: &impl ConnectionTrait, account: user::Model, password: &str) -> Result<(), AccountError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountError::PasswordTooShort);
    }
    let mut update: user::ActiveModel = account.into();
    update.password_hash = Set(hash_password(password).await);
    update.update(db).await?;
    Ok(())
}

/// Changes the signed-in account's own password, which it must know, and ends the account's
/// other sessions (whoever else knew the old password); the session behind `token` goes on.
pub async fn change_own_password(
    db: &impl ConnectionTrait,
    id: i32,
    current: &str,
    new: &str,
    token: &str,
) -> Result<(), AccountError> {
    let account = find(db, id).await?;
    if !verify_password(current, &account.password_hash).await {
        return Err(AccountError::WrongPassword);
    }
    store_password(db, account, new).await?;
    crate::sessions::end_others_for(db, id, token).await?;
    Ok(())
}

/// Gives account `id` a new password (an administrator's reset), signs it out everywhere and
/// forgets the browsers it signed in from.
pub async fn reset_password(db: &impl ConnectionTrait, id: i32, new: &str) -> Result<user::Model, AccountError> {
    let account = find(db, id).await?;
    store_password(db, account.clone(), new).await?;
    crate::sessions::end_all_for(db, id).await?;
    crate::known_devices::forget_all_for(db, id).await?;
    Ok(account)
}

/// Changes role and enabled state of account `id` on behalf of administrator `by`. Nobody can
/// lock themselves out: an administrator cannot disable or demote their own account.
pub async fn update_access(
    db: &impl ConnectionTrait,
    by: &user::Model,
    id: i32,
    role: Role,
    disabled: bool,
) -> Result<(user::Model, user::Model), AccountError> {
    let before = find(db, id).await?;
    if before.id == by.id && (disabled || role != Role::Admin) {
        return Err(AccountError::OwnAccount);
    }
    let mut update: user::ActiveModel = before.clone().into();
    update.role = Set(role);
    update.disabled = Set(disabled);
    let after = update.update(db).await?;
    if disabled {
        crate::sessions::end_all_for(db, id).await?;
    }
    Ok((before, after))
}
