use sea_orm_migration::prelude::*;

use crate::m20261129_000010_article_word_index::{REBUILD_WORD_TABLE, create_word_table, run};

/// The SQLite word index without word positions (`detail=none`). Search asks only which articles
/// hold each word, never where (ranking reads the title and lead), and the positions made the
/// index ten times larger: 250 MB against 25 MB for 100,000 articles, and a common word's list
/// took that much longer to read. The triggers of the first index keep this one as they are
/// (they name the table, not its layout). PostgreSQL's GIN index stores no positions: unchanged.
#[derive(DeriveMigrationName)]
pub struct Migration;

async fn replace_word_table(manager: &SchemaManager<'_>, options: &str) -> Result<(), DbErr> {
    let sqlite = ["DROP TABLE article_words".to_owned(), create_word_table(options), REBUILD_WORD_TABLE.to_owned()];
    run(manager, &sqlite, &[]).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        replace_word_table(manager, ", detail=none").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        replace_word_table(manager, "").await
    }
}
