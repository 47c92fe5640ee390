use app::ssr::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

pub async fn robots_txt(State(state): State<AppState>) -> impl IntoResponse {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /tim-kiem\nDisallow: /api/\n\nSitemap: {}/sitemap.xml\n",
        state.public_url.0
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body)
}
