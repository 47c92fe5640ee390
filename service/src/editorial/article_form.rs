//! The fields an editor fills in, and the checks they must pass before anything is stored.

use text::body_images::images_without_alt;
use text::sanitize::{is_site_path, sanitize_body_html};
use text::{is_valid_slug, slugify};

pub const MAX_TITLE_CHARS: usize = 300;
pub const MAX_SUMMARY_CHARS: usize = 2_000;
pub const MAX_AUTHOR_CHARS: usize = 200;
/// Far above any real article; stops a pasted file from filling the database.
pub const MAX_BODY_BYTES: usize = 2_000_000;
/// Why a body over [`MAX_BODY_BYTES`] is refused, wherever it is sent (save, autosave, preview).
pub const BODY_TOO_LONG: &str = "Nội dung quá dài (tối đa 2 MB).";
pub const MAX_TAGS: usize = 20;
pub const MAX_TAG_CHARS: usize = 50;
pub const MAX_SEO_TITLE_CHARS: usize = 200;
pub const MAX_SEO_DESCRIPTION_CHARS: usize = 500;

/// What the article form sends, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArticleFields {
    pub title: String,
    /// Empty: made from the title.
    pub slug: String,
    pub summary: String,
    pub body_html: String,
    pub category_id: Option<i32>,
    pub author: String,
    pub cover_image: String,
    pub featured: bool,
    /// Comma-separated keywords.
    pub tags: String,
    /// Empty: the title.
    pub seo_title: String,
    /// Empty: the lead.
    pub seo_description: String,
}

/// A field the server refused, and why, in words the editor can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self { field, message: message.into() }
    }
}

/// Fields that passed the checks that need no database: trimmed, the body sanitised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedFields {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub body_html: String,
    pub category_id: i32,
    pub author: Option<String>,
    pub cover_image: Option<String>,
    pub featured: bool,
    /// Trimmed, repeats removed, joined with ", ".
    pub tags: String,
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
}

/// The keywords of a comma-separated list: trimmed, empty ones and repeats (ignoring case) left out.
pub fn tag_list(typed: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in typed.split(',').map(str::trim).filter(|tag| !tag.is_empty()) {
        if !tags.iter().any(|seen| seen.to_lowercase() == tag.to_lowercase()) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

/// A rich-text body (of an article or a legal document), sanitised, or why it cannot be stored.
pub fn check_body(body_html: &str) -> Result<String, FieldError> {
    if body_html.len() > MAX_BODY_BYTES {
        return Err(FieldError::new("body_html", BODY_TOO_LONG));
    }
    let clean = sanitize_body_html(body_html);
    match images_without_alt(&clean) {
        0 => Ok(clean),
        missing => Err(FieldError::new(
            "body_html",
            format!("{missing} ảnh chưa có mô tả (alt) cho người khiếm thị: hãy điền ô “Mô tả ảnh” dưới mỗi ảnh."),
        )),
    }
}

pub fn check(fields: &ArticleFields) -> Result<CheckedFields, Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = fields.title.trim();
    if title.is_empty() {
        errors.push(FieldError::new("title", "Hãy nhập tiêu đề."));
    } else if title.chars().count() > MAX_TITLE_CHARS {
        errors.push(FieldError::new("title", format!("Tiêu đề dài quá {MAX_TITLE_CHARS} ký tự.")));
    }
    let slug = match fields.slug.trim() {
        "" => slugify(title),
        typed => typed.to_owned(),
    };
    if !title.is_empty() && !is_valid_slug(&slug) {
        errors.push(FieldError::new(
            "slug",
            "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 200 ký tự).",
        ));
    }
    let summary = fields.summary.trim();
    if summary.chars().count() > MAX_SUMMARY_CHARS {
        errors.push(FieldError::new("summary", format!("Sapo dài quá {MAX_SUMMARY_CHARS} ký tự.")));
    }
    let body_html = check_body(&fields.body_html).unwrap_or_else(|error| {
        errors.push(error);
        String::new()
    });
    let author = fields.author.trim();
    if author.chars().count() > MAX_AUTHOR_CHARS {
        errors.push(FieldError::new("author", format!("Tác giả/nguồn dài quá {MAX_AUTHOR_CHARS} ký tự.")));
    }
    let cover_image = fields.cover_image.trim();
    if !cover_image.is_empty() && !is_site_path(cover_image) {
        errors.push(FieldError::new(
            "cover_image",
            "Ảnh đại diện phải là ảnh trong thư viện của trang (bắt đầu bằng /).",
        ));
    }
    if fields.category_id.is_none() {
        errors.push(FieldError::new("category_id", "Hãy chọn chuyên mục."));
    }
    let tags = tag_list(&fields.tags);
    if tags.len() > MAX_TAGS || tags.iter().any(|tag| tag.chars().count() > MAX_TAG_CHARS) {
        let message =
            format!("Tối đa {MAX_TAGS} từ khoá, mỗi từ khoá không quá {MAX_TAG_CHARS} ký tự, cách nhau bằng dấu phẩy.");
        errors.push(FieldError::new("tags", message));
    }
    let seo_title = fields.seo_title.trim();
    if seo_title.chars().count() > MAX_SEO_TITLE_CHARS {
        errors.push(FieldError::new("seo_title", format!("Tiêu đề SEO dài quá {MAX_SEO_TITLE_CHARS} ký tự.")));
    }
    let seo_description = fields.seo_description.trim();
    if seo_description.chars().count() > MAX_SEO_DESCRIPTION_CHARS {
        let message = format!("Mô tả SEO dài quá {MAX_SEO_DESCRIPTION_CHARS} ký tự.");
        errors.push(FieldError::new("seo_description", message));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(CheckedFields {
        title: title.to_owned(),
        slug,
        summary: summary.to_owned(),
        body_html,
        category_id: fields.category_id.expect("checked above"),
        author: (!author.is_empty()).then(|| author.to_owned()),
        cover_image: (!cover_image.is_empty()).then(|| cover_image.to_owned()),
        featured: fields.featured,
        tags: tags.join(", "),
        seo_title: (!seo_title.is_empty()).then(|| seo_title.to_owned()),
        seo_description: (!seo_description.is_empty()).then(|| seo_description.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> ArticleFields {
        ArticleFields {
            title: "  Hội nghị tổng kết công tác Đảng năm 2022 ".into(),
            summary: "Sapo".into(),
            body_html: "<p onclick=\"x()\">Nội dung</p>".into(),
            category_id: Some(3),
            ..Default::default()
        }
    }

    #[test]
    fn trims_makes_the_slug_from_the_title_and_sanitises_the_body() {
        let checked = check(&filled()).unwrap();
        assert_eq!(checked.title, "Hội nghị tổng kết công tác Đảng năm 2022");
        assert_eq!(checked.slug, "hoi-nghi-tong-ket-cong-tac-dang-nam-2022");
        assert_eq!(checked.body_html, "<p>Nội dung</p>");
        assert_eq!(checked.author, None);
    }

    #[test]
    fn names_every_field_that_is_wrong() {
        let fields = ArticleFields {
            title: "x".repeat(MAX_TITLE_CHARS + 1),
            slug: "Có Dấu".into(),
            summary: "s".repeat(MAX_SUMMARY_CHARS + 1),
            cover_image: "https://evil.example/a.jpg".into(),
            category_id: None,
            ..Default::default()
        };
        let fields_refused: Vec<_> = check(&fields).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields_refused, ["title", "slug", "summary", "cover_image", "category_id"]);
    }

    #[test]
    fn tags_are_trimmed_and_repeats_dropped_ignoring_case() {
        let checked = check(&ArticleFields {
            tags: " Chuyển đổi số, ,chuyển đổi số, Thanh Hóa ".into(), ..filled()
        })
        .unwrap();
        assert_eq!(checked.tags, "Chuyển đổi số, Thanh Hóa");
        let too_many = (0..=MAX_TAGS).map(|n| format!("tag {n}")).collect::<Vec<_>>().join(",");
        assert_eq!(check(&ArticleFields { tags: too_many, ..filled() }).unwrap_err()[0].field, "tags");
    }

    #[test]
    fn a_missing_title_is_one_error_not_two() {
        let errors = check(&ArticleFields { title: "  ".into(), ..filled() }).unwrap_err();
        assert_eq!(errors, [FieldError::new("title", "Hãy nhập tiêu đề.")]);
    }

    #[test]
    fn every_image_needs_a_description() {
        let body = "<figure><img src=\"/media/a.jpg\" alt=\"\"></figure><p><img src=\"/media/b.jpg\"></p>";
        let errors = check(&ArticleFields { body_html: body.into(), ..filled() }).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "body_html");
        assert!(errors[0].message.starts_with("2 ảnh chưa có mô tả"), "{}", errors[0].message);
        let described = body.replace("alt=\"\"", "alt=\"Cầu Hàm Rồng\"").replace("b.jpg\"", "b.jpg\" alt=\"Hội nghị\"");
        assert!(check(&ArticleFields { body_html: described, ..filled() }).is_ok());
    }
}
