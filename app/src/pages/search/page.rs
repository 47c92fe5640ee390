use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{SearchPageData, SearchParams, get_search_page};
use crate::components::{CategoryAnchor, ErrorMessage, PageMeta, Pagination};
use crate::format;
use crate::layout::use_chrome;
use crate::models::{SearchHit, TextSegment};

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let params = move || {
        let query = query.read();
        let field = |key: &str| query.get(key).unwrap_or_default();
        SearchParams {
            q: field("q"),
            category: field("category"),
            from: field("from"),
            to: field("to"),
            page: field("page").parse().unwrap_or(1),
        }
    };
    let results = Resource::new(params, |params| async move {
        let data = get_search_page(params.clone()).await;
        (params, data)
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tìm…"</p> }>
            {move || Suspend::new(async move {
                let (params, data) = results.await;
                let site = use_chrome();
                let title = if params.q.trim().is_empty() { "Tìm kiếm".to_string() } else { format!("Tìm kiếm: {}", params.q.trim()) };
                let path = params.url();
                view! {
                    <PageMeta site title=title.clone() description="Tìm kiếm tin bài trên cổng thông tin".to_string() path no_index=true/>
                    <h1 class="page-title">{title}</h1>
                    {match data {
                        Ok(data) => view! {
                            <SearchForm params=params.clone() data=data.clone()/>
                            <SearchResults params data/>
                        }.into_any(),
                        Err(error) => view! { <ErrorMessage error/> }.into_any(),
                    }}
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// The full search form, with the category and date filters.
#[component]
fn SearchForm(params: SearchParams, data: SearchPageData) -> impl IntoView {
    view! {
        <div role="search" class="search-form">
            <form action="/tim-kiem" method="get">
                <div class="field field-query">
                    <label for="search-q">"Từ khóa"</label>
                    <input id="search-q" type="search" name="q" value=params.q.clone() placeholder="Ví dụ: chuyển đổi số"/>
                </div>
                <div class="field">
                    <label for="search-category">"Chuyên mục"</label>
                    <select id="search-category" name="category">
                        <option value="" selected=params.category.is_empty()>"Tất cả chuyên mục"</option>
                        {data.categories.into_iter().map(|category| {
                            let selected = category.slug == params.category;
                            view! { <option value=category.slug selected=selected>{category.name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="search-from">"Từ ngày"</label>
                    <input id="search-from" type="date" name="from" value=params.from.clone()/>
                </div>
                <div class="field">
                    <label for="search-to">"Đến ngày"</label>
                    <input id="search-to" type="date" name="to" value=params.to.clone()/>
                </div>
                <button type="submit">"Tìm kiếm"</button>
            </form>
        </div>
    }
}

#[component]
fn SearchResults(params: SearchParams, data: SearchPageData) -> impl IntoView {
    if let Some(problem) = data.problem {
        return view! { <p class="error" role="alert">{problem}</p> }.into_any();
    }
    let query = params.q.trim().to_string();
    if query.is_empty() {
        return view! { <p class="search-hint">"Nhập từ khóa để tìm bài viết, có dấu hoặc không dấu đều được."</p> }
            .into_any();
    }
    if data.hits.is_empty() {
        return view! {
            <div class="no-results" role="status">
                <p>"Không tìm thấy bài viết nào phù hợp với “"{query}"”."</p>
                <ul>
                    <li>"Kiểm tra lại chính tả, hoặc thử từ khóa ngắn hơn, ít từ hơn."</li>
                    <li>"Bỏ bớt bộ lọc chuyên mục hoặc khoảng thời gian."</li>
                    <li>"Xem " <a href="/so-do-trang">"sơ đồ trang"</a> " hoặc quay về " <a href="/">"trang chủ"</a> "."</li>
                </ul>
            </div>
        }
        .into_any();
    }
    let summary = if data.truncated {
        format!("Có hơn {} bài viết phù hợp với “{query}”; hãy thu hẹp tìm kiếm để xem thêm.", data.total)
    } else {
        format!("Tìm thấy {} bài viết phù hợp với “{query}”.", data.total)
    };
    view! {
        <p class="search-summary" role="status">{summary}</p>
        <ol class="search-results">
            {data.hits.into_iter().map(|hit| view! { <SearchResult hit/> }).collect_view()}
        </ol>
        <Pagination base_url=params.url() page=data.page total_pages=data.total_pages/>
    }
    .into_any()
}

#[component]
fn SearchResult(hit: SearchHit) -> impl IntoView {
    let url = hit.article.url();
    let datetime = hit.article.published_at.to_rfc3339();
    view! {
        <li class="search-result">
            <h2 class="card-title"><a href=url><Highlighted segments=hit.title/></a></h2>
            <p class="meta">
                <time datetime=datetime>{format::date(hit.article.published_at)}</time>
                " · "
                <CategoryAnchor category=hit.article.category/>
            </p>
            <p class="card-summary"><Highlighted segments=hit.summary/></p>
        </li>
    }
}

/// Text with the matched words in `<mark>`.
#[component]
fn Highlighted(segments: Vec<TextSegment>) -> impl IntoView {
    segments
        .into_iter()
        .map(
            |segment| {
                if segment.matched { view! { <mark>{segment.text}</mark> }.into_any() } else { segment.text.into_any() }
            },
        )
        .collect_view()
}
