//! The legal-documents library against a real database: effect kept true as documents replace
//! and repeal each other, relations read from both ends, facet counts, number and attachment
//! search, and the right to manage documents.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use entity::article::ArticleStatus;
use entity::user::{self, Role};
use legal::{DocumentForm, Effect, RelationForm, RelationKind};
use media::LocalDiskStore;
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
use service::Database;
use service::audit::Actor;
use service::editorial::Transition;
use service::legal_documents::catalogue::{self, Catalogue};
use service::legal_documents::editing::{apply, create_draft, save};
use service::legal_documents::listing::{DocumentFilters, list};
use service::legal_documents::reading::published_by_slug;
use service::legal_documents::{DocumentError, effect};
use service::media_library::{self, MediaLibrary, Upload, UploadLimits};
use service::users::{self, NewUser};

use crate::common::TestDatabase;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 3, 0, 0).unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

async fn account(db: &Database, username: &str, role: Role, manages_documents: bool) -> user::Model {
    let txn = db.begin_write().await.unwrap();
    let new = NewUser {
        username,
        email: &format!("{username}@so.example.gov.vn"),
        display_name: username,
        password: "mat-khau-du-dai-123",
        role,
    };
    let created = users::create(&txn, new, now()).await.unwrap();
    let mut granted = created.into_active_model();
    granted.manages_documents = Set(manages_documents);
    let account = granted.update(&txn).await.unwrap();
    txn.commit().await.unwrap();
    account
}

struct Library {
    test: TestDatabase,
    _folder: tempfile::TempDir,
    media: MediaLibrary,
    editor: user::Model,
    catalogue: Catalogue,
}

impl Library {
    async fn new() -> Self {
        let test = TestDatabase::new().await;
        let editor = account(&test.db, "vanthu", Role::Editor, true).await;
        let txn = test.db.begin_write().await.unwrap();
        for name in ["Quyết định", "Kế hoạch"] {
            catalogue::find_or_create_type(&txn, name).await.unwrap();
        }
        for name in ["UBND tỉnh Thanh Hóa", "Sở Thông tin và Truyền thông"] {
            catalogue::find_or_create_body(&txn, name).await.unwrap();
        }
        catalogue::find_or_create_signer(&txn, "Đỗ Minh Tuấn", "Chủ tịch UBND tỉnh").await.unwrap();
        catalogue::find_or_create_field(&txn, &["Thông tin và truyền thông", "Chuyển đổi số"]).await.unwrap();
        catalogue::find_or_create_field(&txn, &["Kinh tế"]).await.unwrap();
        txn.commit().await.unwrap();
        let catalogue = Catalogue::load(test.db.reader()).await.unwrap();
        let folder = tempfile::tempdir().unwrap();
        let store = Arc::new(LocalDiskStore::new(folder.path()).unwrap());
        Self {
            test,
            _folder: folder,
            media: MediaLibrary { store, limits: UploadLimits::default() },
            editor,
            catalogue,
        }
    }

    fn id_of<'a>(&self, names: impl IntoIterator<Item = (&'a str, i32)>, wanted: &str) -> i32 {
        names.into_iter().find(|(name, _)| *name == wanted).map(|(_, id)| id).unwrap_or_else(|| panic!("{wanted}"))
    }

    fn type_id(&self, name: &str) -> i32 {
        self.id_of(self.catalogue.types.iter().map(|t| (t.name.as_str(), t.id)), name)
    }

    fn body_id(&self, name: &str) -> i32 {
        self.id_of(self.catalogue.bodies.iter().map(|b| (b.name.as_str(), b.id)), name)
    }

    fn field_id(&self, name: &str) -> i32 {
        self.id_of(self.catalogue.fields.iter().map(|f| (f.name.as_str(), f.id)), name)
    }

    fn form(&self, number: &str, summary: &str, issued_on: &str) -> DocumentForm {
        DocumentForm {
            number: number.into(),
            type_id: Some(self.type_id("Quyết định")),
            issuing_body_id: Some(self.body_id("UBND tỉnh Thanh Hóa")),
            signer_id: self.catalogue.signers.first().map(|s| s.id),
            field_ids: vec![self.field_id("Chuyển đổi số")],
            summary: summary.into(),
            issued_on: issued_on.into(),
            ..Default::default()
        }
    }

    async fn upload_pdf(&self) -> i32 {
        let upload = Upload {
            original_name: "quyet-dinh-15.pdf",
            bytes: include_bytes!("../../../media/tests/quyet-dinh.pdf").to_vec(),
            alt_text: "",
        };
        media_library::store_upload(&self.test.db, &self.media, upload, &Actor::from(&self.editor), now())
            .await
            .unwrap()
            .id
    }

    async fn create(&self, form: &DocumentForm) -> Result<entity::legal_document::Model, DocumentError> {
        self.create_by(&self.editor, form).await
    }

    async fn create_by(
        &self,
        actor: &user::Model,
        form: &DocumentForm,
    ) -> Result<entity::legal_document::Model, DocumentError> {
        let txn = self.test.db.begin_write().await.unwrap();
        let created = create_draft(&txn, self.media.store.as_ref(), actor, form, now()).await;
        txn.commit().await.unwrap();
        created
    }

    async fn step(&self, id: i32, transition: Transition) -> entity::legal_document::Model {
        let txn = self.test.db.begin_write().await.unwrap();
        let moved = apply(&txn, &self.editor, id, transition, None, now()).await.unwrap();
        txn.commit().await.unwrap();
        moved
    }

    async fn published(&self, form: &DocumentForm) -> entity::legal_document::Model {
        let created = self.create(form).await.unwrap();
        self.step(created.id, Transition::Publish).await
    }

    async fn listed(&self, filters: DocumentFilters) -> Vec<String> {
        let listing = list(self.test.db.reader(), &filters, day("2026-11-28"), 1, 50).await.unwrap();
        listing.documents.into_iter().map(|d| d.number).collect()
    }
}

#[tokio::test]
async fn a_replacement_ends_the_old_document_from_its_own_effective_date_and_both_pages_say_so() {
    let library = Library::new().await;
    let db = library.test.db.reader();
    let old = library
        .published(&DocumentForm {
            effective_from: "2023-04-01".into(),
            ..library.form("15/2023/qđ-ubnd", "Ban hành Quy chế quản lý cổng thông tin", "2023-03-15")
        })
        .await;
    assert_eq!((old.number.as_str(), old.slug.as_str()), ("15/2023/QĐ-UBND", "15-2023-qd-ubnd"));
    let replacing = library
        .published(&DocumentForm {
            effective_from: "2024-03-01".into(),
            relations: vec![RelationForm { kind: "replaces".into(), target_id: old.id }],
            ..library.form("20/2024/QĐ-UBND", "Ban hành Quy chế mới", "2024-02-15")
        })
        .await;

    let page = published_by_slug(db, &library.catalogue, &old.slug, day("2024-03-01")).await.unwrap().unwrap();
    assert_eq!(page.document.ended_on, Some(day("2024-03-01")), "stored for lists and filters");
    assert_eq!(page.effect.effect_on(day("2024-02-29")), Effect::InForce);
    assert_eq!(page.effect.effect_on(day("2024-03-01")), Effect::Expired);
    assert_eq!(page.effect.reason_on(day("2024-03-01")), "bị thay thế bởi 20/2024/QĐ-UBND từ 01/03/2024");
    assert_eq!(page.acted_on_by.len(), 1);
    assert_eq!(
        (page.acted_on_by[0].0, page.acted_on_by[0].1.number.as_str()),
        (RelationKind::Replaces, "20/2024/QĐ-UBND")
    );
    let new_page =
        published_by_slug(db, &library.catalogue, &replacing.slug, day("2024-03-01")).await.unwrap().unwrap();
    assert_eq!(new_page.acts_on[0].1.number, "15/2023/QĐ-UBND");
    assert_eq!(new_page.acts_on[0].1.effect, Effect::Expired);
    assert_eq!(new_page.same_field.iter().map(|d| d.number.as_str()).collect::<Vec<_>>(), ["15/2023/QĐ-UBND"]);

    // A draft that repeals it changes nothing; withdrawing the replacement puts it back in force.
    let repealing = library
        .create(&DocumentForm {
            relations: vec![RelationForm { kind: "repeals".into(), target_id: old.id }],
            ..library.form("1/2025/QĐ-UBND", "Bãi bỏ", "2025-01-01")
        })
        .await
        .unwrap();
    library.step(replacing.id, Transition::Unpublish).await;
    let page = published_by_slug(db, &library.catalogue, &old.slug, day("2026-11-28")).await.unwrap().unwrap();
    assert_eq!((page.document.ended_on, page.effect.effect_on(day("2026-11-28"))), (None, Effect::InForce));
    assert!(page.acted_on_by.is_empty(), "neither the withdrawn nor the draft document is shown");
    library.step(repealing.id, Transition::Publish).await;
    let page = published_by_slug(db, &library.catalogue, &old.slug, day("2026-11-28")).await.unwrap().unwrap();
    assert_eq!(page.effect.reason_on(day("2026-11-28")), "bị bãi bỏ bởi 1/2025/QĐ-UBND từ 01/01/2025");
    library.test.finish().await;
}

#[tokio::test]
async fn filters_count_what_each_choice_would_list_and_search_reads_numbers_and_attachments() {
    let library = Library::new().await;
    let pdf = library.upload_pdf().await;
    let in_force = library
        .published(&DocumentForm {
            attachment_ids: vec![pdf],
            ..library.form("15/2023/QĐ-UBND", "Ban hành kèm theo quy chế", "2023-03-15")
        })
        .await;
    let plan = library
        .published(&DocumentForm {
            type_id: Some(library.type_id("Kế hoạch")),
            issuing_body_id: Some(library.body_id("Sở Thông tin và Truyền thông")),
            field_ids: vec![library.field_id("Thông tin và truyền thông"), library.field_id("Kinh tế")],
            effective_until: "2025-12-31".into(),
            ..library.form("120/KH-STTTT", "Kế hoạch chuyển đổi số năm 2025", "2025-01-10")
        })
        .await;
    let coming = library
        .published(&DocumentForm {
            effective_from: "2027-01-01".into(),
            relations: vec![RelationForm { kind: "repeals_partly".into(), target_id: in_force.id }],
            ..library.form("30/2026/QĐ-UBND", "Sửa đổi quy định về chuyển đổi số", "2026-11-20")
        })
        .await;
    library.create(&library.form("31/2026/QĐ-UBND", "Bản nháp", "2026-11-21")).await.unwrap();

    let all = list(library.test.db.reader(), &DocumentFilters::default(), day("2026-11-28"), 1, 50).await.unwrap();
    assert_eq!(all.total, 3, "drafts are not listed");
    assert_eq!(all.documents.iter().map(|d| d.id).collect::<Vec<_>>(), [coming.id, plan.id, in_force.id]);
    let facets = all.facets;
    let count = |counts: &[(i32, u64)], id: i32| counts.iter().find(|(k, _)| *k == id).map_or(0, |(_, n)| *n);
    assert_eq!(count(&facets.types, library.type_id("Quyết định")), 2);
    assert_eq!(count(&facets.types, library.type_id("Kế hoạch")), 1);
    assert_eq!(count(&facets.fields, library.field_id("Thông tin và truyền thông")), 3, "the child's documents, once");
    assert_eq!(count(&facets.fields, library.field_id("Chuyển đổi số")), 2);
    assert_eq!(facets.years, [(2026, 1), (2025, 1), (2023, 1)]);
    assert_eq!(facets.effects, [(Effect::InForce, 1), (Effect::Expired, 1), (Effect::NotYetInForce, 1)]);

    let parent =
        DocumentFilters { field_id: Some(library.field_id("Thông tin và truyền thông")), ..Default::default() };
    assert_eq!(library.listed(parent).await.len(), 3);
    let expired = DocumentFilters { effect: Some(Effect::Expired), ..Default::default() };
    assert_eq!(library.listed(expired.clone()).await, ["120/KH-STTTT"]);
    let typed = list(library.test.db.reader(), &expired, day("2026-11-28"), 1, 50).await.unwrap();
    assert_eq!(count(&typed.facets.types, library.type_id("Quyết định")), 0, "counts follow the other filters");
    assert_eq!(typed.facets.effects.len(), 3, "but not their own");
    let in_2027 = list(library.test.db.reader(), &DocumentFilters::default(), day("2027-01-01"), 1, 50).await.unwrap();
    assert!(in_2027.facets.effects.contains(&(Effect::PartlyExpired, 1)), "{:?}", in_2027.facets.effects);

    let search = |query: &str| DocumentFilters { query: query.into(), ..Default::default() };
    assert_eq!(library.listed(search("15/2023/QĐ-UBND")).await, ["15/2023/QĐ-UBND"]);
    assert_eq!(library.listed(search("15/2023")).await, ["15/2023/QĐ-UBND"]);
    assert_eq!(library.listed(search("qd-ubnd 15")).await, ["15/2023/QĐ-UBND"]);
    assert_eq!(library.listed(search("van hanh cong thong tin dien tu")).await, ["15/2023/QĐ-UBND"], "the PDF's text");
    assert_eq!(library.listed(search("chuyển đổi số")).await, ["30/2026/QĐ-UBND", "120/KH-STTTT"]);
    assert_eq!(library.listed(search("ke hoach")).await, ["120/KH-STTTT"], "the type's name");
    assert!(library.listed(search("khong co van ban nao")).await.is_empty());
    for hostile in ["%", "\"", "1/2/%_", "' OR 1=1 --"] {
        library.listed(search(hostile)).await;
    }
    library.test.finish().await;
}

#[tokio::test]
async fn only_accounts_with_the_right_manage_documents_and_numbers_are_unique_per_body() {
    let library = Library::new().await;
    let without_right = account(&library.test.db, "bientap", Role::Editor, false).await;
    let author = account(&library.test.db, "chuyenvien", Role::Author, true).await;
    let admin = account(&library.test.db, "quantri", Role::Admin, false).await;
    let form = library.form("15/2023/QĐ-UBND", "Quy chế", "2023-03-15");
    assert!(matches!(library.create_by(&without_right, &form).await, Err(DocumentError::Forbidden)));
    let draft = library.create_by(&author, &form).await.unwrap();
    let txn = library.test.db.begin_write().await.unwrap();
    let refused = apply(&txn, &author, draft.id, Transition::Publish, None, now()).await;
    assert!(matches!(refused, Err(DocumentError::Forbidden)), "an author submits, an editor publishes");
    apply(&txn, &author, draft.id, Transition::Submit, None, now()).await.unwrap();
    let published = apply(&txn, &admin, draft.id, Transition::Publish, None, now()).await.unwrap();
    assert_eq!(published.status, ArticleStatus::Published);
    txn.commit().await.unwrap();

    let duplicate = library.create(&library.form("15/2023/qd-ubnd", "Trùng số", "2023-03-15")).await;
    let Err(DocumentError::Invalid(errors)) = duplicate else { panic!("{duplicate:?}") };
    assert_eq!(errors[0].field, "number");
    assert!(errors[0].message.contains("15/2023/QĐ-UBND"), "{}", errors[0].message);
    let other_body = DocumentForm {
        issuing_body_id: Some(library.body_id("Sở Thông tin và Truyền thông")),
        ..library.form("15/2023/QĐ-UBND", "Cùng số, cơ quan khác", "2023-03-15")
    };
    let same_number = library.create(&other_body).await.unwrap();
    assert_eq!(same_number.slug, "15-2023-qd-ubnd-so-thong-tin-va-truyen-thong");

    let txn = library.test.db.begin_write().await.unwrap();
    let store = library.media.store.as_ref();
    let to_itself = DocumentForm {
        relations: vec![RelationForm { kind: "related".into(), target_id: same_number.id }],
        ..other_body.clone()
    };
    let refused = save(&txn, store, &library.editor, same_number.id, same_number.version, &to_itself, now()).await;
    assert!(matches!(refused, Err(DocumentError::Invalid(errors)) if errors[0].field == "relations"));
    let saved =
        save(&txn, store, &library.editor, same_number.id, same_number.version, &other_body, now()).await.unwrap();
    assert_eq!(saved.version, 2);
    let stale = save(&txn, store, &library.editor, same_number.id, same_number.version, &other_body, now()).await;
    assert!(matches!(stale, Err(DocumentError::Conflict { current: 2 })));
    effect::refresh(&txn, &[saved.id]).await.unwrap();
    txn.commit().await.unwrap();
    library.test.finish().await;
}

#[tokio::test]
async fn the_demo_documents_import_once_with_their_relations_and_files() {
    let library = Library::new().await;
    let db = &library.test.db;
    let first = service::demo::seed_documents(db, &library.media, now()).await.unwrap();
    assert_eq!((first.inserted, first.updated, first.unchanged), (30, 0, 0), "{:?}", first.errors);
    assert!(first.errors.is_empty(), "{:?}", first.errors);
    let again = service::demo::seed_documents(db, &library.media, now()).await.unwrap();
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 30), "importing again changes nothing");

    let catalogue = Catalogue::load(db.reader()).await.unwrap();
    let today = day("2026-12-04");
    let page = |slug: &'static str| {
        let catalogue = catalogue.clone();
        async move { published_by_slug(db.reader(), &catalogue, slug, today).await.unwrap().expect(slug) }
    };
    let decree = page("42-2022-nd-cp").await;
    assert_eq!(decree.effect.reason_on(today), "bị thay thế bởi 224/2026/NĐ-CP từ 01/07/2026");
    let kinds: Vec<RelationKind> = decree.acted_on_by.iter().map(|(kind, _)| *kind).collect();
    assert!(kinds.contains(&RelationKind::Implements) && kinds.contains(&RelationKind::BasedOn), "{kinds:?}");
    let partly = page("2000-qd-ubnd").await;
    assert_eq!(partly.effect.effect_on(today), Effect::PartlyExpired);
    let coming = page("08-2021-qd-ubnd").await;
    assert_eq!(
        coming.effect.reason_on(today),
        "có hiệu lực từ 15/03/2021; sẽ bị thay thế bởi 35/2026/QĐ-UBND từ 01/01/2027"
    );
    let scan = page("1850-stttt-bcxb").await;
    assert_eq!(scan.attachments[0].1.text_state, "no_text");
    assert_eq!(scan.attachments[0].1.sha256.len(), 64);
    let all = list(db.reader(), &DocumentFilters::default(), today, 1, 50).await.unwrap();
    assert_eq!(all.total, 29, "the draft is not listed");
    let by_pdf = DocumentFilters { query: "trung tam du lieu tinh".into(), ..Default::default() };
    assert_eq!(library.listed(by_pdf).await, ["120/KH-UBND"], "the words of the plan's PDF");
    library.test.finish().await;
}
