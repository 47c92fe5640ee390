use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(WebLinkGroup::Table)
                    .if_not_exists()
                    .col(pk_auto(WebLinkGroup::Id))
                    .col(string(WebLinkGroup::Name))
                    .col(integer(WebLinkGroup::Position).default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WebLink::Table)
                    .if_not_exists()
                    .col(pk_auto(WebLink::Id))
                    .col(integer(WebLink::GroupId))
                    .col(string(WebLink::Title))
                    .col(string(WebLink::Url))
                    .col(integer(WebLink::Position).default(0))
                    .foreign_key(
                        ForeignKey::create()
                            .from(WebLink::Table, WebLink::GroupId)
                            .to(WebLinkGroup::Table, WebLinkGroup::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SiteSettings::Table)
                    .if_not_exists()
                    .col(integer(SiteSettings::Id).primary_key())
                    .col(string(SiteSettings::SiteName))
                    .col(string(SiteSettings::AgencyName))
                    .col(string(SiteSettings::EmblemUrl))
                    .col(string(SiteSettings::Licence))
                    .col(string(SiteSettings::ResponsiblePerson))
                    .col(string(SiteSettings::Address))
                    .col(string(SiteSettings::Phone))
                    .col(string(SiteSettings::Fax))
                    .col(string(SiteSettings::Email))
                    .col(string(SiteSettings::DesignedBy))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VisitorCounter::Table)
                    .if_not_exists()
                    .col(integer(VisitorCounter::Id).primary_key())
                    .col(big_integer(VisitorCounter::StartingOffset).default(0))
                    .col(big_integer(VisitorCounter::CountedVisits).default(0))
                    .col(boolean(VisitorCounter::WidgetVisible).default(true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VisitorDaily::Table)
                    .if_not_exists()
                    .col(date(VisitorDaily::Day).primary_key())
                    .col(big_integer(VisitorDaily::Visits).default(0))
                    .col(big_integer(VisitorDaily::PageViews).default(0))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(VisitorDaily::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(VisitorCounter::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(SiteSettings::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(WebLink::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(WebLinkGroup::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum WebLinkGroup {
    Table,
    Id,
    Name,
    Position,
}

#[derive(DeriveIden)]
enum WebLink {
    Table,
    Id,
    GroupId,
    Title,
    Url,
    Position,
}

#[derive(DeriveIden)]
enum SiteSettings {
    Table,
    Id,
    SiteName,
    AgencyName,
    EmblemUrl,
    Licence,
    ResponsiblePerson,
    Address,
    Phone,
    Fax,
    Email,
    DesignedBy,
}

#[derive(DeriveIden)]
enum VisitorCounter {
    Table,
    Id,
    StartingOffset,
    CountedVisits,
    WidgetVisible,
}

#[derive(DeriveIden)]
enum VisitorDaily {
    Table,
    Day,
    Visits,
    PageViews,
}
