use leptos::prelude::*;
use leptos_router::components::Outlet;

use super::{Footer, Header, Sidebar, get_site_chrome};
use crate::components::ErrorMessage;
use crate::visitor_stats::NoscriptPageViewPixel;

/// The reader pages' frame around the matched page.
#[component]
pub fn ReaderLayout() -> impl IntoView {
    view! { <ReaderFrame><Outlet/></ReaderFrame> }
}

/// Header, menu, sidebar and footer around `children`, and the page-view counter.
///
/// The chrome is read by this one `<Suspense>` only and handed on loaded (`use_chrome`), so the
/// header, sidebar, footer and pages render it without boundaries of their own. Header, sidebar
/// and footer return type-erased views, or the frame's view type grows deeper than the compiler
/// allows.
#[component]
pub fn ReaderFrame(children: ChildrenFn) -> impl IntoView {
    let chrome = Resource::new(|| (), |_| get_site_chrome());
    view! {
        <NoscriptPageViewPixel/>
        <Suspense>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match chrome.await {
                        Ok(chrome) => {
                            provide_context(chrome);
                            view! {
                                <Header/>
                                <div class="page">
                                    // Pages render completely on the server before anything is sent, so
                                    // the title and meta tags are in the first HTML search engines read.
                                    <main id="noi-dung" class="content" tabindex="-1">
                                        {children()}
                                    </main>
                                    <Sidebar/>
                                </div>
                                <Footer/>
                            }
                            .into_any()
                        }
                        Err(error) => view! {
                            <main id="noi-dung" class="content" tabindex="-1"><ErrorMessage error/></main>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
