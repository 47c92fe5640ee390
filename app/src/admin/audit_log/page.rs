use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{AuditQuery, get_audit_log};
use crate::components::ErrorMessage;
use crate::format::date_time;
use crate::url::encode_component;

/// What a change can be made to, as the log's `target_kind` names it.
const KINDS: [(&str, &str); 5] = [
    ("article", "Bài viết"),
    ("category", "Chuyên mục"),
    ("web_link", "Liên kết website"),
    ("user", "Tài khoản"),
    ("settings", "Cài đặt"),
];

/// `/quan-tri/nhat-ky`: who changed what in the back office, and when.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        let text = |key: &str| params.get(key).unwrap_or_default();
        AuditQuery {
            username: text("nguoi"),
            kind: text("loai"),
            from: text("tu-ngay"),
            to: text("den-ngay"),
            page: text("trang").parse().unwrap_or(1),
        }
    });
    let log = Resource::new(move || query.get(), get_audit_log);
    let page_url = move |page: u64| {
        let q = query.get_untracked();
        format!(
            "/quan-tri/nhat-ky?nguoi={}&loai={}&tu-ngay={}&den-ngay={}&trang={page}",
            encode_component(&q.username),
            encode_component(&q.kind),
            encode_component(&q.from),
            encode_component(&q.to)
        )
    };
    view! {
        <Title text="Nhật ký thay đổi - Quản trị"/>
        <h1>"Nhật ký thay đổi"</h1>
        {move || {
            let q = query.get();
            view! {
                <form class="article-filters" method="get" action="/quan-tri/nhat-ky">
                    <label>"Người thực hiện" <input name="nguoi" value=q.username/></label>
                    <label>"Loại"
                        <select name="loai">
                            <option value="">"Tất cả"</option>
                            {KINDS.map(|(value, label)| view! { <option value=value selected=q.kind == value>{label}</option> })}
                        </select>
                    </label>
                    <label>"Từ ngày" <input type="date" name="tu-ngay" value=q.from/></label>
                    <label>"đến" <input type="date" name="den-ngay" value=q.to/></label>
                    <button type="submit">"Lọc"</button>
                </form>
            }
        }}
        <Suspense fallback=|| view! { <p>"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match log.await {
                    Ok(log) => view! {
                        <p role="status">{format!("{} thay đổi", log.total)}</p>
                        <table class="audit-log">
                            <thead><tr><th scope="col">"Thời gian"</th><th scope="col">"Người"</th><th scope="col">"Việc"</th><th scope="col">"Đối tượng"</th><th scope="col">"Chi tiết"</th></tr></thead>
                            <tbody>
                                {log.entries.into_iter().map(|entry| view! {
                                    <tr>
                                        <td>{date_time(entry.at)}</td><td>{entry.username}</td><td><code>{entry.action}</code></td>
                                        <td>{entry.target.unwrap_or_default()}</td><td>{entry.summary}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        {(log.pages > 1).then(|| view! {
                            <nav class="pagination" aria-label="Phân trang"><ul>
                                {(log.page > 1).then(|| view! { <li><a href=page_url(log.page - 1) rel="prev">"‹ Trang trước"</a></li> })}
                                <li>{format!("Trang {}/{}", log.page, log.pages)}</li>
                                {(log.page < log.pages).then(|| view! { <li><a href=page_url(log.page + 1) rel="next">"Trang sau ›"</a></li> })}
                            </ul></nav>
                        })}
                    }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
