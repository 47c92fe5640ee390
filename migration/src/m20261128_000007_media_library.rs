use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in [
            // The "Ảnh: …" line shown under the photo, and who took it.
            text(Media::Caption).default("").to_owned(),
            string(Media::Credit).default("").to_owned(),
            // The resized WebP copies as JSON: [{"width":480,"height":320,"file_name":"…-480.webp"}].
            text(Media::Variants).default("[]").to_owned(),
            // File name, alt text and caption folded like article search, so "anh hoi nghi" finds "Ảnh hội nghị".
            text(Media::SearchText).default("").to_owned(),
        ] {
            manager.alter_table(Table::alter().table(Media::Table).add_column(column).to_owned()).await?;
        }
        manager
            .create_index(
                Index::create().name("idx_media_created_at").table(Media::Table).col(Media::CreatedAt).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_media_created_at").table(Media::Table).to_owned()).await?;
        for column in [Media::Caption, Media::Credit, Media::Variants, Media::SearchText] {
            manager.alter_table(Table::alter().table(Media::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Media {
    Table,
    Caption,
    Credit,
    Variants,
    SearchText,
    CreatedAt,
}
