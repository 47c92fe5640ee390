use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

/// An inverted index over the folded words of every article (`article.search_text`), so a search
/// reads the articles holding its words instead of scanning every article's text.
///
/// SQLite: an FTS5 table over the column (external content: the text is not stored twice), kept in
/// step by triggers, so every path that writes an article — editor, import, restore — updates it
/// in the same transaction. Prefix indexes for 2 and 3 letters keep short prefix queries ("so",
/// "dan") from merging thousands of word lists. PostgreSQL: a GIN index on the words as a
/// `tsvector` with the `simple` configuration (no stemming, no stop words: the text is folded
/// already, and "số" must stay findable as "so").
#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &[&str] = &[
    "CREATE VIRTUAL TABLE article_words USING fts5(search_text, content='article', content_rowid='id', \
     tokenize='unicode61 remove_diacritics 0', prefix='2 3')",
    "CREATE TRIGGER article_words_after_insert AFTER INSERT ON article BEGIN \
     INSERT INTO article_words(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER article_words_after_delete AFTER DELETE ON article BEGIN \
     INSERT INTO article_words(article_words, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER article_words_after_update AFTER UPDATE OF search_text ON article BEGIN \
     INSERT INTO article_words(article_words, rowid, search_text) VALUES ('delete', old.id, old.search_text); \
     INSERT INTO article_words(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO article_words(article_words) VALUES ('rebuild')",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER article_words_after_update",
    "DROP TRIGGER article_words_after_delete",
    "DROP TRIGGER article_words_after_insert",
    "DROP TABLE article_words",
];

const POSTGRES_UP: &[&str] =
    &["CREATE INDEX idx_article_words ON article USING GIN (to_tsvector('simple'::regconfig, search_text))"];

const POSTGRES_DOWN: &[&str] = &["DROP INDEX idx_article_words"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, SQLITE_UP, POSTGRES_UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, SQLITE_DOWN, POSTGRES_DOWN).await
    }
}

async fn run(manager: &SchemaManager<'_>, sqlite: &[&str], postgres: &[&str]) -> Result<(), DbErr> {
    let statements = match manager.get_database_backend() {
        DbBackend::Sqlite => sqlite,
        DbBackend::Postgres => postgres,
        other => return Err(DbErr::Migration(format!("no word index for {other:?}"))),
    };
    for statement in statements {
        manager.get_connection().execute_unprepared(statement).await?;
    }
    Ok(())
}
