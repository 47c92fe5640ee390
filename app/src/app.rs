use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, Link, MetaTags, Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, SsrMode, path};

use crate::admin::lazy_pages::*;
use crate::layout::{ReaderFrame, ReaderLayout};
use crate::pages::NotFound;
use crate::pages::article::ArticlePage;
use crate::pages::category::CategoryPage;
use crate::pages::home::HomePage;
use crate::pages::search::SearchPage;
use crate::pages::site_map::SiteMapPage;
use crate::pages::static_page::StaticPage;
use crate::visitor_stats::{CountAppNavigations, FIRST_PAGE_VIEW_SCRIPT, provide_live_visitor_stats};

/// The HTML document the server sends.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="vi">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <script nonce=use_nonce() inner_html=FIRST_PAGE_VIEW_SCRIPT></script>
                // The style sheet's name carries its content hash in release builds (`hash-files`).
                <HashedStylesheet options=options.clone() id="leptos"/>
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
    provide_live_visitor_stats();

    // Every route renders completely on the server before anything is sent (SsrMode::Async),
    // so titles and meta tags are in the first HTML and redirects can still be sent. The back
    // office's routes are lazy: readers' browsers never load their code (`admin::lazy_pages`).
    view! {
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Link rel="alternate" type_="application/rss+xml" title="Tin mới" href="/rss.xml"/>
        <Title formatter=title_markup text="Cổng thông tin điện tử"/>
        <a class="skip-link" href="#noi-dung">"Chuyển đến nội dung chính"</a>
        <Router>
            <CountAppNavigations/>
            <Routes fallback=|| view! { <ReaderFrame><NotFound/></ReaderFrame> }>
                <Route path=path!("/quan-tri/dang-nhap") view={Lazy::<LazySignIn>::new()} ssr=SsrMode::Async/>
                <ParentRoute path=path!("/quan-tri") view={Lazy::<LazyAdminLayout>::new()} ssr=SsrMode::Async>
                    <Route path=path!("") view={Lazy::<LazyDashboard>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("bai-viet") view={Lazy::<LazyArticleList>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("bai-viet/:id") view={Lazy::<LazyArticleEditor>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("thong-ke") view={Lazy::<LazyStatistics>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("nhat-ky") view={Lazy::<LazyAuditLog>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("tai-khoan") view={Lazy::<LazyAccounts>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("doi-mat-khau") view={Lazy::<LazyOwnPassword>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("cai-dat") view={Lazy::<LazySiteSettings>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("chuyen-muc") view={Lazy::<LazyCategories>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("lien-ket") view={Lazy::<LazyWebLinks>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("thu-vien") view={Lazy::<LazyMediaLibrary>::new()} ssr=SsrMode::Async/>
                </ParentRoute>
                <ParentRoute path=path!("") view=ReaderLayout ssr=SsrMode::Async>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("chuyen-muc/:slug") view=CategoryPage ssr=SsrMode::Async/>
                    <Route path=path!("bai-viet/:slug") view=ArticlePage ssr=SsrMode::Async/>
                    <Route path=path!("tim-kiem") view=SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("trang/:slug") view=StaticPage ssr=SsrMode::Async/>
                    <Route path=path!("so-do-trang") view=SiteMapPage ssr=SsrMode::Async/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// leptos_meta writes the server-rendered `<title>` as it is, unescaped (in the browser it sets
/// `document.title`, which is plain text), so an article title containing `</title><script>` would
/// end the element. Every page's title passes through this formatter, registered once here.
fn title_markup(text: String) -> String {
    if cfg!(feature = "ssr") { text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;") } else { text }
}
