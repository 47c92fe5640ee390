use sea_orm::entity::prelude::*;

/// The running visitor total. A single row with id 1.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visitor_counter")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    /// Set by an administrator so a site moving from an old system continues from its old total.
    pub starting_offset: i64,
    /// Visits counted by this system.
    pub counted_visits: i64,
    pub widget_visible: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
