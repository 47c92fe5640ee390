//! Writing, saving and publishing articles in the back office, against a real database.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use entity::article::ArticleStatus;
use entity::user::{self, Role};
use service::audit::{self, AuditFilter};
use service::editorial::autosave;
use service::editorial::editing::{self, apply, create_draft, empty_trash, save};
use service::editorial::listing::{self, ArticleFilter};
use service::editorial::{ArticleFields, EditorialError, StepDetails, Transition};
use service::reader_content::revision;
use service::users::{self, NewUser};
use service::{Database, articles, categories, demo};

use crate::common::TestDatabase;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 3, 0, 0).unwrap()
}

async fn account(db: &Database, username: &str, role: Role) -> user::Model {
    let txn = db.begin_write().await.unwrap();
    let new = NewUser {
        username,
        email: &format!("{username}@so.example.gov.vn"),
        display_name: username,
        password: "mat-khau-du-dai-123",
        role,
    };
    let account = users::create(&txn, new, now()).await.unwrap();
    txn.commit().await.unwrap();
    account
}

async fn fields(db: &Database, title: &str) -> ArticleFields {
    let category = categories::all(db.reader()).await.unwrap().remove(0);
    ArticleFields {
        title: title.into(),
        summary: "Sapo của bài.".into(),
        body_html: "<p>Nội dung ban đầu.</p>".into(),
        category_id: Some(category.id),
        ..Default::default()
    }
}

async fn prepared() -> (TestDatabase, user::Model, user::Model) {
    let test = TestDatabase::new().await;
    demo::seed_if_empty(&test.db, now()).await.unwrap();
    let author = account(&test.db, "phongvien", Role::Author).await;
    let editor = account(&test.db, "bientap", Role::Editor).await;
    (test, author, editor)
}

#[tokio::test]
async fn a_draft_goes_through_review_and_appears_on_the_site_at_its_scheduled_time() {
    let (test, author, editor) = prepared().await;
    let txn = test.db.begin_write().await.unwrap();
    let db = &txn;
    let draft =
        create_draft(db, &author, &fields(&test.db, "Hội nghị chuyển đổi số năm 2027").await, now()).await.unwrap();
    assert_eq!((draft.status, draft.slug.as_str()), (ArticleStatus::Draft, "hoi-nghi-chuyen-doi-so-nam-2027"));

    let refused = apply(db, &author, draft.id, Transition::Publish, StepDetails::default(), now()).await;
    assert!(matches!(refused, Err(EditorialError::Forbidden)), "an author cannot publish");
    apply(db, &author, draft.id, Transition::Submit, StepDetails::default(), now()).await.unwrap();
    let refused = save(db, &author, draft.id, draft.version, &fields(&test.db, "Sửa sau khi gửi").await, now()).await;
    assert!(matches!(refused, Err(EditorialError::Forbidden)), "submitted articles are the editors'");

    let at = now() + TimeDelta::hours(2);
    let details = StepDetails { publish_at: Some(at), note: None };
    let scheduled = apply(db, &editor, draft.id, Transition::Publish, details, now()).await.unwrap();
    assert_eq!((scheduled.status, scheduled.published_at), (ArticleStatus::Published, Some(at)));
    let slug = &scheduled.slug;
    assert!(articles::published_by_slug(db, slug, now()).await.unwrap().is_none(), "not before its time");
    assert!(articles::published_by_slug(db, slug, at - TimeDelta::seconds(1)).await.unwrap().is_none());
    assert!(articles::published_by_slug(db, slug, at).await.unwrap().is_some(), "live at its time");
    let sitemap = articles::sitemap_entries(db, at, 0, 100).await.unwrap();
    assert!(sitemap.iter().any(|entry| &entry.slug == slug));
    txn.commit().await.unwrap();
    test.finish().await;
}

#[tokio::test]
async fn the_reader_content_revision_moves_with_every_change_and_with_a_scheduled_publication() {
    let (test, author, editor) = prepared().await;
    let before = revision(test.db.reader(), now()).await.unwrap();
    assert!(before.last_publication.is_some() && before.next_publication.is_none(), "{before:?}");

    let txn = test.db.begin_write().await.unwrap();
    let draft = create_draft(&txn, &author, &fields(&test.db, "Thông báo lịch tiếp dân").await, now()).await.unwrap();
    txn.commit().await.unwrap();
    let drafted = revision(test.db.reader(), now()).await.unwrap();
    assert_ne!(drafted, before, "every audited change moves it");
    assert_eq!(drafted.last_publication, before.last_publication);

    let at = now() + TimeDelta::hours(2);
    let txn = test.db.begin_write().await.unwrap();
    apply(&txn, &author, draft.id, Transition::Submit, StepDetails::default(), now()).await.unwrap();
    apply(&txn, &editor, draft.id, Transition::Publish, StepDetails { publish_at: Some(at), note: None }, now())
        .await
        .unwrap();
    txn.commit().await.unwrap();
    let scheduled = revision(test.db.reader(), now()).await.unwrap();
    assert_eq!(scheduled.next_publication, Some(at));
    assert!(!scheduled.outdated_by_schedule(at - TimeDelta::seconds(1)) && scheduled.outdated_by_schedule(at));
    assert_eq!(revision(test.db.reader(), now()).await.unwrap(), scheduled, "unchanged while nothing changes");

    let live = revision(test.db.reader(), at).await.unwrap();
    assert_eq!((live.last_publication, live.next_publication), (Some(at), None));
    assert_eq!(live.changed_at(), Some(at));
    test.finish().await;
}

#[tokio::test]
async fn an_editor_sends_an_article_back_with_a_comment_the_author_sees() {
    let (test, author, editor) = prepared().await;
    let txn = test.db.begin_write().await.unwrap();
    let db = &txn;
    let draft = create_draft(db, &author, &fields(&test.db, "Bài cần sửa").await, now()).await.unwrap();
    apply(db, &author, draft.id, Transition::Submit, StepDetails::default(), now()).await.unwrap();
    let without_reason = apply(db, &editor, draft.id, Transition::SendBack, StepDetails::default(), now()).await;
    assert!(matches!(without_reason, Err(EditorialError::Invalid(errors)) if errors[0].field == "note"));
    let note = StepDetails { publish_at: None, note: Some("Bổ sung số liệu quý IV.".into()) };
    let returned = apply(db, &editor, draft.id, Transition::SendBack, note, now()).await.unwrap();
    assert_eq!(returned.status, ArticleStatus::Draft);
    assert_eq!(returned.review_note.as_deref(), Some("Bổ sung số liệu quý IV."));
    let out_of_order = apply(db, &editor, draft.id, Transition::Unpublish, StepDetails::default(), now()).await;
    assert_eq!(out_of_order.unwrap_err().to_string(), "Không thể gỡ xuống bài viết đang ở trạng thái “Nháp”.");
    txn.commit().await.unwrap();
    test.finish().await;
}

#[tokio::test]
async fn every_save_keeps_a_revision_and_a_stale_save_is_a_conflict_that_stores_nothing() {
    let (test, author, editor) = prepared().await;
    let txn = test.db.begin_write().await.unwrap();
    let db = &txn;
    let draft = create_draft(db, &author, &fields(&test.db, "Bài viết chung").await, now()).await.unwrap();
    let mut first = fields(&test.db, "Bài viết chung").await;
    first.body_html = "<p>Bản của phóng viên.</p>".into();
    let saved = save(db, &author, draft.id, draft.version, &first, now()).await.unwrap();
    assert_eq!(saved.version, 2);

    // The editor opened version 1 too and saves after the author.
    let mut second = fields(&test.db, "Bài viết chung").await;
    second.body_html = "<p>Bản của biên tập viên.</p>".into();
    let Err(EditorialError::Conflict(conflict)) = save(db, &editor, draft.id, draft.version, &second, now()).await
    else {
        panic!("a save based on version 1 after version 2 must be refused");
    };
    assert_eq!(conflict.current.body_html, "<p>Bản của phóng viên.</p>");
    assert_eq!(conflict.based_on.unwrap().body_html, "<p>Nội dung ban đầu.</p>");
    assert_eq!(conflict.saved_by.as_deref(), Some("phongvien"));
    let stored = editing::find(db, draft.id).await.unwrap();
    assert_eq!((stored.version, stored.body_html.as_str()), (2, "<p>Bản của phóng viên.</p>"));

    let revisions = articles::revisions(db, draft.id).await.unwrap();
    let versions: Vec<_> = revisions.iter().map(|r| (r.version, r.saved_by)).collect();
    assert_eq!(versions, [(1, Some(author.id)), (2, Some(author.id))]);
    let (log, _) =
        audit::list(db, &AuditFilter { target_id: Some(draft.id), ..Default::default() }, 1, 10).await.unwrap();
    let actions: Vec<_> = log.iter().map(|entry| entry.action.as_str()).collect();
    assert_eq!(actions, ["article.save", "article.create"], "the refused save is not logged");
    assert!(log[0].summary.contains("sửa nội dung"), "{}", log[0].summary);
    txn.commit().await.unwrap();
    test.finish().await;
}

#[tokio::test]
async fn bad_fields_are_refused_together_and_a_taken_slug_is_named() {
    let (test, author, _) = prepared().await;
    let txn = test.db.begin_write().await.unwrap();
    let db = &txn;
    let taken = articles::latest_published(db, now(), 1).await.unwrap().remove(0).slug;
    let mut bad = fields(&test.db, "Zyxw tiêu đề").await;
    bad.slug = taken;
    bad.category_id = Some(999_999);
    let Err(EditorialError::Invalid(errors)) = create_draft(db, &author, &bad, now()).await else {
        panic!("refused");
    };
    let named: Vec<_> = errors.iter().map(|e| e.field).collect();
    assert_eq!(named, ["category_id", "slug"]);
    assert_eq!(
        listing::list(db, &ArticleFilter { text: "zyxw".into(), ..Default::default() }, 1, 10).await.unwrap().1,
        0,
        "nothing was stored"
    );
    txn.commit().await.unwrap();
    test.finish().await;
}

#[tokio::test]
async fn changing_the_slug_of_a_published_article_keeps_the_old_address_working() {
    let (test, _, editor) = prepared().await;
    let txn = test.db.begin_write().await.unwrap();
    let db = &txn;
    let published = articles::latest_published(db, now(), 1).await.unwrap().remove(0);
    let article = editing::find(db, published.id).await.unwrap();
    let mut changed = ArticleFields {
        title: article.title.clone(),
        slug: "dia-chi-moi".into(),
        summary: article.summary.clone(),
        body_html: article.body_html.clone(),
        category_id: Some(article.category_id),
        ..Default::default()
    };
    changed.author = article.author.clone().unwrap_or_default();
    save(db, &editor, article.id, article.version, &changed, now()).await.unwrap();
    assert_eq!(articles::moved_to(db, &article.slug, now()).await.unwrap().as_deref(), Some("dia-chi-moi"));
    txn.commit().await.unwrap();
    test.finish().await;
}

#[tokio::test]
async fn the_list_filters_by_status_author_and_folded_text_and_hides_the_trash() {
    let (test, author, editor) = prepared().await;
    let admin = account(&test.db, "quantri", Role::Admin).await;
    let txn = test.db.begin_write().await.unwrap();
    let db = &txn;
    let mine =
        create_draft(db, &author, &fields(&test.db, "Đảng bộ tỉnh họp phiên thường kỳ").await, now()).await.unwrap();
    let drafts = ArticleFilter { status: Some(ArticleStatus::Draft), ..Default::default() };
    assert_eq!(listing::list(db, &drafts, 1, 10).await.unwrap().1, 1);
    let by_author = ArticleFilter { created_by: Some(author.id), text: "dang bo".into(), ..Default::default() };
    let (rows, total) = listing::list(db, &by_author, 1, 10).await.unwrap();
    assert_eq!((total, rows[0].id), (1, mine.id));

    apply(db, &editor, mine.id, Transition::Trash, StepDetails::default(), now()).await.unwrap();
    assert_eq!(listing::list(db, &by_author, 1, 10).await.unwrap().1, 0, "the trash is listed only on request");
    let trash = ArticleFilter { status: Some(ArticleStatus::Trashed), ..Default::default() };
    assert_eq!(listing::list(db, &trash, 1, 10).await.unwrap().1, 1);
    assert!(matches!(empty_trash(db, &editor, now()).await, Err(EditorialError::Forbidden)));
    assert_eq!(empty_trash(db, &admin, now()).await.unwrap(), 1);
    assert!(matches!(editing::find(db, mine.id).await, Err(EditorialError::NotFound)));
    txn.commit().await.unwrap();
    test.finish().await;
}

#[tokio::test]
async fn an_editor_sees_who_else_has_the_article_open_until_they_leave() {
    let (test, author, editor) = prepared().await;
    let other = account(&test.db, "phongvien2", Role::Author).await;
    let txn = test.db.begin_write().await.unwrap();
    let db = &txn;
    let draft = create_draft(db, &author, &fields(&test.db, "Bài đang mở").await, now()).await.unwrap();
    use service::editorial::presence::{PRESENT_FOR, mark_open};
    assert!(mark_open(db, &author, draft.id, now()).await.unwrap().is_empty());
    let seen_by_editor = mark_open(db, &editor, draft.id, now()).await.unwrap();
    assert_eq!(seen_by_editor.iter().map(|u| u.username.as_str()).collect::<Vec<_>>(), ["phongvien"]);
    let later = now() + PRESENT_FOR + TimeDelta::seconds(1);
    assert!(mark_open(db, &editor, draft.id, later).await.unwrap().is_empty(), "the author closed the page");
    // Another author may neither learn who edits this draft nor mark it open.
    assert!(matches!(mark_open(db, &other, draft.id, later).await, Err(EditorialError::Forbidden)));
    assert!(matches!(mark_open(db, &other, draft.id + 1000, later).await, Err(EditorialError::NotFound)));
    txn.commit().await.unwrap();
    test.finish().await;
}

/// Two tabs of one person report at the same moment, each in its own transaction. The report
/// looked for the row and then inserted it, which PostgreSQL lets collide.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_presence_reports_and_first_settings_saves_never_collide() {
    use service::editorial::presence::mark_open;
    let (test, author, _) = prepared().await;
    let txn = test.db.begin_write().await.unwrap();
    let draft = create_draft(&txn, &author, &fields(&test.db, "Bài đang mở").await, now()).await.unwrap();
    txn.commit().await.unwrap();
    let reports: Vec<_> = (0..8)
        .map(|_| {
            let (db, author) = (test.db.clone(), author.clone());
            tokio::spawn(async move {
                let txn = db.begin_write().await?;
                mark_open(&txn, &author, draft.id, now()).await.map_err(|e| sea_orm::DbErr::Custom(e.to_string()))?;
                txn.commit().await
            })
        })
        .collect();
    for report in reports {
        report.await.unwrap().expect("every report is stored");
    }
    use sea_orm::EntityTrait;
    let txn = test.db.begin_write().await.unwrap();
    entity::site_settings::Entity::delete_by_id(1).exec(&txn).await.unwrap();
    txn.commit().await.unwrap();
    let saves: Vec<_> = (0..8)
        .map(|n| {
            let db = test.db.clone();
            tokio::spawn(async move {
                let settings = entity::site_settings::Model {
                    id: 1,
                    site_name: format!("Sở {n}"),
                    agency_name: "Sở Thông tin và Truyền thông".into(),
                    emblem_url: "/emblem.svg".into(),
                    licence: String::new(),
                    responsible_person: String::new(),
                    address: String::new(),
                    phone: String::new(),
                    fax: String::new(),
                    email: String::new(),
                    designed_by: String::new(),
                };
                let txn = db.begin_write().await?;
                service::site::save_settings(&txn, settings).await?;
                txn.commit().await
            })
        })
        .collect();
    for save in saves {
        save.await.unwrap().expect("every save is stored, the last one wins");
    }
    let stored = service::site::settings(test.db.reader()).await.unwrap().unwrap();
    assert!(stored.site_name.starts_with("Sở "), "{}", stored.site_name);
    test.finish().await;
}

#[tokio::test]
async fn categories_are_reordered_moved_and_deleted_only_when_empty() {
    use service::categories::{CategoryError, CategoryFields, delete, move_among_siblings, save};
    let (test, _, _) = prepared().await;
    let txn = test.db.begin_write().await.unwrap();
    let db = &txn;
    let top: Vec<_> = categories::all(db).await.unwrap().into_iter().filter(|c| c.parent_id.is_none()).collect();
    let names = |list: &[entity::category::Model]| list.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    let new = CategoryFields { name: "Cải cách hành chính".into(), show_in_menu: true, ..Default::default() };
    let created = save(db, None, &new).await.unwrap();
    assert_eq!(created.slug, "cai-cach-hanh-chinh");
    move_among_siblings(db, created.id, -1).await.unwrap();
    let order: Vec<_> = categories::all(db).await.unwrap().into_iter().filter(|c| c.parent_id.is_none()).collect();
    let mut expected = names(&top);
    expected.insert(expected.len() - 1, "Cải cách hành chính".into());
    assert_eq!(names(&order), expected);

    let under_itself = CategoryFields { parent_id: Some(created.id), ..new.clone() };
    assert!(matches!(save(db, Some(created.id), &under_itself).await, Err(CategoryError::InvalidParent)));
    let taken = CategoryFields { slug: top[0].slug.clone(), ..new.clone() };
    assert!(matches!(save(db, Some(created.id), &taken).await, Err(CategoryError::SlugTaken)));
    let child =
        save(db, None, &CategoryFields { name: "Một cửa".into(), parent_id: Some(created.id), ..Default::default() })
            .await
            .unwrap();
    let top_under_child = CategoryFields { parent_id: Some(child.id), ..new.clone() };
    assert!(matches!(save(db, Some(created.id), &top_under_child).await, Err(CategoryError::InvalidParent)));
    assert!(matches!(delete(db, created.id).await, Err(CategoryError::InUse)), "it has a sub-category");
    assert!(matches!(delete(db, top[0].id).await, Err(CategoryError::InUse)), "it has articles");
    delete(db, child.id).await.unwrap();
    delete(db, created.id).await.unwrap();
    txn.commit().await.unwrap();
    test.finish().await;
}

#[tokio::test]
async fn autosave_keeps_changes_apart_from_the_article_until_a_real_save() {
    let (test, author, editor) = prepared().await;
    let txn = test.db.begin_write().await.unwrap();
    let db = &txn;
    let draft = create_draft(db, &author, &fields(&test.db, "Bài đang viết").await, now()).await.unwrap();
    let later = now() + TimeDelta::minutes(5);
    let typed = ArticleFields {
        body_html: "<p onclick=\"x()\">Đoạn mới gõ thêm.</p>".into(),
        ..fields(&test.db, "Bài đang viết").await
    };
    autosave::keep(db, &author, draft.id, draft.version, &typed, later).await.unwrap();

    let stored = editing::find(db, draft.id).await.unwrap();
    assert_eq!((stored.version, stored.body_html.as_str()), (draft.version, "<p>Nội dung ban đầu.</p>"));
    let kept = autosave::newer_than_saved(db, author.id, &stored).await.unwrap().expect("kept");
    assert_eq!((kept.fields.body_html.as_str(), kept.based_on_version), ("<p>Đoạn mới gõ thêm.</p>", draft.version));
    assert_eq!(kept.saved_at, later);
    assert_eq!(autosave::newer_than_saved(db, editor.id, &stored).await.unwrap(), None, "each person has their own");

    // Typing again replaces the copy; a real save stores the text and forgets the copy.
    let retyped = ArticleFields { body_html: "<p>Bản cuối.</p>".into(), ..typed.clone() };
    autosave::keep(db, &author, draft.id, draft.version, &retyped, later + TimeDelta::minutes(1)).await.unwrap();
    let kept = autosave::newer_than_saved(db, author.id, &stored).await.unwrap().unwrap();
    assert_eq!(kept.fields.body_html, "<p>Bản cuối.</p>");
    let saved = save(db, &author, draft.id, draft.version, &retyped, later + TimeDelta::minutes(2)).await.unwrap();
    assert_eq!(saved.body_html, "<p>Bản cuối.</p>");
    assert_eq!(autosave::newer_than_saved(db, author.id, &saved).await.unwrap(), None);

    // Once submitted the article is the editors': the author can no longer keep changes to it.
    apply(db, &author, draft.id, Transition::Submit, StepDetails::default(), later).await.unwrap();
    let refused = autosave::keep(db, &author, draft.id, saved.version, &typed, later).await;
    assert!(matches!(refused, Err(EditorialError::Forbidden)), "{refused:?}");
    txn.commit().await.unwrap();
    test.finish().await;
}

#[tokio::test]
async fn autosaving_a_published_article_changes_nothing_readers_see() {
    let (test, author, editor) = prepared().await;
    let txn = test.db.begin_write().await.unwrap();
    let db = &txn;
    let draft = create_draft(db, &author, &fields(&test.db, "Thông báo lịch tiếp dân").await, now()).await.unwrap();
    apply(db, &author, draft.id, Transition::Submit, StepDetails::default(), now()).await.unwrap();
    let published = apply(db, &editor, draft.id, Transition::Publish, StepDetails::default(), now()).await.unwrap();
    let typed = ArticleFields {
        body_html: "<p>Bản sửa chưa duyệt.</p>".into(),
        ..fields(&test.db, "Tiêu đề mới").await
    };
    autosave::keep(db, &editor, draft.id, published.version, &typed, now() + TimeDelta::minutes(1)).await.unwrap();
    let live = articles::published_by_slug(db, &published.slug, now() + TimeDelta::minutes(2)).await.unwrap().unwrap();
    assert_eq!((live.title.as_str(), live.body_html.as_str()), ("Thông báo lịch tiếp dân", "<p>Nội dung ban đầu.</p>"));
    assert_eq!(live.version, published.version);
    txn.commit().await.unwrap();
    test.finish().await;
}
