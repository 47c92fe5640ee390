use leptos::prelude::*;
use leptos_meta::{Link, MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::layout::{ChromeResource, Footer, Header, Sidebar, get_site_chrome};
use crate::pages::NotFound;
use crate::pages::article::ArticlePage;
use crate::pages::category::CategoryPage;
use crate::pages::home::HomePage;
use crate::pages::search::SearchPage;
use crate::pages::site_map::SiteMapPage;
use crate::pages::static_page::StaticPage;

/// The HTML document the server sends.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="vi">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let chrome: ChromeResource = Resource::new(|| (), |_| get_site_chrome());
    provide_context(chrome);

    view! {
        <Stylesheet id="leptos" href="/pkg/portal.css"/>
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Link rel="alternate" type_="application/rss+xml" title="Tin mới" href="/rss.xml"/>
        <Title text="Cổng thông tin điện tử"/>
        <a class="skip-link" href="#noi-dung">"Chuyển đến nội dung chính"</a>
        <Router>
            <Header/>
            <div class="page">
                // Pages render completely on the server before anything is sent, so the title and
                // meta tags are in the first HTML search engines and link previews read.
                <main id="noi-dung" class="content" tabindex="-1">
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                        <Route path=path!("/chuyen-muc/:slug") view=CategoryPage ssr=SsrMode::Async/>
                        <Route path=path!("/bai-viet/:slug") view=ArticlePage ssr=SsrMode::Async/>
                        <Route path=path!("/tim-kiem") view=SearchPage ssr=SsrMode::Async/>
                        <Route path=path!("/trang/:slug") view=StaticPage ssr=SsrMode::Async/>
                        <Route path=path!("/so-do-trang") view=SiteMapPage ssr=SsrMode::Async/>
                    </Routes>
                </main>
                <Sidebar/>
            </div>
            <Footer/>
        </Router>
    }
}
