use sea_orm_migration::prelude::*;

/// The page cache asks for the newest `updated_at` every second (`service::reader_content`); with
/// 100,000 articles that must not read the whole table.
#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEX: &str = "idx_article_updated_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_index(Index::create().name(INDEX).table(Article::Table).col(Article::UpdatedAt).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(INDEX).table(Article::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Article {
    Table,
    UpdatedAt,
}
