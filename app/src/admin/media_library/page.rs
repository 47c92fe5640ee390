use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::media_card::MediaCard;
use super::upload_form::UploadForm;
use super::{DeleteMedia, LIBRARY_PATH, MediaQuery, UpdateMediaDetails, list_media};
use crate::components::{ActionOutcome, ErrorMessage, Pagination};
use crate::url::encode_component;

/// `/quan-tri/thu-vien`: upload, find, describe and delete files. The filters are a GET form and
/// the upload a multipart form, so the page works without JavaScript; with it, uploads show their
/// progress and the list refreshes as files are stored.
#[component]
pub fn MediaLibraryPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        let text = |key: &str| params.get(key).unwrap_or_default();
        MediaQuery {
            q: text("q"),
            kind: text("loai"),
            from: text("tu-ngay"),
            to: text("den-ngay"),
            page: text("page").parse().unwrap_or(1),
        }
    });
    let uploaded = move || params.read().get("da-tai-len").and_then(|n| n.parse::<usize>().ok());
    let upload_problems = move || params.read().get("loi").filter(|message| !message.is_empty());
    let update = ServerAction::<UpdateMediaDetails>::new();
    let delete = ServerAction::<DeleteMedia>::new();
    let stored = RwSignal::new(0u32);
    let page = Resource::new(
        move || (query.get(), update.version().get(), delete.version().get(), stored.get()),
        |(query, ..)| list_media(query),
    );
    view! {
        <Title text="Thư viện tệp - Quản trị"/>
        <h1>"Thư viện tệp"</h1>
        <section class="admin-card" aria-labelledby="upload-heading">
            <h2 id="upload-heading">"Tải tệp lên"</h2>
            <UploadForm on_stored=Callback::new(move |()| stored.update(|n| *n += 1))/>
            {move || uploaded().map(|n| view! { <p class="form-success" role="status">{format!("Đã tải lên {n} tệp.")}</p> })}
            {move || upload_problems().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
        </section>
        <ActionOutcome value=update.value() success="Đã lưu mô tả."/>
        <ActionOutcome value=delete.value() success="Đã xoá tệp."/>
        <Filters query=query/>
        <Suspense fallback=|| view! { <p>"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => {
                        let base_url = filter_url(&query.get_untracked());
                        view! {
                            <p>{format!("{} tệp", page.total)}</p>
                            <ul class="media-grid">
                                {page.items.into_iter().map(|item| view! {
                                    <MediaCard item may_delete=page.may_delete update delete/>
                                }).collect_view()}
                            </ul>
                            <Pagination base_url page=page.page total_pages=page.total_pages/>
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorMessage error/> <p><a href=LIBRARY_PATH>"Bỏ lọc"</a></p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Filters(query: Memo<MediaQuery>) -> impl IntoView {
    let current = query.get_untracked();
    let kinds = [("", "Tất cả"), ("anh", "Ảnh"), ("tai-lieu", "Tài liệu")];
    view! {
        <form class="article-filters" method="get" action=LIBRARY_PATH role="search">
            <label>"Tìm theo tên, mô tả, chú thích" <input type="search" name="q" value=current.q.clone()/></label>
            <label>"Loại"
                <select name="loai">
                    {kinds.map(|(value, label)| view! { <option value=value selected=current.kind == value>{label}</option> })}
                </select>
            </label>
            <label>"Từ ngày" <input type="date" name="tu-ngay" value=current.from.clone()/></label>
            <label>"Đến ngày" <input type="date" name="den-ngay" value=current.to.clone()/></label>
            <button type="submit">"Lọc"</button>
        </form>
    }
}

/// The library's address with the current filters, for the page links.
fn filter_url(query: &MediaQuery) -> String {
    let pairs = [("q", &query.q), ("loai", &query.kind), ("tu-ngay", &query.from), ("den-ngay", &query.to)];
    let given: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}={}", encode_component(value)))
        .collect();
    if given.is_empty() { LIBRARY_PATH.to_owned() } else { format!("{LIBRARY_PATH}?{}", given.join("&")) }
}
