use leptos::prelude::*;
use leptos_meta::Title;

use super::{SaveSiteSettings, get_site_settings};
use crate::components::{ActionOutcome, ErrorMessage};

const FIELDS: [(&str, &str); 10] = [
    ("site_name", "Tên cổng thông tin"),
    ("agency_name", "Tên cơ quan"),
    ("emblem_url", "Biểu trưng (đường dẫn tệp trên trang, ví dụ /emblem.svg)"),
    ("licence", "Giấy phép"),
    ("responsible_person", "Người chịu trách nhiệm"),
    ("address", "Địa chỉ"),
    ("phone", "Điện thoại"),
    ("fax", "Fax"),
    ("email", "Email"),
    ("designed_by", "Thiết kế bởi"),
];

/// `/quan-tri/cai-dat`: a plain form, so it also works without JavaScript.
#[component]
pub fn SiteSettingsPage() -> impl IntoView {
    let save = ServerAction::<SaveSiteSettings>::new();
    let settings = Resource::new(move || save.version().get(), |_| get_site_settings());
    view! {
        <Title text="Cài đặt - Quản trị"/>
        <h1>"Cài đặt cổng thông tin"</h1>
        <p class="hint">"Múi giờ: Asia/Ho_Chi_Minh (UTC+7). Bộ đếm truy cập: xem trang Thống kê truy cập."</p>
        <Suspense fallback=|| view! { <p>"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(current) => {
                        let value = move |field: &str| match field {
                            "site_name" => current.site_name.clone(),
                            "agency_name" => current.agency_name.clone(),
                            "emblem_url" => current.emblem_url.clone(),
                            "licence" => current.licence.clone(),
                            "responsible_person" => current.responsible_person.clone(),
                            "address" => current.address.clone(),
                            "phone" => current.phone.clone(),
                            "fax" => current.fax.clone(),
                            "email" => current.email.clone(),
                            _ => current.designed_by.clone(),
                        };
                        view! {
                            <ActionForm action=save attr:class="admin-form admin-card">
                                {FIELDS.map(|(field, label)| {
                                    let id = format!("setting-{field}");
                                    view! {
                                        <label for=id.clone()>{label}</label>
                                        <input id=id name=format!("settings[{field}]") value=value(field)/>
                                    }
                                })}
                                <button type="submit">"Lưu cài đặt"</button>
                                <ActionOutcome value=save.value() success="Đã lưu cài đặt."/>
                            </ActionForm>
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
