use leptos::prelude::*;
use leptos_router::components::Outlet;

use super::{ChromeResource, Footer, Header, Sidebar, get_site_chrome};
use crate::visitor_stats::NoscriptPageViewPixel;

/// The reader pages' frame around the matched page.
#[component]
pub fn ReaderLayout() -> impl IntoView {
    view! { <ReaderFrame><Outlet/></ReaderFrame> }
}

/// Header, menu, sidebar and footer around `children`, and the page-view counter.
#[component]
pub fn ReaderFrame(children: Children) -> impl IntoView {
    let chrome: ChromeResource = Resource::new(|| (), |_| get_site_chrome());
    provide_context(chrome);
    view! {
        <NoscriptPageViewPixel/>
        <Header/>
        <div class="page">
            // Pages render completely on the server before anything is sent, so the title and
            // meta tags are in the first HTML search engines and link previews read.
            <main id="noi-dung" class="content" tabindex="-1">
                {children()}
            </main>
            <Sidebar/>
        </div>
        <Footer/>
    }
}
