use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// What a back-office account may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Role {
    /// Quản trị: everything, including users and settings.
    #[sea_orm(string_value = "admin")]
    Admin,
    /// Biên tập viên trưởng: approves, publishes and edits anyone's articles.
    #[sea_orm(string_value = "editor")]
    Editor,
    /// Phóng viên: writes own drafts and submits them for review.
    #[sea_orm(string_value = "author")]
    Author,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub username: String,
    #[sea_orm(unique)]
    pub email: String,
    pub display_name: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    pub role: Role,
    pub disabled: bool,
    /// May add, edit and publish legal documents (văn bản), a right an administrator grants;
    /// administrators always may.
    pub manages_documents: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
