use sea_orm::entity::prelude::*;

/// The secret mixed into visitor hashes on one local day. Deleted soon after the day ends, so
/// yesterday's hashes can no longer be linked to anybody.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visitor_salt")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    /// 32 random bytes as hex.
    pub salt: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
