use sea_orm::entity::prelude::*;

/// The agency's identity shown in the header and footer. A single row with id 1.
#[derive(Clone, Debug, Default, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "site_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    pub site_name: String,
    pub agency_name: String,
    pub emblem_url: String,
    pub licence: String,
    pub responsible_person: String,
    pub address: String,
    pub phone: String,
    pub fax: String,
    pub email: String,
    pub designed_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
