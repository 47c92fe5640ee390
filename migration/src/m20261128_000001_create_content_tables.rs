use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(User::Table)
                    .if_not_exists()
                    .col(pk_auto(User::Id))
                    .col(string_uniq(User::Username))
                    .col(string_uniq(User::Email))
                    .col(string(User::DisplayName))
                    .col(string(User::PasswordHash))
                    .col(string_len(User::Role, 16))
                    .col(boolean(User::Disabled).default(false))
                    .col(timestamp_with_time_zone(User::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Category::Table)
                    .if_not_exists()
                    .col(pk_auto(Category::Id))
                    .col(integer_null(Category::ParentId))
                    .col(string(Category::Name))
                    .col(string_uniq(Category::Slug))
                    .col(text(Category::Description).default(""))
                    .col(integer(Category::Position).default(0))
                    .col(boolean(Category::ShowInMenu).default(true))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Category::Table, Category::ParentId)
                            .to(Category::Table, Category::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Article::Table)
                    .if_not_exists()
                    .col(pk_auto(Article::Id))
                    .col(string_uniq(Article::Slug))
                    .col(string(Article::Title))
                    .col(text(Article::Summary))
                    .col(text(Article::BodyHtml))
                    .col(text(Article::SearchText))
                    .col(string_null(Article::CoverImage))
                    .col(integer(Article::CategoryId))
                    .col(string_null(Article::Author))
                    .col(integer_null(Article::CreatedBy))
                    .col(string_len(Article::Status, 16))
                    .col(boolean(Article::Featured).default(false))
                    .col(timestamp_with_time_zone(Article::CreatedAt))
                    .col(timestamp_with_time_zone(Article::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Article::PublishedAt))
                    .col(integer(Article::Version).default(1))
                    .col(big_integer(Article::ViewCount).default(0))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Article::Table, Article::CategoryId)
                            .to(Category::Table, Category::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Article::Table, Article::CreatedBy)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;

        // The reader pages list published articles newest first, site-wide and per category.
        manager
            .create_index(
                Index::create()
                    .name("idx_article_status_published_at")
                    .table(Article::Table)
                    .col(Article::Status)
                    .col(Article::PublishedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_article_category_status_published_at")
                    .table(Article::Table)
                    .col(Article::CategoryId)
                    .col(Article::Status)
                    .col(Article::PublishedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ArticleRevision::Table)
                    .if_not_exists()
                    .col(pk_auto(ArticleRevision::Id))
                    .col(integer(ArticleRevision::ArticleId))
                    .col(integer(ArticleRevision::Version))
                    .col(string(ArticleRevision::Title))
                    .col(text(ArticleRevision::Summary))
                    .col(text(ArticleRevision::BodyHtml))
                    .col(integer_null(ArticleRevision::SavedBy))
                    .col(timestamp_with_time_zone(ArticleRevision::SavedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ArticleRevision::Table, ArticleRevision::ArticleId)
                            .to(Article::Table, Article::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ArticleRevision::Table, ArticleRevision::SavedBy)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_article_revision_article_version")
                    .table(ArticleRevision::Table)
                    .col(ArticleRevision::ArticleId)
                    .col(ArticleRevision::Version)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Media::Table)
                    .if_not_exists()
                    .col(pk_auto(Media::Id))
                    .col(string_uniq(Media::FileName))
                    .col(string(Media::OriginalName))
                    .col(string(Media::ContentType))
                    .col(big_integer(Media::SizeBytes))
                    .col(integer_null(Media::Width))
                    .col(integer_null(Media::Height))
                    .col(string(Media::AltText).default(""))
                    .col(integer_null(Media::UploadedBy))
                    .col(timestamp_with_time_zone(Media::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Media::Table, Media::UploadedBy)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Media::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ArticleRevision::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Article::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Category::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(User::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
    Username,
    Email,
    DisplayName,
    PasswordHash,
    Role,
    Disabled,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Category {
    Table,
    Id,
    ParentId,
    Name,
    Slug,
    Description,
    Position,
    ShowInMenu,
}

#[derive(DeriveIden)]
enum Article {
    Table,
    Id,
    Slug,
    Title,
    Summary,
    BodyHtml,
    SearchText,
    CoverImage,
    CategoryId,
    Author,
    CreatedBy,
    Status,
    Featured,
    CreatedAt,
    UpdatedAt,
    PublishedAt,
    Version,
    ViewCount,
}

#[derive(DeriveIden)]
enum ArticleRevision {
    Table,
    Id,
    ArticleId,
    Version,
    Title,
    Summary,
    BodyHtml,
    SavedBy,
    SavedAt,
}

#[derive(DeriveIden)]
enum Media {
    Table,
    Id,
    FileName,
    OriginalName,
    ContentType,
    SizeBytes,
    Width,
    Height,
    AltText,
    UploadedBy,
    CreatedAt,
}
