use leptos::prelude::*;

use super::unsaved_copy::CopySource;
use crate::format;
use crate::models::AutosavedCopy;

/// Offers back changes that were typed but not saved. Restoring puts them in the form (still
/// unsaved: the writer saves when satisfied); dismissing forgets them.
#[component]
pub fn RecoveryPrompt(
    copy: AutosavedCopy,
    source: CopySource,
    current_version: i32,
    on_restore: Callback<AutosavedCopy>,
    on_dismiss: Callback<()>,
) -> impl IntoView {
    let place = match source {
        CopySource::Server => "tự động lưu trên máy chủ",
        CopySource::Browser => "giữ trong trình duyệt này",
    };
    let older = (copy.version != current_version && current_version > 0)
        .then(|| format!(" Bản này được sửa từ phiên bản {}, nay bài đã ở phiên bản {current_version}.", copy.version));
    let when = format::date_time(copy.saved_at);
    view! {
        <section class="recovery" role="alertdialog" aria-labelledby="recovery-title" aria-describedby="recovery-text">
            <h2 id="recovery-title">"Có nội dung chưa lưu"</h2>
            <p id="recovery-text">{format!("Bạn có một bản sửa chưa lưu ({place}, lúc {when}).")}{older}</p>
            <button type="button" on:click=move |_| on_restore.run(copy.clone())>"Khôi phục bản chưa lưu"</button>
            <button type="button" on:click=move |_| on_dismiss.run(())>"Bỏ bản này"</button>
        </section>
    }
}
