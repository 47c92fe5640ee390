use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Browsers an account has signed in from. A known browser keeps signing in with the right
/// password while someone elsewhere guesses at the account (OWASP's device cookies).
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SignInDevice::Table)
                    .if_not_exists()
                    // SHA-256 of the device cookie's token, hex.
                    .col(string_len(SignInDevice::TokenHash, 64).primary_key())
                    .col(integer(SignInDevice::UserId))
                    .col(timestamp_with_time_zone(SignInDevice::CreatedAt))
                    .col(timestamp_with_time_zone(SignInDevice::LastUsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SignInDevice::Table, SignInDevice::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sign_in_device_user")
                    .table(SignInDevice::Table)
                    .col(SignInDevice::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SignInDevice::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum SignInDevice {
    Table,
    TokenHash,
    UserId,
    CreatedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}
