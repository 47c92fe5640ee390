use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::rich_text::RichTextEditor;
use super::save_state::{SaveState, SaveStateIndicator};
use super::unsaved_copy::{self, copy_to_offer};
use super::{
    ArticlePreview, AutosaveArticle, ConflictPanel, DiscardAutosave, EditorError, RecoveryPrompt, SaveArticle,
};
use crate::models::{ArticleEditor, ArticleForm, AutosavedCopy};

/// Seconds without typing before the server keeps an autosaved copy.
const AUTOSAVE_AFTER_IDLE: Duration = Duration::from_secs(3);
/// How soon a failed autosave is tried again.
const AUTOSAVE_RETRY: Duration = Duration::from_secs(10);

/// The article's fields. The typed text lives in the page until the server has stored it: a
/// refused or conflicting save never throws it away. Every change is copied to the browser's
/// storage at once and autosaved to the server after a pause (apart from the article: autosave
/// never changes what readers see).
#[component]
pub fn ArticleFormEditor(editor: ArticleEditor) -> impl IntoView {
    let ArticleEditor { id, version, form, may_edit, categories, autosaved, .. } = editor;
    let stored_form = form.clone();
    let form = RwSignal::new(form);
    let version = RwSignal::new(version);
    let save = ServerAction::<SaveArticle>::new();
    let autosave = ServerAction::<AutosaveArticle>::new();
    let save_state = RwSignal::new(SaveState::Saved);
    // Bumped by every change; a timer acts only if no change came after it was set.
    let changes = StoredValue::new(0u64);
    let offered = RwSignal::new(None);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get() {
            version.set(saved.version);
            changes.update_value(|n| *n += 1);
            save_state.set(SaveState::Saved);
            unsaved_copy::remove_local(id);
            if id.is_none() {
                navigate(&format!("/quan-tri/bai-viet/{}", saved.id), Default::default());
            }
        }
    });
    // Looked at once the page runs in the browser, where the local copy is.
    Effect::new(move |_| {
        if may_edit {
            offered.set(copy_to_offer(&stored_form, autosaved.clone(), unsaved_copy::read_local(id)));
        }
    });
    let run_autosave = move || {
        if let Some(id) = id {
            save_state.set(SaveState::Saving);
            autosave.dispatch(AutosaveArticle { id, version: version.get_untracked(), form: form.get_untracked() });
        }
    };
    Effect::new(move |_| match autosave.value().get() {
        // A save or more typing since the request started says more than its answer.
        Some(Ok(at)) if save_state.get_untracked() == SaveState::Saving => save_state.set(SaveState::Autosaved(at)),
        Some(Ok(_)) => {}
        Some(Err(error)) => {
            let state = SaveState::after_failed_autosave(&error);
            let retry = state.retries();
            save_state.set(state);
            if retry {
                let attempt = changes.get_value();
                set_timeout(
                    move || {
                        if changes.try_get_value() == Some(attempt) {
                            run_autosave()
                        }
                    },
                    AUTOSAVE_RETRY,
                );
            }
        }
        None => {}
    });
    Effect::new(move |first_run: Option<()>| {
        let typed = form.get();
        if first_run.is_none() || !may_edit {
            return;
        }
        changes.update_value(|n| *n += 1);
        let change = changes.get_value();
        unsaved_copy::write_local(
            id,
            &AutosavedCopy { form: typed, version: version.get_untracked(), saved_at: unsaved_copy::now() },
        );
        save_state.set(SaveState::Unsaved);
        set_timeout(
            move || {
                if changes.try_get_value() == Some(change) {
                    run_autosave()
                }
            },
            AUTOSAVE_AFTER_IDLE,
        );
    });
    let discard = ServerAction::<DiscardAutosave>::new();
    // A restored copy is saved over the version it was typed on, so the conflict check catches
    // anything saved since.
    let restore = Callback::new(move |copy: AutosavedCopy| {
        offered.set(None);
        version.set(copy.version);
        form.set(copy.form);
    });
    let dismiss = Callback::new(move |()| {
        offered.set(None);
        unsaved_copy::remove_local(id);
        if let Some(id) = id {
            discard.dispatch(DiscardAutosave { id });
        }
    });
    let error = move || save.value().get().and_then(Result::err);
    let field_error = move |field: &'static str| error().and_then(|e| e.field_message(field));
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        save.dispatch(SaveArticle { id, version: version.get_untracked(), form: form.get_untracked() });
    };
    let text_field = move |field: &'static str,
                           label: &'static str,
                           get: fn(&ArticleForm) -> String,
                           set: fn(&mut ArticleForm, String)| {
        let message_id = format!("{field}-loi");
        view! {
            <label for=field>{label}</label>
            <input id=field name=field prop:value=move || form.with(get) disabled=!may_edit
                aria-invalid=move || field_error(field).map(|_| "true")
                aria-describedby=message_id.clone()
                on:input=move |event| form.update(|f| set(f, event_target_value(&event)))/>
            <FieldMessage id=message_id message=Signal::derive(move || field_error(field))/>
        }
    };
    view! {
        {move || offered.get().map(|(copy, source)| view! {
            <RecoveryPrompt copy source current_version=version.get_untracked() on_restore=restore on_dismiss=dismiss/>
        })}
        <form class="admin-form article-form" on:submit=submit novalidate>
            {text_field("title", "Tiêu đề", |f| f.title.clone(), |f, v| f.title = v)}
            {text_field("slug", "Đường dẫn (để trống: tạo từ tiêu đề)", |f| f.slug.clone(), |f, v| f.slug = v)}
            <label for="summary">"Sapo"</label>
            <textarea id="summary" name="summary" rows="3" disabled=!may_edit prop:value=move || form.with(|f| f.summary.clone())
                aria-describedby="summary-loi" on:input=move |event| form.update(|f| f.summary = event_target_value(&event))></textarea>
            <FieldMessage id="summary-loi".into() message=Signal::derive(move || field_error("summary"))/>
            <p class="field-label" id="body-label">"Nội dung"</p>
            <RichTextEditor
                body=Signal::derive(move || form.with(|f| f.body_html.clone()))
                on_input=Callback::new(move |html| form.update(|f| f.body_html = html))
                editable=may_edit
                error=Signal::derive(move || field_error("body_html"))/>
            <label for="category_id">"Chuyên mục"</label>
            <select id="category_id" name="category_id" disabled=!may_edit aria-describedby="category_id-loi"
                aria-invalid=move || field_error("category_id").map(|_| "true")
                on:change=move |event| form.update(|f| f.category_id = event_target_value(&event).parse().ok())>
                <option value="" selected=move || form.with(|f| f.category_id.is_none())>"— Chọn chuyên mục —"</option>
                {categories.into_iter().map(|choice| view! {
                    <option value=choice.id selected=move || form.with(|f| f.category_id == Some(choice.id))>{choice.label}</option>
                }).collect_view()}
            </select>
            <FieldMessage id="category_id-loi".into() message=Signal::derive(move || field_error("category_id"))/>
            {text_field("author", "Tác giả / nguồn", |f| f.author.clone(), |f, v| f.author = v)}
            {text_field("cover_image", "Ảnh đại diện (đường dẫn trong thư viện)", |f| f.cover_image.clone(), |f, v| f.cover_image = v)}
            {text_field("tags", "Từ khoá (cách nhau bằng dấu phẩy)", |f| f.tags.clone(), |f, v| f.tags = v)}
            {text_field("seo_title", "Tiêu đề SEO (để trống: dùng tiêu đề)", |f| f.seo_title.clone(), |f, v| f.seo_title = v)}
            {text_field("seo_description", "Mô tả SEO (để trống: dùng sapo)", |f| f.seo_description.clone(), |f, v| f.seo_description = v)}
            <label class="checkbox">
                <input type="checkbox" name="featured" disabled=!may_edit prop:checked=move || form.with(|f| f.featured)
                    on:change=move |event| form.update(|f| f.featured = event_target_checked(&event))/>
                "Tin nổi bật"
            </label>
            {may_edit.then(|| view! {
                <div class="form-actions">
                    <button type="submit" disabled=move || save.pending().get()>"Lưu"</button>
                    <ArticlePreview form/>
                </div>
                <SaveStateIndicator state=save_state/>
            })}
            {(!may_edit).then(|| view! { <p class="hint">"Bạn chỉ xem được bài này: bài đã gửi duyệt hoặc không phải của bạn."</p> })}
            {move || match save.value().get() {
                Some(Ok(saved)) => Some(view! { <p class="form-success" role="status">{format!("Đã lưu (phiên bản {}).", saved.version)}</p> }.into_any()),
                Some(Err(EditorError::Conflict(conflict))) => Some(view! {
                    <ConflictPanel conflict=*conflict form version/>
                }.into_any()),
                Some(Err(error)) => Some(view! { <p class="form-error" role="alert">{error.to_string()}</p> }.into_any()),
                None => None,
            }}
        </form>
    }
    // Erased: the form's full view type is deeper than the compiler's default limit.
    .into_any()
}

#[component]
fn FieldMessage(id: String, message: Signal<Option<String>>) -> impl IntoView {
    view! { <p class="field-error" id=id>{move || message.get()}</p> }
}
