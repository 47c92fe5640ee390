//! The back office's pages as lazily loaded routes. In the browser each page's code is a separate
//! WebAssembly module (`cargo leptos build --split`), fetched when the page is first opened, so a
//! reader's browser never downloads the back office or the editor's bridge. On the server they
//! render like any other route.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

use super::AdminLayout;
use super::accounts::{AccountsPage, OwnPasswordPage};
use super::articles::{ArticleEditorPage, ArticleListPage};
use super::audit_log::AuditLogPage;
use super::categories::CategoriesPage;
use super::dashboard::DashboardPage;
use super::media_library::MediaLibraryPage;
use super::site_settings::SiteSettingsPage;
use super::statistics::StatisticsPage;
use super::web_links::WebLinksPage;
use crate::auth::SignInPage;

/// Declares `Route` as the lazily loaded form of the component `Page` (one without properties).
macro_rules! lazy_pages {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(this: Self) -> AnyView {
                let $route = this;
                $page().into_any()
            }
        }
    )*};
}

lazy_pages! {
    LazySignIn => SignInPage,
    LazyAdminLayout => AdminLayout,
    LazyDashboard => DashboardPage,
    LazyArticleList => ArticleListPage,
    LazyArticleEditor => ArticleEditorPage,
    LazyStatistics => StatisticsPage,
    LazyAuditLog => AuditLogPage,
    LazyAccounts => AccountsPage,
    LazyOwnPassword => OwnPasswordPage,
    LazySiteSettings => SiteSettingsPage,
    LazyCategories => CategoriesPage,
    LazyWebLinks => WebLinksPage,
    LazyMediaLibrary => MediaLibraryPage,
}
