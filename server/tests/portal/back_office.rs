//! The back office's article work through its server functions, as the browser calls them:
//! every role against every action, the workflow, scheduled publication, conflicts, bad input
//! and sign-in throttling.

use crate::common::{TestPortal, form};
use chrono::TimeDelta;
use entity::article::ArticleStatus;
use entity::user::{self, Role};
use http::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait};
use service::editorial::editing::{self, apply, create_draft};
use service::editorial::{ArticleFields, StepDetails, Transition};
use service::{categories, users};

struct Newsroom {
    portal: TestPortal,
    author: String,
    other_author: String,
    editor: String,
    admin: String,
    category_id: i32,
}

impl Newsroom {
    async fn new() -> Self {
        let portal = TestPortal::with_demo().await;
        let author = portal.session_for("phongvien", Role::Author).await;
        let other_author = portal.session_for("phongvien2", Role::Author).await;
        let editor = portal.session_for("bientap", Role::Editor).await;
        let admin = portal.session_for("quantri", Role::Admin).await;
        let category_id = categories::all(portal.db.reader()).await.unwrap()[0].id;
        Self { portal, author, other_author, editor, admin, category_id }
    }

    async fn account(&self, username: &str) -> user::Model {
        users::find_by_username(self.portal.db.reader(), username).await.unwrap().unwrap()
    }

    /// An article by `phongvien`, brought to `status` directly in the database.
    async fn article_in(&self, status: ArticleStatus, title: &str) -> i32 {
        let author = self.account("phongvien").await;
        let editor = self.account("bientap").await;
        let now = self.portal.clock.now();
        let fields = ArticleFields {
            title: title.into(),
            summary: "Sapo.".into(),
            body_html: "<p>Nội dung.</p>".into(),
            category_id: Some(self.category_id),
            ..Default::default()
        };
        let txn = self.portal.db.begin_write().await.unwrap();
        let draft = create_draft(&txn, &author, &fields, now).await.unwrap();
        let steps: &[(Transition, &user::Model)] = match status {
            ArticleStatus::Draft => &[],
            ArticleStatus::Pending => &[(Transition::Submit, &author)],
            ArticleStatus::Published => &[(Transition::Publish, &editor)],
            ArticleStatus::Unpublished => &[(Transition::Publish, &editor), (Transition::Unpublish, &editor)],
            ArticleStatus::Trashed => &[(Transition::Trash, &editor)],
        };
        for (step, by) in steps {
            apply(&txn, by, draft.id, *step, StepDetails::default(), now).await.unwrap();
        }
        txn.commit().await.unwrap();
        draft.id
    }

    async fn stored(&self, id: i32) -> entity::article::Model {
        editing::find(self.portal.db.reader(), id).await.unwrap()
    }

    fn article_form(&self, title: &str, body: &str) -> Vec<(&'static str, String)> {
        vec![
            ("form[title]", title.to_owned()),
            ("form[slug]", String::new()),
            ("form[summary]", "Sapo của bài.".to_owned()),
            ("form[body_html]", body.to_owned()),
            ("form[category_id]", self.category_id.to_string()),
            ("form[author]", String::new()),
            ("form[cover_image]", String::new()),
            ("form[featured]", "false".to_owned()),
        ]
    }

    async fn save(
        &self,
        id: Option<i32>,
        version: i32,
        title: &str,
        body: &str,
        session: Option<&str>,
    ) -> crate::common::Page {
        let mut pairs = self.article_form(title, body);
        if let Some(id) = id {
            pairs.push(("id", id.to_string()));
        }
        pairs.push(("version", version.to_string()));
        let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.portal.call("/api/save_article", &form(&borrowed), session).await
    }

    async fn step(&self, id: i32, step: &str, extra: &[(&str, &str)], session: Option<&str>) -> crate::common::Page {
        let id = id.to_string();
        let mut pairs = vec![("id", id.as_str()), ("step", step)];
        pairs.extend_from_slice(extra);
        self.portal.call("/api/change_article_status", &form(&pairs), session).await
    }
}

#[derive(Clone, Copy, Debug)]
enum Who {
    Reader,
    OwnAuthor,
    OtherAuthor,
    Editor,
    Admin,
}

/// Each action, tried by each kind of user on a fresh article in the status it applies to.
#[tokio::test(flavor = "multi_thread")]
async fn every_role_may_do_exactly_what_its_newsroom_job_allows() {
    let newsroom = Newsroom::new().await;
    let everyone = [Who::Reader, Who::OwnAuthor, Who::OtherAuthor, Who::Editor, Who::Admin];
    let (ok, unauth, forbidden) = (StatusCode::OK, StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN);
    // (action, article status before, expected answer for each of `everyone`)
    let matrix: [(&str, Option<ArticleStatus>, [StatusCode; 5]); 9] = [
        ("create", None, [unauth, ok, ok, ok, ok]),
        ("edit", Some(ArticleStatus::Draft), [unauth, ok, forbidden, ok, ok]),
        ("Submit", Some(ArticleStatus::Draft), [unauth, ok, forbidden, ok, ok]),
        ("Publish", Some(ArticleStatus::Pending), [unauth, forbidden, forbidden, ok, ok]),
        ("SendBack", Some(ArticleStatus::Pending), [unauth, forbidden, forbidden, ok, ok]),
        ("Unpublish", Some(ArticleStatus::Published), [unauth, forbidden, forbidden, ok, ok]),
        ("Trash", Some(ArticleStatus::Draft), [unauth, ok, forbidden, ok, ok]),
        ("Restore", Some(ArticleStatus::Trashed), [unauth, forbidden, forbidden, ok, ok]),
        ("empty_trash", Some(ArticleStatus::Trashed), [unauth, forbidden, forbidden, forbidden, ok]),
    ];
    for (action, before, expected) in matrix {
        for (who, expected) in everyone.into_iter().zip(expected) {
            let session = match who {
                Who::Reader => None,
                Who::OwnAuthor => Some(newsroom.author.as_str()),
                Who::OtherAuthor => Some(newsroom.other_author.as_str()),
                Who::Editor => Some(newsroom.editor.as_str()),
                Who::Admin => Some(newsroom.admin.as_str()),
            };
            let id = match before {
                Some(status) => Some(newsroom.article_in(status, &format!("Bài thử {action} {who:?}")).await),
                None => None,
            };
            let answer = match action {
                "create" => newsroom.save(None, 0, &format!("Bài mới của {who:?}"), "<p>Mới.</p>", session).await,
                "edit" => newsroom.save(id, 1, &format!("Đã sửa bởi {who:?}"), "<p>Đã sửa.</p>", session).await,
                "empty_trash" => newsroom.portal.call("/api/empty_trash", "", session).await,
                step => {
                    let note = [("note", "Cần bổ sung nguồn.")];
                    let extra: &[(&str, &str)] = if step == "SendBack" { &note } else { &[] };
                    newsroom.step(id.unwrap(), step, extra, session).await
                }
            };
            assert_eq!(answer.status, expected, "{action} by {who:?}: {}", answer.html);
            if expected != ok
                && let Some(id) = id
            {
                let stored = newsroom.stored(id).await;
                assert_eq!(
                    (stored.status, stored.version),
                    (before.unwrap(), 1),
                    "{action} by {who:?} changed nothing"
                );
            }
        }
    }
    let list = newsroom.portal.call("/api/list_articles", "query[page]=1", None).await;
    assert_eq!(list.status, unauth, "readers cannot list drafts");
}

#[tokio::test(flavor = "multi_thread")]
async fn authors_list_only_their_own_articles() {
    let newsroom = Newsroom::new().await;
    let id = newsroom.article_in(ArticleStatus::Draft, "Bản nháp của phóng viên một").await;
    let open = form(&[("id", &id.to_string())]);
    let by_other = newsroom.portal.call("/api/get_article_editor", &open, Some(&newsroom.other_author)).await;
    assert_eq!(by_other.status, StatusCode::FORBIDDEN, "another author cannot open it");
    let compare = form(&[("id", &id.to_string()), ("from", "1"), ("to", "1")]);
    let history = newsroom.portal.call("/api/compare_revisions", &compare, Some(&newsroom.other_author)).await;
    assert_eq!(history.status, StatusCode::FORBIDDEN, "nor read its history");
    let by_owner = newsroom.portal.call("/api/get_article_editor", &open, Some(&newsroom.author)).await;
    assert_eq!(by_owner.status, StatusCode::OK);
    let own = newsroom.portal.call("/api/list_articles", "query[page]=1", Some(&newsroom.author)).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.html);
    assert!(own.html.contains("Bản nháp của phóng viên một"));
    let other = newsroom.portal.call("/api/list_articles", "query[page]=1", Some(&newsroom.other_author)).await;
    assert!(!other.html.contains("Bản nháp của phóng viên một"), "{}", other.html);
    let editor = newsroom.portal.call("/api/list_articles", "query[page]=1", Some(&newsroom.editor)).await;
    assert!(editor.html.contains("Bản nháp của phóng viên một"));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_approved_article_scheduled_for_later_goes_live_by_itself_at_that_time() {
    let newsroom = Newsroom::new().await;
    let portal = &newsroom.portal;
    let created =
        newsroom.save(None, 0, "Thông báo hẹn giờ phiên họp trực tuyến", "<p>Lịch.</p>", Some(&newsroom.author)).await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.html);
    let id: i32 = serde_json::from_str::<serde_json::Value>(&created.html).unwrap()["id"].as_i64().unwrap() as i32;
    assert_eq!(newsroom.step(id, "Submit", &[], Some(&newsroom.author)).await.status, StatusCode::OK);

    let in_two_hours = (portal.clock.now() + TimeDelta::hours(2)).with_timezone(&app::format::site_time_zone());
    let publish_at = in_two_hours.format("%Y-%m-%dT%H:%M").to_string();
    let approved = newsroom.step(id, "Publish", &[("publish_at", &publish_at)], Some(&newsroom.editor)).await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.html);

    let url = "/bai-viet/thong-bao-hen-gio-phien-hop-truc-tuyen";
    assert_eq!(portal.get(url).await.status, StatusCode::NOT_FOUND, "not before its time");
    let sitemap = portal.get("/sitemap.xml").await.html;
    assert!(!sitemap.contains("thong-bao-hen-gio-phien-hop-truc-tuyen"), "{sitemap}");
    assert!(!portal.get("/rss.xml").await.html.contains("thong-bao-hen-gio-phien-hop-truc-tuyen"));

    portal.clock.advance(TimeDelta::hours(2));
    assert_eq!(portal.get(url).await.status, StatusCode::OK, "live at its time, with nobody pressing anything");
    assert!(portal.get("/sitemap.xml").await.html.contains("thong-bao-hen-gio-phien-hop-truc-tuyen"));
    assert!(portal.get("/rss.xml").await.html.contains("thong-bao-hen-gio-phien-hop-truc-tuyen"));
    assert!(portal.get("/").await.html.contains("Thông báo hẹn giờ phiên họp trực tuyến"));

    let bad_time = newsroom.step(id, "Unpublish", &[], Some(&newsroom.editor)).await;
    assert_eq!(bad_time.status, StatusCode::OK);
    let garbled = newsroom.step(id, "Publish", &[("publish_at", "ngày mai")], Some(&newsroom.editor)).await;
    assert_eq!(garbled.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(garbled.html.contains("không hợp lệ"), "{}", garbled.html);
    let out_of_order = newsroom.step(id, "Submit", &[], Some(&newsroom.editor)).await;
    assert_eq!(out_of_order.status, StatusCode::CONFLICT, "{}", out_of_order.html);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_save_based_on_an_outdated_version_is_refused_with_what_changed_and_stores_nothing() {
    let newsroom = Newsroom::new().await;
    let id = newsroom.article_in(ArticleStatus::Draft, "Bài hai người cùng sửa").await;
    let first = newsroom
        .save(Some(id), 1, "Bài hai người cùng sửa", "<p>Bản của phóng viên.</p>", Some(&newsroom.author))
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.html);

    let second =
        newsroom.save(Some(id), 1, "Bài hai người cùng sửa", "<p>Bản của biên tập.</p>", Some(&newsroom.editor)).await;
    assert_eq!(second.status, StatusCode::CONFLICT, "{}", second.html);
    let conflict: serde_json::Value = serde_json::from_str(&second.html).unwrap();
    assert_eq!(conflict["Conflict"]["version"], 2);
    assert_eq!(conflict["Conflict"]["saved_by"], "phongvien");
    assert_eq!(conflict["Conflict"]["stored"]["body_html"], "<p>Bản của phóng viên.</p>");
    assert!(second.html.contains("Bản của phóng viên"), "the change is shown: {}", second.html);
    assert_eq!(newsroom.stored(id).await.body_html, "<p>Bản của phóng viên.</p>");

    let resolved =
        newsroom.save(Some(id), 2, "Bài hai người cùng sửa", "<p>Bản của biên tập.</p>", Some(&newsroom.editor)).await;
    assert_eq!(resolved.status, StatusCode::OK, "saving over the newest version after seeing it");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_fields_are_refused_field_by_field_and_nothing_is_stored() {
    let newsroom = Newsroom::new().await;
    let mut pairs = newsroom.article_form("", "<p>x</p>");
    pairs[4].1 = "999999".into();
    pairs.push(("version", "0".into()));
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = newsroom.portal.call("/api/save_article", &form(&borrowed), Some(&newsroom.author)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.html);
    let fields: serde_json::Value = serde_json::from_str(&refused.html).unwrap();
    let named: Vec<&str> = fields["Invalid"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(named, ["title", "category_id"]);
    assert!(refused.html.contains("Hãy nhập tiêu đề."));

    let taken = newsroom
        .save(
            None,
            0,
            "Hội nghị tổng kết công tác Đảng năm 2022 và triển khai nhiệm vụ công tác năm 2023",
            "",
            Some(&newsroom.author),
        )
        .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY, "the seed article has this slug");
    assert!(taken.html.contains("đã được bài viết khác sử dụng"));

    let not_a_number = newsroom.portal.call("/api/save_article", "version=abc", Some(&newsroom.author)).await;
    assert_eq!(not_a_number.status, StatusCode::BAD_REQUEST, "{}", not_a_number.html);
    let list = newsroom
        .portal
        .call("/api/list_articles", &form(&[("query[status]", "khong-co")]), Some(&newsroom.editor))
        .await;
    assert_eq!(list.status, StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread")]
async fn repeated_failed_sign_ins_are_slowed_then_blocked_even_with_the_right_password() {
    let newsroom = Newsroom::new().await;
    let portal = &newsroom.portal;
    let attempt = |password: &str| form(&[("login", "phongvien"), ("password", password)]);
    for _ in 0..3 {
        let wrong = portal.call("/api/sign_in", &attempt("sai-mat-khau"), None).await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert!(!wrong.html.contains("chờ"), "a few mistakes cost nothing: {}", wrong.html);
    }
    let fourth = portal.call("/api/sign_in", &attempt("sai-mat-khau"), None).await;
    assert_eq!(fourth.status, StatusCode::UNAUTHORIZED);
    assert!(fourth.html.contains("Vui lòng chờ 2 giây"), "{}", fourth.html);
    let right_too_soon = portal.call("/api/sign_in", &attempt("mat-khau-du-dai-123"), None).await;
    assert_eq!(right_too_soon.status, StatusCode::TOO_MANY_REQUESTS, "{}", right_too_soon.html);
    assert!(right_too_soon.headers.contains_key("retry-after"));
    assert!(right_too_soon.html.contains("Đăng nhập sai quá nhiều lần"));
}

#[tokio::test(flavor = "multi_thread")]
async fn administrators_read_every_change_in_the_audit_log_and_nobody_else_does() {
    let newsroom = Newsroom::new().await;
    let id = newsroom.article_in(ArticleStatus::Pending, "Bài cho nhật ký").await;
    let published = newsroom.step(id, "Publish", &[], Some(&newsroom.editor)).await;
    assert_eq!(published.status, StatusCode::OK);

    let log = newsroom.portal.call("/api/get_audit_log", "query[username]=bientap", Some(&newsroom.admin)).await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.html);
    let log: serde_json::Value = serde_json::from_str(&log.html).unwrap();
    let first = &log["entries"][0];
    assert_eq!((first["username"].as_str(), first["action"].as_str()), (Some("bientap"), Some("article.publish")));
    assert!(first["summary"].as_str().unwrap().contains("“Bài cho nhật ký”: Chờ duyệt → Đã xuất bản"));
    for session in [&newsroom.editor, &newsroom.author] {
        let refused = newsroom.portal.call("/api/get_audit_log", "query[page]=1", Some(session)).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
    }
    let bad_day = newsroom.portal.call("/api/get_audit_log", "query[from]=31-02-2026", Some(&newsroom.admin)).await;
    assert_eq!(bad_day.status, StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread")]
async fn administrators_manage_accounts_and_nobody_else_can() {
    let newsroom = Newsroom::new().await;
    let portal = &newsroom.portal;
    let new_account = form(&[
        ("username", "phongvienmoi"),
        ("email", "phongvienmoi@so.example.gov.vn"),
        ("display_name", "Phóng viên mới"),
        ("role", "Author"),
        ("password", "mat-khau-ban-dau-2026"),
    ]);
    for session in [&newsroom.editor, &newsroom.author] {
        assert_eq!(portal.call("/api/create_account", &new_account, Some(session)).await.status, StatusCode::FORBIDDEN);
        assert_eq!(portal.call("/api/list_accounts", "", Some(session)).await.status, StatusCode::FORBIDDEN);
    }
    assert_eq!(portal.call("/api/create_account", &new_account, Some(&newsroom.admin)).await.status, StatusCode::OK);
    let again = portal.call("/api/create_account", &new_account, Some(&newsroom.admin)).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.html.contains("đã được sử dụng"));

    let sign_in = |password: &str| form(&[("login", "phongvienmoi"), ("password", password)]);
    let signed_in = portal.call("/api/sign_in", &sign_in("mat-khau-ban-dau-2026"), None).await;
    let cookie = signed_in.headers["set-cookie"].to_str().unwrap();
    let token = cookie.split(';').next().unwrap().trim_start_matches("__Host-portal_session=").to_owned();
    assert_eq!(portal.call("/api/list_articles", "query[page]=1", Some(&token)).await.status, StatusCode::OK);

    let id = newsroom.account("phongvienmoi").await.id.to_string();
    let reset = form(&[("id", &id), ("password", "mat-khau-dat-lai-2026")]);
    assert_eq!(
        portal.call("/api/reset_account_password", &reset, Some(&newsroom.editor)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(portal.call("/api/reset_account_password", &reset, Some(&newsroom.admin)).await.status, StatusCode::OK);
    assert_eq!(
        portal.call("/api/list_articles", "query[page]=1", Some(&token)).await.status,
        StatusCode::UNAUTHORIZED,
        "signed out everywhere"
    );
    assert_eq!(
        portal.call("/api/sign_in", &sign_in("mat-khau-ban-dau-2026"), None).await.status,
        StatusCode::UNAUTHORIZED
    );

    let promote = form(&[("id", &id), ("role", "Editor"), ("disabled", "false")]);
    assert_eq!(portal.call("/api/update_account_access", &promote, Some(&newsroom.admin)).await.status, StatusCode::OK);
    assert_eq!(newsroom.account("phongvienmoi").await.role, Role::Editor);
    let lock = form(&[("id", &id), ("role", "Editor"), ("disabled", "true")]);
    assert_eq!(portal.call("/api/update_account_access", &lock, Some(&newsroom.admin)).await.status, StatusCode::OK);
    let locked_out = portal.call("/api/sign_in", &sign_in("mat-khau-dat-lai-2026"), None).await;
    assert_eq!(locked_out.status, StatusCode::UNAUTHORIZED, "a disabled account cannot sign in");

    let own_id = newsroom.account("quantri").await.id.to_string();
    let lock_self = form(&[("id", &own_id), ("role", "Administrator"), ("disabled", "true")]);
    let refused = portal.call("/api/update_account_access", &lock_self, Some(&newsroom.admin)).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.html);
    assert!(!newsroom.account("quantri").await.disabled);
}

#[tokio::test(flavor = "multi_thread")]
async fn everyone_changes_their_own_password_knowing_the_current_one() {
    let newsroom = Newsroom::new().await;
    let portal = &newsroom.portal;
    let change =
        |current: &str, new: &str, repeated: &str| form(&[("current", current), ("new", new), ("repeated", repeated)]);
    let wrong = portal
        .call(
            "/api/change_own_password",
            &change("doan-sai-mat-khau", "mat-khau-moi-2026-x", "mat-khau-moi-2026-x"),
            Some(&newsroom.author),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.html.contains("Mật khẩu hiện tại không đúng"));
    let mismatch = portal
        .call(
            "/api/change_own_password",
            &change("mat-khau-du-dai-123", "mat-khau-moi-2026-x", "mat-khau-moi-2026-y"),
            Some(&newsroom.author),
        )
        .await;
    assert_eq!(mismatch.status, StatusCode::UNPROCESSABLE_ENTITY);
    let short = portal
        .call("/api/change_own_password", &change("mat-khau-du-dai-123", "ngan", "ngan"), Some(&newsroom.author))
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    let changed = portal
        .call(
            "/api/change_own_password",
            &change("mat-khau-du-dai-123", "mat-khau-moi-2026-x", "mat-khau-moi-2026-x"),
            Some(&newsroom.author),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.html);
    let sign_in =
        portal.call("/api/sign_in", &form(&[("login", "phongvien"), ("password", "mat-khau-moi-2026-x")]), None).await;
    assert_eq!(sign_in.status, StatusCode::OK, "{}", sign_in.html);
}

#[tokio::test(flavor = "multi_thread")]
async fn administrators_change_the_footer_lines_readers_see_and_bad_values_are_refused() {
    let newsroom = Newsroom::new().await;
    let portal = &newsroom.portal;
    let settings = |agency: &str, emblem: &str| {
        form(&[
            ("settings[site_name]", "Cổng thông tin điện tử Sở TT&TT"),
            ("settings[agency_name]", agency),
            ("settings[emblem_url]", emblem),
            ("settings[licence]", "Giấy phép số 99/GP-TTĐT"),
            ("settings[responsible_person]", "Nguyễn Văn A"),
            ("settings[address]", "Số 1 Đường Hạc Thành"),
            ("settings[phone]", "0237 000 000"),
            ("settings[fax]", "0237 000 001"),
            ("settings[email]", "sotttt@thanhhoa.gov.vn"),
            ("settings[designed_by]", "Trung tâm CNTT"),
        ])
    };
    let valid = settings("Sở Thông tin và Truyền thông tỉnh Thanh Hóa", "/emblem.svg");
    let by_editor = portal.call("/api/save_site_settings", &valid, Some(&newsroom.editor)).await;
    assert_eq!(by_editor.status, StatusCode::FORBIDDEN);
    for (bad, message) in [
        (settings("  ", "/emblem.svg"), "Hãy nhập “Tên cơ quan”"),
        (settings("Sở", "https://evil.example/logo.png"), "Biểu trưng phải là một tệp trên trang này"),
    ] {
        let refused = portal.call("/api/save_site_settings", &bad, Some(&newsroom.admin)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.html.contains(message), "{}", refused.html);
    }
    assert!(!portal.get("/").await.html.contains("Giấy phép số 99/GP-TTĐT"), "refused values were not stored");
    let saved = portal.call("/api/save_site_settings", &valid, Some(&newsroom.admin)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.html);
    let home = portal.get("/").await.text();
    assert!(home.contains("Giấy phép số 99/GP-TTĐT") && home.contains("Nguyễn Văn A"), "{home}");
}

#[tokio::test(flavor = "multi_thread")]
async fn editors_publish_several_articles_at_once_and_hear_which_could_not_be() {
    let newsroom = Newsroom::new().await;
    let pending = newsroom.article_in(ArticleStatus::Pending, "Bài chờ duyệt một").await;
    let trashed = newsroom.article_in(ArticleStatus::Trashed, "Bài trong thùng rác").await;
    let ids = form(&[("ids[0]", &pending.to_string()), ("ids[1]", &trashed.to_string()), ("step", "Publish")]);
    let by_author = newsroom.portal.call("/api/bulk_change_status", &ids, Some(&newsroom.author)).await;
    assert_eq!(by_author.status, StatusCode::FORBIDDEN);
    assert_eq!(newsroom.stored(pending).await.status, ArticleStatus::Pending);

    let done = newsroom.portal.call("/api/bulk_change_status", &ids, Some(&newsroom.editor)).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.html);
    let outcome: serde_json::Value = serde_json::from_str(&done.html).unwrap();
    assert_eq!(outcome["changed"], 1);
    assert!(outcome["refused"][0].as_str().unwrap().starts_with("Bài trong thùng rác: Không thể xuất bản"));
    assert_eq!(newsroom.stored(pending).await.status, ArticleStatus::Published);
    assert_eq!(newsroom.stored(trashed).await.status, ArticleStatus::Trashed);

    let not_bulk = form(&[("ids[0]", &pending.to_string()), ("step", "Restore")]);
    let refused = newsroom.portal.call("/api/bulk_change_status", &not_bulk, Some(&newsroom.editor)).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread")]
async fn editors_arrange_the_category_tree_that_the_menu_shows() {
    let newsroom = Newsroom::new().await;
    let portal = &newsroom.portal;
    let new_category =
        form(&[("name", "Cải cách hành chính"), ("slug", ""), ("description", ""), ("show_in_menu", "true")]);
    let by_author = portal.call("/api/save_category", &new_category, Some(&newsroom.author)).await;
    assert_eq!(by_author.status, StatusCode::FORBIDDEN);
    let created = portal.call("/api/save_category", &new_category, Some(&newsroom.editor)).await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.html);
    let menu = portal.get("/").await.html;
    assert!(menu.contains("/chuyen-muc/cai-cach-hanh-chinh"), "the menu shows it at once");

    let id = service::categories::find_by_slug(portal.db.reader(), "cai-cach-hanh-chinh").await.unwrap().unwrap().id;
    let hidden = form(&[
        ("id", &id.to_string()),
        ("name", "Cải cách hành chính"),
        ("slug", "cchc"),
        ("description", "CCHC"),
        ("show_in_menu", "false"),
    ]);
    assert_eq!(portal.call("/api/save_category", &hidden, Some(&newsroom.editor)).await.status, StatusCode::OK);
    assert_eq!(portal.get("/chuyen-muc/cchc").await.status, StatusCode::OK);
    let nameless = form(&[("name", " "), ("slug", ""), ("description", ""), ("show_in_menu", "true")]);
    let refused = portal.call("/api/save_category", &nameless, Some(&newsroom.editor)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("Hãy nhập tên chuyên mục"));

    let up = form(&[("id", &id.to_string()), ("step", "-1")]);
    assert_eq!(portal.call("/api/move_category", &up, Some(&newsroom.editor)).await.status, StatusCode::OK);
    let in_use = form(&[("id", &newsroom.category_id.to_string())]);
    assert_eq!(portal.call("/api/delete_category", &in_use, Some(&newsroom.editor)).await.status, StatusCode::CONFLICT);
    let empty = form(&[("id", &id.to_string())]);
    assert_eq!(portal.call("/api/delete_category", &empty, Some(&newsroom.editor)).await.status, StatusCode::OK);
    assert_eq!(portal.get("/chuyen-muc/cchc").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread")]
async fn administrators_edit_the_web_links_widget_that_every_page_shows() {
    let newsroom = Newsroom::new().await;
    let portal = &newsroom.portal;
    let group = form(&[("name", "Liên kết cơ quan báo chí")]);
    assert_eq!(
        portal.call("/api/save_web_link_group", &group, Some(&newsroom.editor)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(portal.call("/api/save_web_link_group", &group, Some(&newsroom.admin)).await.status, StatusCode::OK);
    let groups = service::site::web_link_groups(portal.db.reader()).await.unwrap();
    let (new_group, _) = groups.last().unwrap();
    assert_eq!(new_group.name, "Liên kết cơ quan báo chí", "a new group goes last");
    let group_id = new_group.id.to_string();

    for (url, expected) in
        [("javascript:alert(1)", StatusCode::UNPROCESSABLE_ENTITY), ("https://thanhhoa.gov.vn", StatusCode::OK)]
    {
        let link = form(&[("group_id", &group_id), ("title", "UBND tỉnh Thanh Hóa"), ("url", url)]);
        assert_eq!(portal.call("/api/save_web_link", &link, Some(&newsroom.admin)).await.status, expected, "{url}");
    }
    let home = portal.get("/").await.html;
    assert!(home.contains("Liên kết cơ quan báo chí") && home.contains("href=\"https://thanhhoa.gov.vn\""));
    assert!(!home.contains("javascript:alert"));

    let up = form(&[("id", &group_id), ("step", "-1")]);
    assert_eq!(portal.call("/api/move_web_link_group", &up, Some(&newsroom.admin)).await.status, StatusCode::OK);
    let order: Vec<_> =
        service::site::web_link_groups(portal.db.reader()).await.unwrap().into_iter().map(|(g, _)| g.name).collect();
    assert_eq!(order[order.len() - 2], "Liên kết cơ quan báo chí");
    let delete = form(&[("id", &group_id)]);
    assert_eq!(portal.call("/api/delete_web_link_group", &delete, Some(&newsroom.admin)).await.status, StatusCode::OK);
    assert!(!portal.get("/").await.html.contains("Liên kết cơ quan báo chí"));
}

#[tokio::test(flavor = "multi_thread")]
async fn tags_and_search_engine_text_set_by_the_editor_reach_the_article_page() {
    let newsroom = Newsroom::new().await;
    let id = newsroom.article_in(ArticleStatus::Published, "Bài có từ khoá").await;
    let mut pairs = newsroom.article_form("Bài có từ khoá", "<p>Nội dung.</p>");
    pairs.push(("form[tags]", "Chuyển đổi số, chuyển đổi số , Thanh Hóa".into()));
    pairs.push(("form[seo_title]", "Tiêu đề cho công cụ tìm kiếm".into()));
    pairs.push(("form[seo_description]", "Mô tả ngắn cho kết quả tìm kiếm".into()));
    pairs.push(("id", id.to_string()));
    pairs.push(("version", "1".into()));
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = newsroom.portal.call("/api/save_article", &form(&borrowed), Some(&newsroom.editor)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.html);
    assert_eq!(newsroom.stored(id).await.tags, "Chuyển đổi số, Thanh Hóa");

    let page = newsroom.portal.get("/bai-viet/bai-co-tu-khoa").await;
    assert!(page.html.contains("<title>Tiêu đề cho công cụ tìm kiếm"), "the SEO title is the page title");
    assert!(page.html.contains("content=\"Mô tả ngắn cho kết quả tìm kiếm\""));
    assert!(
        page.html.contains("href=\"/tim-kiem?q=Chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91\""),
        "tags link to search"
    );
    assert!(page.text().contains("Bài có từ khoá"), "readers still see the real title");
}

#[tokio::test(flavor = "multi_thread")]
async fn autosave_keeps_a_copy_for_the_editing_page_and_never_changes_the_published_article() {
    let newsroom = &Newsroom::new().await;
    let id = newsroom.article_in(ArticleStatus::Published, "Bài đang đăng").await;
    let before = newsroom.stored(id).await;
    let autosave = |session: Option<String>| {
        let mut pairs = newsroom.article_form("Bài đang đăng", "<p>Bản sửa dở.</p><script>alert(1)</script>");
        pairs.push(("id", id.to_string()));
        pairs.push(("version", before.version.to_string()));
        async move {
            let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            newsroom.portal.call("/api/autosave_article", &form(&borrowed), session.as_deref()).await
        }
    };
    // Typed a minute after the article was stored.
    newsroom.portal.clock.advance(TimeDelta::minutes(1));
    assert_eq!(autosave(None).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(autosave(Some(newsroom.other_author.clone())).await.status, StatusCode::FORBIDDEN);
    let kept = autosave(Some(newsroom.editor.clone())).await;
    assert_eq!(kept.status, StatusCode::OK, "{}", kept.html);

    let after = newsroom.stored(id).await;
    assert_eq!(
        (after.version, after.body_html.as_str()),
        (before.version, "<p>Nội dung.</p>"),
        "readers see no change"
    );
    let editing_page = |session: String| async move {
        let page = newsroom.portal.call("/api/get_article_editor", &format!("id={id}"), Some(&session)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        serde_json::from_str::<serde_json::Value>(&page.html).unwrap()
    };
    let offered = editing_page(newsroom.editor.clone()).await;
    assert_eq!(offered["autosaved"]["form"]["body_html"], "<p>Bản sửa dở.</p>", "cleaned like a save");
    assert_eq!(offered["autosaved"]["version"], before.version);
    assert!(editing_page(newsroom.admin.clone()).await["autosaved"].is_null(), "the copy is the editor's own");

    let discarded = newsroom.portal.call("/api/discard_autosave", &format!("id={id}"), Some(&newsroom.editor)).await;
    assert_eq!(discarded.status, StatusCode::OK, "{}", discarded.html);
    assert!(editing_page(newsroom.editor.clone()).await["autosaved"].is_null());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_preview_shows_the_form_as_readers_would_see_it_and_stores_nothing() {
    let newsroom = Newsroom::new().await;
    let body = "<p onclick=\"x()\">Đoạn một.</p><figure><img src=\"/media/khong-co.png\" alt=\"\"><figcaption>Ảnh: T.H</figcaption></figure>\
        <iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>";
    let pairs = newsroom.article_form("Bản xem trước", body);
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let anonymous = newsroom.portal.call("/api/preview_article", &form(&borrowed), None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);

    let before = newsroom.portal.db.reader().clone();
    let count = || async { entity::article::Entity::find().count(&before).await.unwrap() };
    let articles_before = count().await;
    let preview = newsroom.portal.call("/api/preview_article", &form(&borrowed), Some(&newsroom.author)).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.html);
    let article: serde_json::Value = serde_json::from_str(&preview.html).unwrap();
    assert_eq!(article["title"], "Bản xem trước");
    assert_eq!(
        article["body_html"],
        "<p>Đoạn một.</p><figure><img src=\"/media/khong-co.png\" alt=\"\" loading=\"lazy\" decoding=\"async\">\
         <figcaption>Ảnh: T.H</figcaption></figure>",
        "cleaned (a player from a host other than the allowed ones is dropped) and described as a save would"
    );
    assert!(!article["breadcrumb"].as_array().unwrap().is_empty(), "under the chosen category");
    assert_eq!(count().await, articles_before, "nothing stored");
}

/// Autosave and preview used to be held to the 64 KB limit of small forms: a long Vietnamese
/// article (each accented letter 6–9 bytes once form-encoded) was refused, and the editor took
/// the refusal for a lost connection and retried for ever.
#[tokio::test(flavor = "multi_thread")]
async fn long_articles_autosave_and_preview_and_an_oversized_one_hears_why_in_the_editors_format() {
    let newsroom = Newsroom::new().await;
    let id = newsroom.article_in(ArticleStatus::Draft, "Bài dài").await;
    let version = newsroom.stored(id).await.version;
    let paragraph = "<p>Hội nghị tổng kết công tác Đảng năm 2022, triển khai nhiệm vụ năm 2023 của Sở.</p>";
    let long_body = paragraph.repeat(300 * 1024 / paragraph.len() + 1);
    assert!(long_body.len() > 300 * 1024);
    let call = |path: &'static str, body: String| {
        let mut pairs = newsroom.article_form("Bài dài", &body);
        pairs.push(("id", id.to_string()));
        pairs.push(("version", version.to_string()));
        let session = newsroom.author.clone();
        let portal = &newsroom.portal;
        async move {
            let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            portal.call(path, &form(&borrowed), Some(&session)).await
        }
    };
    for path in ["/api/autosave_article", "/api/preview_article"] {
        let answer = call(path, long_body.clone()).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}: {}", &answer.html[..answer.html.len().min(300)]);
    }

    let oversized = "<p>Đường</p>".repeat(300_000);
    for path in ["/api/autosave_article", "/api/preview_article", "/api/save_article"] {
        let answer = call(path, oversized.clone()).await;
        assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE, "{path}");
        let refusal: app::admin::articles::EditorError = serde_json::from_str(&answer.html).unwrap();
        assert!(
            matches!(&refusal, app::admin::articles::EditorError::Refused(m) if m.contains("quá lớn")),
            "{path}: {refusal:?}"
        );
    }
    let stored = newsroom.stored(id).await;
    assert_eq!((stored.version, stored.body_html.as_str()), (version, "<p>Nội dung.</p>"), "nothing stored");
}

/// Ten failed sign-ins used to block an account for 15 minutes even with the right password, so
/// one address could keep `quantri` locked out for ever.
#[tokio::test(flavor = "multi_thread")]
async fn a_guesser_cannot_lock_the_owner_out_from_another_address_or_a_known_browser() {
    let newsroom = Newsroom::new().await;
    let portal = &newsroom.portal;
    let (guesser, office, home) = ([198, 51, 100, 7], [203, 0, 113, 20], [192, 0, 2, 44]);
    let attempt = |password: &str| form(&[("login", "quantri"), ("password", password)]);
    let right = attempt("mat-khau-du-dai-123");

    // The owner signs in once from the office: that browser is known from then on.
    let (first, cookies) = portal.call_from(office, "/api/sign_in", &right, "").await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.html);
    let device = cookies.iter().find(|c| c.starts_with("__Host-portal_device=")).expect("a device cookie").clone();

    let mut refused = 0;
    for _ in 0..40 {
        let (answer, _) = portal.call_from(guesser, "/api/sign_in", &attempt("doan-mo-mat-khau"), "").await;
        assert!(
            [StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS].contains(&answer.status),
            "{}",
            answer.status
        );
        refused += usize::from(answer.status == StatusCode::TOO_MANY_REQUESTS);
    }
    assert!(refused >= 30, "the guesser is slowed down ({refused} of 40 refused without a check)");
    let (guessed_right, _) = portal.call_from(guesser, "/api/sign_in", &right, "").await;
    assert_eq!(guessed_right.status, StatusCode::TOO_MANY_REQUESTS, "the guesser's address waits even when right");

    let (from_home, _) = portal.call_from(home, "/api/sign_in", &right, "").await;
    assert_eq!(from_home.status, StatusCode::OK, "another address is not locked out: {}", from_home.html);
    let (known, cookies) = portal.call_from(guesser, "/api/sign_in", &right, &device).await;
    assert_eq!(known.status, StatusCode::OK, "a known browser signs in even from the guesser's address");
    assert!(!cookies.iter().any(|c| c.starts_with("__Host-portal_device=")), "the known browser keeps its token");
    let (stolen, _) = portal.call_from(guesser, "/api/sign_in", &right, "__Host-portal_device=ab12").await;
    assert_eq!(stolen.status, StatusCode::TOO_MANY_REQUESTS, "a made-up device token counts for nothing");
}

/// Parallel guesses used to read the count before any of them added to it, so all got a try.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_guesses_cannot_skip_the_waits() {
    let newsroom = std::sync::Arc::new(Newsroom::new().await);
    let guesses: Vec<_> = (0..24)
        .map(|_| {
            let newsroom = newsroom.clone();
            tokio::spawn(async move {
                let attempt = form(&[("login", "phongvien"), ("password", "doan-mo-mat-khau")]);
                newsroom.portal.call_from([198, 51, 100, 8], "/api/sign_in", &attempt, "").await.0.status
            })
        })
        .collect();
    let mut checked = 0;
    for guess in guesses {
        checked += usize::from(guess.await.unwrap() == StatusCode::UNAUTHORIZED);
    }
    // Three free failures, the fourth sets a wait: every later one must be refused unchecked.
    assert_eq!(checked, 4, "passwords checked out of 24 parallel guesses");
}

#[tokio::test(flavor = "multi_thread")]
async fn changing_ones_own_password_ends_the_accounts_other_sessions_only() {
    let newsroom = Newsroom::new().await;
    let portal = &newsroom.portal;
    let sign_in = |password: &str| form(&[("login", "phongvien"), ("password", password)]);
    let (_, laptop) = portal.call_from([203, 0, 113, 20], "/api/sign_in", &sign_in("mat-khau-du-dai-123"), "").await;
    let laptop = laptop[0].trim_start_matches("__Host-portal_session=").to_owned();
    let change = form(&[
        ("current", "mat-khau-du-dai-123"),
        ("new", "mat-khau-moi-2026-dai"),
        ("repeated", "mat-khau-moi-2026-dai"),
    ]);
    let changed = portal.call("/api/change_own_password", &change, Some(&newsroom.author)).await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.html);
    let list =
        |session: String| async move { portal.call("/api/list_articles", "query[page]=1", Some(&session)).await };
    assert_eq!(list(newsroom.author.clone()).await.status, StatusCode::OK, "the session that changed it goes on");
    assert_eq!(list(laptop).await.status, StatusCode::UNAUTHORIZED, "whoever knew the old password is out");
    assert_eq!(list(newsroom.editor.clone()).await.status, StatusCode::OK, "other accounts are untouched");
}

#[tokio::test(flavor = "multi_thread")]
async fn presence_and_the_activity_log_answer_only_those_allowed_to_see_them() {
    let newsroom = Newsroom::new().await;
    let id = newsroom.article_in(ArticleStatus::Draft, "Bản nháp riêng").await;
    let presence = |session: String| {
        let portal = &newsroom.portal;
        async move { portal.call("/api/editing_presence", &format!("id={id}"), Some(&session)).await }
    };
    assert_eq!(presence(newsroom.author.clone()).await.status, StatusCode::OK, "the author has it open");
    let other = presence(newsroom.other_author.clone()).await;
    assert_eq!(other.status, StatusCode::FORBIDDEN, "another author learns nothing: {}", other.html);
    let editor = presence(newsroom.editor.clone()).await;
    assert_eq!(editor.status, StatusCode::OK);
    let others: Vec<String> = serde_json::from_str(&editor.html).unwrap();
    assert_eq!(others, ["phongvien"], "the editor sees who else has it open");

    let portal = &newsroom.portal;
    let dashboard = |session: String| async move {
        let page = portal.call("/api/get_dashboard", "", Some(&session)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        serde_json::from_str::<serde_json::Value>(&page.html).unwrap()
    };
    assert!(!dashboard(newsroom.admin.clone()).await["recent_activity"].as_array().unwrap().is_empty());
    assert!(
        dashboard(newsroom.editor.clone()).await["recent_activity"].as_array().unwrap().is_empty(),
        "the audit log is the administrators'"
    );
}
