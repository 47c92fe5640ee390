use sea_orm::entity::prelude::*;

/// One change made in the back office: who, what, when, and a before/after summary.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub at: DateTimeUtc,
    pub user_id: Option<i32>,
    pub username: String,
    /// What was done, e.g. `article.publish`.
    pub action: String,
    /// What it was done to, e.g. `article`.
    pub target_kind: String,
    pub target_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
