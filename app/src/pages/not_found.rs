use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::Form;

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
        <Meta name="robots" content="noindex"/>
        <section class="not-found">
            <h1>"Không tìm thấy trang"</h1>
            <p>"Trang bạn tìm không tồn tại hoặc đã được chuyển đi. Hãy thử tìm bài viết:"</p>
            <div role="search" class="search-form not-found-search">
                <Form action="/tim-kiem" method="get">
                    <label for="not-found-q" class="visually-hidden">"Từ khóa"</label>
                    <input id="not-found-q" type="search" name="q" placeholder="Nhập từ khóa…"/>
                    <button type="submit">"Tìm kiếm"</button>
                </Form>
            </div>
            <p><a href="/">"Về trang chủ"</a>" · "<a href="/so-do-trang">"Sơ đồ trang"</a></p>
        </section>
    }
}
