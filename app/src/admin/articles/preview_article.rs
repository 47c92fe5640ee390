use leptos::prelude::*;

use super::EditorError;
use crate::models::{Article, ArticleForm};

/// The form as readers would see it once published: the body cleaned and its images described
/// exactly as a save does, under the breadcrumb of the chosen category. Nothing is stored.
#[server(endpoint = "preview_article")]
pub async fn preview_article(form: ArticleForm) -> Result<Article, EditorError> {
    use service::categories;
    use service::editorial::article_form::{BODY_TOO_LONG, MAX_BODY_BYTES, tag_list};
    use service::editorial::body_images::describe_body_images;
    use service::text::sanitize::sanitize_body_html;

    use crate::auth::ssr::{ALL_STAFF, require_staff};
    use crate::ssr::{CategoryIndex, app_state, database_error};

    require_staff(ALL_STAFF).await?;
    if form.body_html.len() > MAX_BODY_BYTES {
        return Err(EditorError::Refused(BODY_TOO_LONG.into()));
    }
    let state = app_state()?;
    let db = state.db.reader();
    let index = CategoryIndex::new(categories::all(db).await.map_err(database_error)?);
    let body_html = describe_body_images(db, &sanitize_body_html(&form.body_html)).await.map_err(database_error)?;
    let now = state.clock.now();
    let optional = |value: &str| Some(value.trim().to_owned()).filter(|v| !v.is_empty());
    Ok(Article {
        slug: form.slug.clone(),
        title: form.title.trim().to_owned(),
        summary: form.summary.trim().to_owned(),
        body_html,
        cover_image: optional(&form.cover_image),
        author: optional(&form.author),
        tags: tag_list(&form.tags),
        seo_title: optional(&form.seo_title),
        seo_description: optional(&form.seo_description),
        published_at: now,
        updated_at: now,
        breadcrumb: form.category_id.map(|id| index.breadcrumb(id)).unwrap_or_default(),
    })
}
