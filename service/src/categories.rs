//! Queries and mutations for the category tree.

use entity::category;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set, SqlErr,
};

use text::slugify;

/// Every category, siblings in their editorial order.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<category::Model>, DbErr> {
    category::Entity::find().order_by_asc(category::Column::Position).order_by_asc(category::Column::Id).all(db).await
}

pub async fn find_by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<Option<category::Model>, DbErr> {
    category::Entity::find().filter(category::Column::Slug.eq(slug)).one(db).await
}

pub async fn find_by_id(db: &impl ConnectionTrait, id: i32) -> Result<Option<category::Model>, DbErr> {
    category::Entity::find_by_id(id).one(db).await
}

/// What a new category needs.
pub struct NewCategory<'a> {
    pub parent_id: Option<i32>,
    pub name: &'a str,
    pub description: &'a str,
    pub position: i32,
}

/// Creates a category with a slug made from its name, made unique with a numeric suffix.
pub async fn create(db: &impl ConnectionTrait, new: NewCategory<'_>) -> Result<category::Model, DbErr> {
    let slug = unique_slug(db, &slugify(new.name)).await?;
    category::ActiveModel {
        parent_id: Set(new.parent_id),
        name: Set(new.name.trim().to_owned()),
        slug: Set(slug),
        description: Set(new.description.to_owned()),
        position: Set(new.position),
        show_in_menu: Set(true),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// The category with this name, created at the top level (last in order) if there is none.
pub async fn find_or_create_by_name(db: &impl ConnectionTrait, name: &str) -> Result<category::Model, DbErr> {
    let name = name.trim();
    if let Some(existing) = category::Entity::find().filter(category::Column::Name.eq(name)).one(db).await? {
        return Ok(existing);
    }
    let position = category::Entity::find()
        .order_by_desc(category::Column::Position)
        .one(db)
        .await?
        .map_or(0, |last| last.position + 1);
    create(db, NewCategory { parent_id: None, name, description: "", position }).await
}

async fn unique_slug(db: &impl ConnectionTrait, base: &str) -> Result<String, DbErr> {
    let base = if base.is_empty() { "chuyen-muc" } else { base };
    let mut candidate = base.to_owned();
    let mut suffix = 2;
    while find_by_slug(db, &candidate).await?.is_some() {
        candidate = format!("{base}-{suffix}");
        suffix += 1;
    }
    Ok(candidate)
}

/// The category form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CategoryFields {
    pub name: String,
    /// Empty: made from the name.
    pub slug: String,
    pub description: String,
    pub parent_id: Option<i32>,
    pub show_in_menu: bool,
}

pub const MAX_NAME_CHARS: usize = 100;

#[derive(Debug, thiserror::Error)]
pub enum CategoryError {
    #[error("Hãy nhập tên chuyên mục (tối đa {MAX_NAME_CHARS} ký tự).")]
    InvalidName,
    #[error("Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang.")]
    InvalidSlug,
    #[error("Đường dẫn này đã được chuyên mục khác sử dụng.")]
    SlugTaken,
    #[error("Chuyên mục cha không hợp lệ: không tồn tại, hoặc là chính nó hay một chuyên mục con của nó.")]
    InvalidParent,
    #[error("Không thể xoá: chuyên mục còn chuyên mục con hoặc bài viết; hãy chuyển chúng đi trước.")]
    InUse,
    #[error("Không tìm thấy chuyên mục.")]
    NotFound,
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// Creates (`id` `None`) or changes a category. A new one goes last among its siblings.
pub async fn save(
    db: &impl ConnectionTrait,
    id: Option<i32>,
    fields: &CategoryFields,
) -> Result<category::Model, CategoryError> {
    let name = fields.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(CategoryError::InvalidName);
    }
    let slug = match fields.slug.trim() {
        "" => slugify(name),
        typed => typed.to_owned(),
    };
    if !text::is_valid_slug(&slug) {
        return Err(CategoryError::InvalidSlug);
    }
    if find_by_slug(db, &slug).await?.is_some_and(|other| Some(other.id) != id) {
        return Err(CategoryError::SlugTaken);
    }
    let existing = match id {
        Some(id) => Some(find_by_id(db, id).await?.ok_or(CategoryError::NotFound)?),
        None => None,
    };
    if let Some(parent_id) = fields.parent_id {
        let every = all(db).await?;
        let parent_exists = every.iter().any(|c| c.id == parent_id);
        let would_cycle = id.is_some_and(|id| is_same_or_below(&every, parent_id, id));
        if !parent_exists || would_cycle {
            return Err(CategoryError::InvalidParent);
        }
    }
    let mut row: category::ActiveModel = match existing {
        Some(existing) if existing.parent_id == fields.parent_id => existing.into(),
        existing => {
            // A new category, or one moved under another parent: last among its new siblings.
            let mut row: category::ActiveModel = existing.map(Into::into).unwrap_or_default();
            row.position = Set(next_position(db, fields.parent_id).await?);
            row
        }
    };
    row.parent_id = Set(fields.parent_id);
    row.name = Set(name.to_owned());
    row.slug = Set(slug);
    row.description = Set(fields.description.trim().to_owned());
    row.show_in_menu = Set(fields.show_in_menu);
    let saved = match id {
        Some(_) => row.update(db).await,
        None => row.insert(db).await,
    };
    // Another save took the slug between the check above and this write.
    saved.map_err(|error| match error.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => CategoryError::SlugTaken,
        _ => error.into(),
    })
}

/// Whether `candidate` is `ancestor` or lies below it.
fn is_same_or_below(every: &[category::Model], candidate: i32, ancestor: i32) -> bool {
    let mut current = Some(candidate);
    for _ in 0..=every.len() {
        match current {
            Some(id) if id == ancestor => return true,
            Some(id) => current = every.iter().find(|c| c.id == id).and_then(|c| c.parent_id),
            None => return false,
        }
    }
    false
}

async fn siblings(db: &impl ConnectionTrait, parent_id: Option<i32>) -> Result<Vec<category::Model>, DbErr> {
    let query = category::Entity::find();
    let query = match parent_id {
        Some(parent) => query.filter(category::Column::ParentId.eq(parent)),
        None => query.filter(category::Column::ParentId.is_null()),
    };
    query.order_by_asc(category::Column::Position).order_by_asc(category::Column::Id).all(db).await
}

async fn next_position(db: &impl ConnectionTrait, parent_id: Option<i32>) -> Result<i32, DbErr> {
    Ok(siblings(db, parent_id).await?.last().map_or(0, |last| last.position + 1))
}

/// Moves category `id` one place up (`-1`) or down (`1`) among its siblings.
pub async fn move_among_siblings(db: &impl ConnectionTrait, id: i32, step: i32) -> Result<(), CategoryError> {
    let category = find_by_id(db, id).await?.ok_or(CategoryError::NotFound)?;
    let order: Vec<(i32, i32)> = siblings(db, category.parent_id).await?.iter().map(|c| (c.id, c.position)).collect();
    for (id, position) in crate::ordering::moved(&order, id, step) {
        category::ActiveModel { id: Set(id), position: Set(position), ..Default::default() }.update(db).await?;
    }
    Ok(())
}

/// Deletes an empty category: one with no sub-categories and no articles (trashed ones included).
pub async fn delete(db: &impl ConnectionTrait, id: i32) -> Result<category::Model, CategoryError> {
    use sea_orm::PaginatorTrait;
    let category = find_by_id(db, id).await?.ok_or(CategoryError::NotFound)?;
    let children = category::Entity::find().filter(category::Column::ParentId.eq(id)).count(db).await?;
    let articles = entity::article::Entity::find().filter(entity::article::Column::CategoryId.eq(id)).count(db).await?;
    if children > 0 || articles > 0 {
        return Err(CategoryError::InUse);
    }
    category::Entity::delete_by_id(id).exec(db).await?;
    Ok(category)
}
