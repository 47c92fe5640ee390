use sea_orm::entity::prelude::*;

/// A visitor seen recently, known only by a salted hash that changes every day.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visitor_presence")]
pub struct Model {
    /// Hex of the salted hash of the visitor's address and browser; never the address itself.
    #[sea_orm(primary_key, auto_increment = false)]
    pub visitor: String,
    /// When the current visit began; none while the visitor has only a live connection.
    pub visit_started: Option<DateTimeUtc>,
    pub last_view: Option<DateTimeUtc>,
    /// The latest page view or live-connection heartbeat: what "Đang online" counts.
    pub last_active: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
