use leptos::prelude::*;

use super::PreviewArticle;
use crate::models::ArticleForm;
use crate::pages::article::ArticleContent;

/// "Xem trước": the form as readers will see the article, rendered by the reader page's own
/// component from what a save would store.
#[component]
pub fn ArticlePreview(form: RwSignal<ArticleForm>) -> impl IntoView {
    let preview = ServerAction::<PreviewArticle>::new();
    let open = RwSignal::new(false);
    view! {
        <button type="button" class="preview-button" disabled=move || preview.pending().get()
            on:click=move |_| { open.set(true); preview.dispatch(PreviewArticle { form: form.get_untracked() }); }>
            "Xem trước"
        </button>
        <Show when=move || open.get()>
            <section class="article-preview" aria-labelledby="preview-title">
                <header>
                    <h2 id="preview-title">"Xem trước — bài viết như bạn đọc sẽ thấy"</h2>
                    <button type="button" on:click=move |_| open.set(false)>"Đóng xem trước"</button>
                </header>
                {move || match preview.value().get() {
                    None => view! { <p>"Đang dựng bản xem trước…"</p> }.into_any(),
                    Some(Ok(article)) => {
                        let url = article.url();
                        view! { <ArticleContent article url/> }.into_any()
                    }
                    Some(Err(error)) => view! {
                        <p class="form-error" role="alert">{format!("Không dựng được bản xem trước: {error}")}</p>
                    }.into_any(),
                }}
            </section>
        </Show>
    }
}
