//! Schema migrations. They run at server start-up and with `server migrate`.

pub use sea_orm_migration::prelude::*;

mod m20261128_000001_create_content_tables;
mod m20261128_000002_create_site_tables;
mod m20261128_000003_create_static_pages;
mod m20261128_000004_create_article_slug_redirects;
mod m20261128_000005_create_visitor_presence_and_sessions;
mod m20261128_000006_create_editorial_tables;
mod m20261128_000007_media_library;
mod m20261129_000008_article_autosave;
mod m20261129_000009_article_updated_at_index;
mod m20261129_000010_article_word_index;
mod m20261129_000011_article_view_count_index;
mod m20261129_000012_word_index_without_positions;
mod m20261129_000013_known_sign_in_devices;
mod m20261204_000014_legal_documents;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_create_content_tables::Migration),
            Box::new(m20261128_000002_create_site_tables::Migration),
            Box::new(m20261128_000003_create_static_pages::Migration),
            Box::new(m20261128_000004_create_article_slug_redirects::Migration),
            Box::new(m20261128_000005_create_visitor_presence_and_sessions::Migration),
            Box::new(m20261128_000006_create_editorial_tables::Migration),
            Box::new(m20261128_000007_media_library::Migration),
            Box::new(m20261129_000008_article_autosave::Migration),
            Box::new(m20261129_000009_article_updated_at_index::Migration),
            Box::new(m20261129_000010_article_word_index::Migration),
            Box::new(m20261129_000011_article_view_count_index::Migration),
            Box::new(m20261129_000012_word_index_without_positions::Migration),
            Box::new(m20261129_000013_known_sign_in_devices::Migration),
            Box::new(m20261204_000014_legal_documents::Migration),
        ]
    }
}
