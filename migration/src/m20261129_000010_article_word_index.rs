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

/// The FTS5 table over `article.search_text`, with `options` appended to its definition.
pub(crate) fn create_word_table(options: &str) -> String {
    format!(
        "CREATE VIRTUAL TABLE article_words USING fts5(search_text, content='article', content_rowid='id', \
         tokenize='unicode61 remove_diacritics 0', prefix='2 3'{options})"
    )
}

/// Fills the table from the articles.
pub(crate) const REBUILD_WORD_TABLE: &str = "INSERT INTO article_words(article_words) VALUES ('rebuild')";

const SQLITE_TRIGGERS: &[&str] = &[
    "CREATE TRIGGER article_words_after_insert AFTER INSERT ON article BEGIN \
     INSERT INTO article_words(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER article_words_after_delete AFTER DELETE ON article BEGIN \
     INSERT INTO article_words(article_words, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER article_words_after_update AFTER UPDATE OF search_text ON article BEGIN \
     INSERT INTO article_words(article_words, rowid, search_text) VALUES ('delete', old.id, old.search_text); \
     INSERT INTO article_words(rowid, search_text) VALUES (new.id, new.search_text); END",
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
        let mut sqlite = vec![create_word_table("")];
        sqlite.extend(SQLITE_TRIGGERS.iter().map(|s| (*s).to_owned()));
        sqlite.push(REBUILD_WORD_TABLE.to_owned());
        run(manager, &sqlite, POSTGRES_UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, SQLITE_DOWN, POSTGRES_DOWN).await
    }
}

/// Runs the statements of the connection's backend.
pub(crate) async fn run(
    manager: &SchemaManager<'_>,
    sqlite: &[impl AsRef<str>],
    postgres: &[&str],
) -> Result<(), DbErr> {
    let statements: Vec<&str> = match manager.get_database_backend() {
        DbBackend::Sqlite => sqlite.iter().map(AsRef::as_ref).collect(),
        DbBackend::Postgres => postgres.to_vec(),
        other => return Err(DbErr::Migration(format!("no word index for {other:?}"))),
    };
    for statement in statements {
        manager.get_connection().execute_unprepared(statement).await?;
    }
    Ok(())
}
