use leptos::prelude::*;

use super::command::{EditorCommand, FigureInsert};
use super::controls::EditorControls;
use crate::admin::media_library::{MediaQuery, list_media};

/// The library's images, searchable; choosing one inserts it as a figure with the library's alt
/// text and caption, both editable in place afterwards.
#[component]
pub fn MediaPicker(controls: EditorControls, close: Callback<()>) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let images =
        Resource::new(move || search.get(), |q| list_media(MediaQuery { q, kind: "anh".into(), ..Default::default() }));
    view! {
        <label for="media-search">"Tìm theo tên tệp, mô tả hoặc chú thích"</label>
        <input id="media-search" type="search" autofocus on:change=move |event| search.set(event_target_value(&event))/>
        <Suspense fallback=|| view! { <p>"Đang tải thư viện…"</p> }>
            {move || Suspend::new(async move {
                match images.await {
                    Ok(page) if page.items.is_empty() => view! { <p>"Không có ảnh nào phù hợp."</p> }.into_any(),
                    Ok(page) => view! {
                        <ul class="media-picker">
                            {page.items.into_iter().map(|item| {
                                let thumbnail = item.url_for_width(240).to_owned();
                                let label = if item.alt_text.is_empty() { item.original_name.clone() } else { item.alt_text.clone() };
                                let figure = FigureInsert {
                                    src: item.url.clone(),
                                    alt: item.alt_text.clone(),
                                    caption: item.caption.clone(),
                                    width: item.width,
                                    height: item.height,
                                };
                                let title = format!("Chèn “{label}”");
                                view! {
                                    <li>
                                        <button type="button" title=title on:click=move |_| {
                                            controls.run(EditorCommand::InsertFigure(figure.clone()));
                                            close.run(());
                                        }>
                                            <img src=thumbnail alt="" loading="lazy"/>
                                            <span>{label}</span>
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <p class="form-error">{crate::components::error_text(&error)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
