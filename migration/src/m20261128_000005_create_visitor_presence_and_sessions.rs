use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One row per visitor seen recently, shared by every app server so "Đang online" and the
        // 30-minute visit rule are global. Rows are pruned once they can no longer matter.
        manager
            .create_table(
                Table::create()
                    .table(VisitorPresence::Table)
                    .if_not_exists()
                    .col(string_len(VisitorPresence::Visitor, 32).primary_key())
                    .col(timestamp_with_time_zone_null(VisitorPresence::VisitStarted))
                    .col(timestamp_with_time_zone_null(VisitorPresence::LastView))
                    .col(timestamp_with_time_zone(VisitorPresence::LastActive))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_visitor_presence_last_active")
                    .table(VisitorPresence::Table)
                    .col(VisitorPresence::LastActive)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VisitorSalt::Table)
                    .if_not_exists()
                    .col(date(VisitorSalt::Day).primary_key())
                    .col(string_len(VisitorSalt::Salt, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .if_not_exists()
                    .col(string_len(Session::TokenHash, 64).primary_key())
                    .col(integer(Session::UserId))
                    .col(timestamp_with_time_zone(Session::CreatedAt))
                    .col(timestamp_with_time_zone(Session::LastSeenAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Session::Table, Session::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_session_user").table(Session::Table).col(Session::UserId).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Session::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(VisitorSalt::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(VisitorPresence::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum VisitorPresence {
    Table,
    Visitor,
    VisitStarted,
    LastView,
    LastActive,
}

#[derive(DeriveIden)]
enum VisitorSalt {
    Table,
    Day,
    Salt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    TokenHash,
    UserId,
    CreatedAt,
    LastSeenAt,
}

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}
