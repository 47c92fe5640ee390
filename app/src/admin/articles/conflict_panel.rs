use leptos::prelude::*;

use super::DiffView;
use crate::models::{ArticleForm, SaveConflict};

/// Shown when someone else saved first: what they changed, and the two ways forward. The
/// editor's own text stays in the form until they choose.
#[component]
pub fn ConflictPanel(conflict: SaveConflict, form: RwSignal<ArticleForm>, version: RwSignal<i32>) -> impl IntoView {
    let SaveConflict { version: stored_version, saved_by, stored, changes } = conflict;
    let who = saved_by.unwrap_or_else(|| "người khác".into());
    let resolved = RwSignal::new(None::<&'static str>);
    view! {
        <section class="conflict" role="alert" aria-labelledby="conflict-title">
            <h2 id="conflict-title">{format!("{who} đã lưu bài này (phiên bản {stored_version}) trong lúc bạn sửa")}</h2>
            <p>"Chưa có gì của bạn bị ghi đè: nội dung bạn gõ vẫn nằm nguyên trong các ô. Những thay đổi của họ:"</p>
            <DiffView changes/>
            {move || match resolved.get() {
                Some(message) => view! { <p role="status">{message}</p> }.into_any(),
                None => {
                    let stored = stored.clone();
                    view! {
                        <div class="conflict-actions">
                            <button type="button" on:click=move |_| {
                                version.set(stored_version);
                                resolved.set(Some("Bấm “Lưu” để lưu bản của bạn đè lên bản mới nhất."));
                            }>"Giữ bản của tôi"</button>
                            <button type="button" on:click=move |_| {
                                form.set(stored.clone());
                                version.set(stored_version);
                                resolved.set(Some("Đã nạp bản mới nhất trên máy chủ vào các ô."));
                            }>"Dùng bản đã lưu trên máy chủ"</button>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
