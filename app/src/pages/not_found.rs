use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the real 404 status on the server-rendered response.
pub fn set_not_found_status() {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
}

/// What a reader sees for an address that leads nowhere, with a way on.
#[component]
pub fn NotFound() -> impl IntoView {
    set_not_found_status();
    view! {
        <Title text="Không tìm thấy trang"/>
        <section class="not-found">
            <h1>"Không tìm thấy trang"</h1>
            <p>"Trang bạn tìm không tồn tại hoặc đã được chuyển đi."</p>
            <p><a href="/">"Về trang chủ"</a></p>
        </section>
    }
}
