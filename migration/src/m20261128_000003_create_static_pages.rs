use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(StaticPage::Table)
                    .if_not_exists()
                    .col(pk_auto(StaticPage::Id))
                    .col(string_uniq(StaticPage::Slug))
                    .col(string(StaticPage::Title))
                    .col(text(StaticPage::BodyHtml))
                    .col(integer(StaticPage::Position).default(0))
                    .col(timestamp_with_time_zone(StaticPage::UpdatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(StaticPage::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum StaticPage {
    Table,
    Id,
    Slug,
    Title,
    BodyHtml,
    Position,
    UpdatedAt,
}
