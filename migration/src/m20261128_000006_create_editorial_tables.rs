use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // What an editor wrote when sending an article back to its author.
        // SQLite adds one column per ALTER TABLE.
        for column in [
            text_null(Article::ReviewNote),
            text(Article::Tags).default("").to_owned(),
            string_null(Article::SeoTitle),
            text_null(Article::SeoDescription),
        ] {
            manager.alter_table(Table::alter().table(Article::Table).add_column(column).to_owned()).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .if_not_exists()
                    .col(pk_auto(AuditLog::Id))
                    .col(timestamp_with_time_zone(AuditLog::At))
                    .col(integer_null(AuditLog::UserId))
                    // Kept apart from the user row so the log still names who did it after an account goes.
                    .col(string(AuditLog::Username))
                    .col(string_len(AuditLog::Action, 32))
                    .col(string_len(AuditLog::TargetKind, 32))
                    .col(integer_null(AuditLog::TargetId))
                    .col(text(AuditLog::Summary))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AuditLog::Table, AuditLog::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_audit_log_at").table(AuditLog::Table).col(AuditLog::At).to_owned())
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ArticleEditing::Table)
                    .if_not_exists()
                    .col(integer(ArticleEditing::ArticleId))
                    .col(integer(ArticleEditing::UserId))
                    .col(timestamp_with_time_zone(ArticleEditing::LastSeenAt))
                    .primary_key(Index::create().col(ArticleEditing::ArticleId).col(ArticleEditing::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ArticleEditing::Table, ArticleEditing::ArticleId)
                            .to(Article::Table, Article::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ArticleEditing::Table, ArticleEditing::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SignInThrottle::Table)
                    .if_not_exists()
                    // "account:<name>" or "address:<ip>".
                    .col(string(SignInThrottle::Key).primary_key())
                    .col(integer(SignInThrottle::Failures))
                    .col(timestamp_with_time_zone(SignInThrottle::LastFailureAt))
                    .col(timestamp_with_time_zone_null(SignInThrottle::BlockedUntil))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SignInThrottle::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ArticleEditing::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(AuditLog::Table).to_owned()).await?;
        for column in [Article::ReviewNote, Article::Tags, Article::SeoTitle, Article::SeoDescription] {
            manager.alter_table(Table::alter().table(Article::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Article {
    Table,
    Id,
    ReviewNote,
    Tags,
    SeoTitle,
    SeoDescription,
}

/// Who has an article open in the editor, refreshed by the page while it stays open.
#[derive(DeriveIden)]
enum ArticleEditing {
    Table,
    ArticleId,
    UserId,
    LastSeenAt,
}

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    UserId,
    Username,
    Action,
    TargetKind,
    TargetId,
    Summary,
}

#[derive(DeriveIden)]
enum SignInThrottle {
    Table,
    Key,
    Failures,
    LastFailureAt,
    BlockedUntil,
}
