use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What an editor typed but has not saved yet, kept by the editor's autosave apart from the
/// article itself so that it never changes what readers see.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ArticleAutosave::Table)
                    .if_not_exists()
                    .col(integer(ArticleAutosave::ArticleId))
                    .col(integer(ArticleAutosave::UserId))
                    // The article version the editor started from.
                    .col(integer(ArticleAutosave::BasedOnVersion))
                    // The form's fields as JSON (`service::editorial::ArticleFields`).
                    .col(text(ArticleAutosave::Fields))
                    .col(timestamp_with_time_zone(ArticleAutosave::SavedAt))
                    .primary_key(Index::create().col(ArticleAutosave::ArticleId).col(ArticleAutosave::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ArticleAutosave::Table, ArticleAutosave::ArticleId)
                            .to(Article::Table, Article::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ArticleAutosave::Table, ArticleAutosave::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ArticleAutosave::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum ArticleAutosave {
    Table,
    ArticleId,
    UserId,
    BasedOnVersion,
    Fields,
    SavedAt,
}

#[derive(DeriveIden)]
enum Article {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}
