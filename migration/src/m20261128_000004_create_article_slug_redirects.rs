use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ArticleSlugRedirect::Table)
                    .if_not_exists()
                    .col(string(ArticleSlugRedirect::OldSlug).primary_key())
                    .col(integer(ArticleSlugRedirect::ArticleId))
                    .col(timestamp_with_time_zone(ArticleSlugRedirect::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ArticleSlugRedirect::Table, ArticleSlugRedirect::ArticleId)
                            .to(Article::Table, Article::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ArticleSlugRedirect::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum ArticleSlugRedirect {
    Table,
    OldSlug,
    ArticleId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Article {
    Table,
    Id,
}
