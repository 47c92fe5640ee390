use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261129_000010_article_word_index::run;

/// The legal-documents library ("Văn bản"): the managed lists a document is described by (type,
/// fields, issuing body, signer), the documents, their fields, their relations to each other and
/// their attachments, a word index over their text, and the right to manage them.
///
/// A document's effect is not a column anyone types: `ended_on` and `partly_ended_on` are derived
/// from its own end date and from the documents that replace or repeal it, and rewritten whenever
/// one of those changes (`service::legal_documents::effect`), so lists can filter and count by
/// effect with an index instead of reading every relation.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(managed_list(DocumentType::Table)).await?;
        manager.create_table(managed_list(IssuingBody::Table)).await?;
        manager
            .create_table(
                Table::create()
                    .table(DocumentField::Table)
                    .if_not_exists()
                    .col(pk_auto(DocumentField::Id))
                    .col(integer_null(DocumentField::ParentId))
                    .col(string(DocumentField::Name))
                    .col(string(DocumentField::Slug).unique_key())
                    .col(integer(DocumentField::Position).default(0))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DocumentField::Table, DocumentField::ParentId)
                            .to(DocumentField::Table, DocumentField::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DocumentSigner::Table)
                    .if_not_exists()
                    .col(pk_auto(DocumentSigner::Id))
                    .col(string(DocumentSigner::Name))
                    // Chức vụ as signed: "Phó Chủ tịch UBND tỉnh".
                    .col(string(DocumentSigner::Title))
                    .col(integer(DocumentSigner::Position).default(0))
                    .index(Index::create().unique().col(DocumentSigner::Name).col(DocumentSigner::Title))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LegalDocument::Table)
                    .if_not_exists()
                    .col(pk_auto(LegalDocument::Id))
                    .col(string(LegalDocument::Slug).unique_key())
                    .col(string_len(LegalDocument::Number, 60))
                    // The number folded and without spaces: what "unique per issuing body" compares.
                    .col(string_len(LegalDocument::NumberKey, 60))
                    .col(integer(LegalDocument::TypeId))
                    .col(integer(LegalDocument::IssuingBodyId))
                    .col(integer_null(LegalDocument::SignerId))
                    .col(date(LegalDocument::IssuedOn))
                    // The year of `issued_on`, for the year filter and its counts on either database.
                    .col(integer(LegalDocument::IssuedYear))
                    .col(date(LegalDocument::EffectiveFrom))
                    .col(date_null(LegalDocument::EffectiveUntil))
                    .col(date_null(LegalDocument::EndedOn))
                    .col(date_null(LegalDocument::PartlyEndedOn))
                    .col(string_len(LegalDocument::Status, 16))
                    .col(integer_null(LegalDocument::CreatedBy))
                    .col(timestamp_with_time_zone(LegalDocument::CreatedAt))
                    .col(timestamp_with_time_zone(LegalDocument::UpdatedAt))
                    .col(timestamp_with_time_zone_null(LegalDocument::PublishedAt))
                    .col(integer(LegalDocument::Version).default(1))
                    .col(big_integer(LegalDocument::ViewCount).default(0))
                    .col(text_null(LegalDocument::ReviewNote))
                    // The long texts last: SQLite reads a row's columns in order, and every column
                    // after a long text would cost a walk through its overflow pages.
                    .col(text(LegalDocument::Summary))
                    .col(text(LegalDocument::BodyHtml))
                    // Number, summary, body and attachment text, folded, for the word index.
                    .col(text(LegalDocument::SearchText))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalDocument::Table, LegalDocument::TypeId)
                            .to(DocumentType::Table, Alias::new("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalDocument::Table, LegalDocument::IssuingBodyId)
                            .to(IssuingBody::Table, Alias::new("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalDocument::Table, LegalDocument::SignerId)
                            .to(DocumentSigner::Table, DocumentSigner::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalDocument::Table, LegalDocument::CreatedBy)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .index(
                        Index::create()
                            .name("idx_legal_document_number")
                            .unique()
                            .col(LegalDocument::IssuingBodyId)
                            .col(LegalDocument::NumberKey),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            ("idx_legal_document_status_issued", vec![LegalDocument::Status, LegalDocument::IssuedOn]),
            // Every column the list's filters and counts read, so they are answered from the index
            // without reading the documents' rows.
            (
                "idx_legal_document_facets",
                vec![
                    LegalDocument::Status,
                    LegalDocument::TypeId,
                    LegalDocument::IssuingBodyId,
                    LegalDocument::SignerId,
                    LegalDocument::IssuedYear,
                    LegalDocument::IssuedOn,
                    LegalDocument::EffectiveFrom,
                    LegalDocument::EndedOn,
                    LegalDocument::PartlyEndedOn,
                ],
            ),
            ("idx_legal_document_number_key", vec![LegalDocument::NumberKey]),
            ("idx_legal_document_type", vec![LegalDocument::TypeId]),
            ("idx_legal_document_signer", vec![LegalDocument::SignerId]),
            // The page cache asks for the newest change on every check (`service::reader_content`).
            ("idx_legal_document_updated_at", vec![LegalDocument::UpdatedAt]),
        ] {
            let mut index = Index::create().name(name).table(LegalDocument::Table).to_owned();
            for column in columns {
                index.col(column);
            }
            manager.create_index(index).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(LegalDocumentField::Table)
                    .if_not_exists()
                    .col(integer(LegalDocumentField::DocumentId))
                    .col(integer(LegalDocumentField::FieldId))
                    // A document is also filed under every ancestor of its fields (`direct` false),
                    // so "Kinh tế" finds and counts what is filed under "Kinh tế › Đầu tư", once.
                    .col(boolean(LegalDocumentField::Direct))
                    .primary_key(Index::create().col(LegalDocumentField::DocumentId).col(LegalDocumentField::FieldId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalDocumentField::Table, LegalDocumentField::DocumentId)
                            .to(LegalDocument::Table, LegalDocument::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalDocumentField::Table, LegalDocumentField::FieldId)
                            .to(DocumentField::Table, DocumentField::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_legal_document_field_field")
                    .table(LegalDocumentField::Table)
                    .col(LegalDocumentField::FieldId)
                    .col(LegalDocumentField::DocumentId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LegalDocumentRelation::Table)
                    .if_not_exists()
                    .col(pk_auto(LegalDocumentRelation::Id))
                    // The document that acts (replaces, amends, repeals…) on the target.
                    .col(integer(LegalDocumentRelation::SourceId))
                    .col(integer(LegalDocumentRelation::TargetId))
                    .col(string_len(LegalDocumentRelation::Kind, 16))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalDocumentRelation::Table, LegalDocumentRelation::SourceId)
                            .to(LegalDocument::Table, LegalDocument::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalDocumentRelation::Table, LegalDocumentRelation::TargetId)
                            .to(LegalDocument::Table, LegalDocument::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .index(
                        Index::create()
                            .unique()
                            .col(LegalDocumentRelation::SourceId)
                            .col(LegalDocumentRelation::TargetId)
                            .col(LegalDocumentRelation::Kind),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_legal_document_relation_target")
                    .table(LegalDocumentRelation::Table)
                    .col(LegalDocumentRelation::TargetId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LegalDocumentRevision::Table)
                    .if_not_exists()
                    .col(pk_auto(LegalDocumentRevision::Id))
                    .col(integer(LegalDocumentRevision::DocumentId))
                    .col(integer(LegalDocumentRevision::Version))
                    .col(timestamp_with_time_zone(LegalDocumentRevision::SavedAt))
                    .col(integer_null(LegalDocumentRevision::SavedBy))
                    // Every field as saved, as JSON (`service::legal_documents::revisions`).
                    .col(text(LegalDocumentRevision::Fields))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalDocumentRevision::Table, LegalDocumentRevision::DocumentId)
                            .to(LegalDocument::Table, LegalDocument::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalDocumentRevision::Table, LegalDocumentRevision::SavedBy)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .index(
                        Index::create()
                            .unique()
                            .col(LegalDocumentRevision::DocumentId)
                            .col(LegalDocumentRevision::Version),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LegalDocumentAttachment::Table)
                    .if_not_exists()
                    .col(pk_auto(LegalDocumentAttachment::Id))
                    .col(integer(LegalDocumentAttachment::DocumentId))
                    .col(integer(LegalDocumentAttachment::MediaId))
                    .col(integer(LegalDocumentAttachment::Position).default(0))
                    .col(big_integer(LegalDocumentAttachment::DownloadCount).default(0))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalDocumentAttachment::Table, LegalDocumentAttachment::DocumentId)
                            .to(LegalDocument::Table, LegalDocument::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(LegalDocumentAttachment::Table, LegalDocumentAttachment::MediaId)
                            .to(Media::Table, Media::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .index(
                        Index::create()
                            .unique()
                            .col(LegalDocumentAttachment::DocumentId)
                            .col(LegalDocumentAttachment::MediaId),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .alter_table(
                Table::alter().table(User::Table).add_column(boolean(User::ManagesDocuments).default(false)).to_owned(),
            )
            .await?;
        // SQLite adds one column per ALTER TABLE.
        for column in [
            // The text of a PDF, DOCX or XLSX file, folded, read once (on upload, or when first
            // attached for files uploaded before this migration); searched with the documents.
            text(Media::DocumentText).default("").to_owned(),
            // "unread", "text", "no_text" (a scan: its pages are pictures) or "not_text" (an image).
            string_len(Media::TextState, 16).default("unread").to_owned(),
            // The SHA-256 of the stored file, in hex, shown beside a document's attachments so a
            // copy can be checked against the original; empty until read (as `text_state`).
            string_len(Media::Sha256, 64).default("").to_owned(),
        ] {
            manager.alter_table(Table::alter().table(Media::Table).add_column(column).to_owned()).await?;
        }

        run(manager, SQLITE_WORD_INDEX, POSTGRES_WORD_INDEX).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, SQLITE_WORD_INDEX_DOWN, POSTGRES_WORD_INDEX_DOWN).await?;
        manager.alter_table(Table::alter().table(User::Table).drop_column(User::ManagesDocuments).to_owned()).await?;
        for column in [Media::DocumentText, Media::TextState, Media::Sha256] {
            manager.alter_table(Table::alter().table(Media::Table).drop_column(column).to_owned()).await?;
        }
        for table in [
            LegalDocumentAttachment::Table.into_iden(),
            LegalDocumentRevision::Table.into_iden(),
            LegalDocumentRelation::Table.into_iden(),
            LegalDocumentField::Table.into_iden(),
            LegalDocument::Table.into_iden(),
            DocumentSigner::Table.into_iden(),
            DocumentField::Table.into_iden(),
            IssuingBody::Table.into_iden(),
            DocumentType::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

/// As for articles (migration 10): FTS5 over the folded text, kept in step by triggers, and a GIN
/// `tsvector` index on PostgreSQL.
const SQLITE_WORD_INDEX: &[&str] = &[
    "CREATE VIRTUAL TABLE legal_document_words USING fts5(search_text, content='legal_document', \
     content_rowid='id', tokenize='unicode61 remove_diacritics 0', prefix='2 3', detail=none)",
    "CREATE TRIGGER legal_document_words_after_insert AFTER INSERT ON legal_document BEGIN \
     INSERT INTO legal_document_words(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER legal_document_words_after_delete AFTER DELETE ON legal_document BEGIN \
     INSERT INTO legal_document_words(legal_document_words, rowid, search_text) \
     VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER legal_document_words_after_update AFTER UPDATE OF search_text ON legal_document BEGIN \
     INSERT INTO legal_document_words(legal_document_words, rowid, search_text) \
     VALUES ('delete', old.id, old.search_text); \
     INSERT INTO legal_document_words(rowid, search_text) VALUES (new.id, new.search_text); END",
];

const SQLITE_WORD_INDEX_DOWN: &[&str] = &[
    "DROP TRIGGER legal_document_words_after_update",
    "DROP TRIGGER legal_document_words_after_delete",
    "DROP TRIGGER legal_document_words_after_insert",
    "DROP TABLE legal_document_words",
];

const POSTGRES_WORD_INDEX: &[&str] = &["CREATE INDEX idx_legal_document_words ON legal_document \
     USING GIN (to_tsvector('simple'::regconfig, search_text))"];

const POSTGRES_WORD_INDEX_DOWN: &[&str] = &["DROP INDEX idx_legal_document_words"];

/// A managed list of names with their URL slugs, in the editors' order.
fn managed_list(table: impl IntoIden) -> TableCreateStatement {
    Table::create()
        .table(table)
        .if_not_exists()
        .col(pk_auto(Alias::new("id")))
        .col(string(Alias::new("name")).unique_key())
        .col(string(Alias::new("slug")).unique_key())
        .col(integer(Alias::new("position")).default(0))
        .to_owned()
}

/// Loại văn bản: Luật, Nghị định, Quyết định…
#[derive(DeriveIden)]
enum DocumentType {
    Table,
}

/// Cơ quan ban hành.
#[derive(DeriveIden)]
enum IssuingBody {
    Table,
}

/// Lĩnh vực: a tree ("Kinh tế" › "Đầu tư").
#[derive(DeriveIden)]
enum DocumentField {
    Table,
    Id,
    ParentId,
    Name,
    Slug,
    Position,
}

#[derive(DeriveIden)]
enum DocumentSigner {
    Table,
    Id,
    Name,
    Title,
    Position,
}

#[derive(DeriveIden)]
enum LegalDocument {
    Table,
    Id,
    Slug,
    Number,
    NumberKey,
    TypeId,
    IssuingBodyId,
    SignerId,
    Summary,
    BodyHtml,
    SearchText,
    IssuedOn,
    IssuedYear,
    EffectiveFrom,
    EffectiveUntil,
    EndedOn,
    PartlyEndedOn,
    Status,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    PublishedAt,
    Version,
    ReviewNote,
    ViewCount,
}

#[derive(DeriveIden)]
enum LegalDocumentField {
    Table,
    DocumentId,
    FieldId,
    Direct,
}

#[derive(DeriveIden)]
enum LegalDocumentRelation {
    Table,
    Id,
    SourceId,
    TargetId,
    Kind,
}

#[derive(DeriveIden)]
enum LegalDocumentRevision {
    Table,
    Id,
    DocumentId,
    Version,
    SavedAt,
    SavedBy,
    Fields,
}

#[derive(DeriveIden)]
enum LegalDocumentAttachment {
    Table,
    Id,
    DocumentId,
    MediaId,
    Position,
    DownloadCount,
}

#[derive(DeriveIden)]
enum Media {
    Table,
    Id,
    DocumentText,
    TextState,
    Sha256,
}

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
    ManagesDocuments,
}
