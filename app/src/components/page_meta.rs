use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::models::SiteChrome;

/// The page's title, description, canonical URL, and Open Graph and Twitter card tags, all in the
/// first HTML the server sends.
#[component]
pub fn PageMeta(
    site: SiteChrome,
    /// The page's own title; the site name is appended (the home page passes the site name itself).
    title: String,
    description: String,
    /// The page's path, e.g. `/bai-viet/slug`.
    path: String,
    /// A site path or absolute URL of the image link previews show.
    #[prop(optional)]
    image: Option<String>,
    /// `article` for news articles, `website` otherwise.
    #[prop(default = "website")]
    kind: &'static str,
    /// Search results and similar pages ask not to be indexed.
    #[prop(optional)]
    no_index: bool,
) -> impl IntoView {
    let site_name = site.settings.site_name.clone();
    let full_title =
        if title == site_name || site_name.is_empty() { title.clone() } else { format!("{title} - {site_name}") };
    let canonical = format!("{}{path}", site.public_url);
    let image = image.unwrap_or(site.settings.emblem_url);
    let image = if image.starts_with('/') { format!("{}{image}", site.public_url) } else { image };
    view! {
        <Title text=full_title/>
        <Meta name="description" content=description.clone()/>
        <Link rel="canonical" href=canonical.clone()/>
        {no_index.then(|| view! { <Meta name="robots" content="noindex"/> })}
        <Meta property="og:type" content=kind/>
        <Meta property="og:site_name" content=site_name/>
        <Meta property="og:title" content=title.clone()/>
        <Meta property="og:description" content=description.clone()/>
        <Meta property="og:url" content=canonical/>
        <Meta property="og:image" content=image.clone()/>
        <Meta property="og:locale" content="vi_VN"/>
        <Meta name="twitter:card" content="summary_large_image"/>
        <Meta name="twitter:title" content=title/>
        <Meta name="twitter:description" content=description/>
        <Meta name="twitter:image" content=image/>
    }
}
