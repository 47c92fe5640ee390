use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, Link, MetaTags, Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, SsrMode, path};

use crate::admin::lazy_pages::*;
use crate::layout::{ReaderFrame, ReaderLayout, ReaderScript};
use crate::pages::NotFound;
use crate::pages::article::ArticlePage;
use crate::pages::category::CategoryPage;
use crate::pages::home::HomePage;
use crate::pages::legal_documents::{DocumentListPage, DocumentPage};
use crate::pages::search::SearchPage;
use crate::pages::site_map::SiteMapPage;
use crate::pages::static_page::StaticPage;
use crate::visitor_stats::CountAppNavigations;

/// Where the back office lives; every other page is a reader page.
pub const BACK_OFFICE_PATH: &str = "/quan-tri";

/// The HTML document the server sends. Reader pages are server-rendered HTML with islands and the
/// small reader script; the back office is a single-page app, hydrated whole by its own bundle.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let back_office =
        use_context::<http::request::Parts>().is_some_and(|request| request.uri.path().starts_with(BACK_OFFICE_PATH));
    view! {
        <!DOCTYPE html>
        <html lang="vi">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                // The style sheet's name carries its content hash in release builds (`hash-files`).
                <HashedStylesheet options=options.clone() id="leptos"/>
                {if back_office {
                    view! { <HydrationScripts options=back_office_bundle(&options)/> }.into_any()
                } else {
                    view! { <ReaderScript options/> }.into_any()
                }}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The back office's bundle (`admin_frontend`), built by the `admin` project in Cargo.toml into a
/// site root of its own beside the readers' one and served under `/pkg-admin`.
pub fn back_office_bundle(reader: &LeptosOptions) -> LeptosOptions {
    let mut bundle = reader.clone();
    bundle.output_name = "admin".into();
    bundle.site_root = format!("{}-admin", reader.site_root).into();
    bundle.site_pkg_dir = "pkg-admin".into();
    bundle.hash_file = "admin-hash.txt".into();
    bundle
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    // Every route renders completely on the server before anything is sent (SsrMode::Async),
    // so titles and meta tags are in the first HTML and redirects can still be sent. The back
    // office's routes are lazy: its bundle loads each page's code when it is first opened
    // (`admin::lazy_pages`); reader pages never load that bundle at all.
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
                    <Route path=path!("van-ban") view=DocumentListPage ssr=SsrMode::Async/>
                    <Route path=path!("van-ban/:slug") view=DocumentPage ssr=SsrMode::Async/>
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
