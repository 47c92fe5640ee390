//! The managed lists a document is described by: types (loại văn bản), fields (lĩnh vực, a tree),
//! issuing bodies (cơ quan ban hành) and signers (người ký). They are short (tens of rows), so a
//! page reads them whole and names documents from them instead of joining four tables per row.

use std::collections::HashMap;

use entity::{document_field, document_signer, document_type, issuing_body};
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    ModelTrait, QueryFilter, QueryOrder, Set, Value,
};

use text::slugify;

#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    pub types: Vec<document_type::Model>,
    pub bodies: Vec<issuing_body::Model>,
    pub signers: Vec<document_signer::Model>,
    /// Parents before their children; siblings in the editors' order.
    pub fields: Vec<document_field::Model>,
}

impl Catalogue {
    pub async fn load(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        let types = document_type::Entity::find()
            .order_by_asc(document_type::Column::Position)
            .order_by_asc(document_type::Column::Id)
            .all(db)
            .await?;
        let bodies = issuing_body::Entity::find()
            .order_by_asc(issuing_body::Column::Position)
            .order_by_asc(issuing_body::Column::Id)
            .all(db)
            .await?;
        let signers = document_signer::Entity::find()
            .order_by_asc(document_signer::Column::Position)
            .order_by_asc(document_signer::Column::Id)
            .all(db)
            .await?;
        let fields = document_field::Entity::find()
            .order_by_asc(document_field::Column::Position)
            .order_by_asc(document_field::Column::Id)
            .all(db)
            .await?;
        Ok(Self { types, bodies, signers, fields: tree_order(fields) })
    }

    pub fn type_name(&self, id: i32) -> &str {
        self.types.iter().find(|t| t.id == id).map_or("", |t| t.name.as_str())
    }

    pub fn body_name(&self, id: i32) -> &str {
        self.bodies.iter().find(|b| b.id == id).map_or("", |b| b.name.as_str())
    }

    pub fn signer(&self, id: Option<i32>) -> Option<&document_signer::Model> {
        id.and_then(|id| self.signers.iter().find(|s| s.id == id))
    }

    pub fn field(&self, id: i32) -> Option<&document_field::Model> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// `id` and every field above it, nearest first. A loop in the tree (which the editors' page
    /// refuses to make) ends the walk rather than hanging it.
    pub fn field_with_ancestors(&self, id: i32) -> Vec<i32> {
        let parents: HashMap<i32, Option<i32>> = self.fields.iter().map(|f| (f.id, f.parent_id)).collect();
        let mut chain = vec![id];
        let mut current = id;
        while let Some(Some(parent)) = parents.get(&current) {
            if chain.contains(parent) {
                break;
            }
            chain.push(*parent);
            current = *parent;
        }
        chain
    }

    /// How deep a field sits: 0 for a top-level one.
    pub fn field_depth(&self, id: i32) -> usize {
        self.field_with_ancestors(id).len() - 1
    }
}

/// Fields ordered as the tree reads top to bottom: each parent followed by its children.
fn tree_order(fields: Vec<document_field::Model>) -> Vec<document_field::Model> {
    fn add(
        parent: Option<i32>,
        fields: &[document_field::Model],
        ordered: &mut Vec<document_field::Model>,
        depth: usize,
    ) {
        for field in fields.iter().filter(|f| f.parent_id == parent) {
            if ordered.iter().any(|o| o.id == field.id) || depth > fields.len() {
                continue;
            }
            ordered.push(field.clone());
            add(Some(field.id), fields, ordered, depth + 1);
        }
    }
    let mut ordered = Vec::with_capacity(fields.len());
    add(None, &fields, &mut ordered, 0);
    ordered
}

/// A slug for `name` in a list of slugs, made unique with a numeric suffix.
fn unique_slug(name: &str, taken: &[String]) -> String {
    let base = match slugify(name) {
        slug if slug.is_empty() => "muc".to_owned(),
        slug => slug,
    };
    let mut candidate = base.clone();
    let mut suffix = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{suffix}");
        suffix += 1;
    }
    candidate
}

/// The type named `name`, added at the end of the list if there is none.
pub async fn find_or_create_type(db: &impl ConnectionTrait, name: &str) -> Result<document_type::Model, DbErr> {
    use document_type::Column;
    find_or_create_named::<document_type::Entity>(db, (Column::Name, Column::Slug, Column::Position), name).await
}

/// The issuing body named `name`, added at the end of the list if there is none.
pub async fn find_or_create_body(db: &impl ConnectionTrait, name: &str) -> Result<issuing_body::Model, DbErr> {
    use issuing_body::Column;
    find_or_create_named::<issuing_body::Entity>(db, (Column::Name, Column::Slug, Column::Position), name).await
}

/// In a list of names with slugs and positions (`columns`: name, slug, position), the row named
/// `name`, added last with a unique slug if there is none.
async fn find_or_create_named<E>(
    db: &impl ConnectionTrait,
    (name_column, slug_column, position_column): (E::Column, E::Column, E::Column),
    name: &str,
) -> Result<E::Model, DbErr>
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + ActiveModelBehavior + Send,
{
    let name = name.trim();
    if let Some(found) = E::find().filter(name_column.eq(name)).one(db).await? {
        return Ok(found);
    }
    let existing = E::find().all(db).await?;
    let slugs: Vec<String> = existing
        .iter()
        .filter_map(|row| match row.get(slug_column) {
            Value::String(Some(slug)) => Some(slug.to_string()),
            _ => None,
        })
        .collect();
    let position = existing
        .iter()
        .filter_map(|row| match row.get(position_column) {
            Value::Int(Some(position)) => Some(position + 1),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let mut row = E::ActiveModel::new();
    row.set(name_column, name.into());
    row.set(slug_column, unique_slug(name, &slugs).into());
    row.set(position_column, position.into());
    row.insert(db).await
}

/// The signer `name` with position `title`, added if there is none.
pub async fn find_or_create_signer(
    db: &impl ConnectionTrait,
    name: &str,
    title: &str,
) -> Result<document_signer::Model, DbErr> {
    let (name, title) = (name.trim(), title.trim());
    let found = document_signer::Entity::find()
        .filter(document_signer::Column::Name.eq(name))
        .filter(document_signer::Column::Title.eq(title))
        .one(db)
        .await?;
    if let Some(found) = found {
        return Ok(found);
    }
    let position = document_signer::Entity::find().all(db).await?.iter().map(|s| s.position + 1).max().unwrap_or(0);
    document_signer::ActiveModel {
        name: Set(name.to_owned()),
        title: Set(title.to_owned()),
        position: Set(position),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// The field at `path` ("Kinh tế", "Đầu tư" is Đầu tư under Kinh tế), adding what is missing.
pub async fn find_or_create_field(db: &impl ConnectionTrait, path: &[&str]) -> Result<document_field::Model, DbErr> {
    let mut parent: Option<document_field::Model> = None;
    for name in path.iter().map(|name| name.trim()) {
        let siblings = match &parent {
            Some(parent) => document_field::Column::ParentId.eq(parent.id),
            None => document_field::Column::ParentId.is_null(),
        };
        let found = document_field::Entity::find()
            .filter(siblings)
            .filter(document_field::Column::Name.eq(name))
            .one(db)
            .await?;
        let field = match found {
            Some(found) => found,
            None => {
                let all = document_field::Entity::find().all(db).await?;
                let slugs: Vec<String> = all.iter().map(|f| f.slug.clone()).collect();
                let parent_id = parent.as_ref().map(|p| p.id);
                let position =
                    all.iter().filter(|f| f.parent_id == parent_id).map(|f| f.position + 1).max().unwrap_or(0);
                document_field::ActiveModel {
                    parent_id: Set(parent_id),
                    name: Set(name.to_owned()),
                    slug: Set(unique_slug(name, &slugs)),
                    position: Set(position),
                    ..Default::default()
                }
                .insert(db)
                .await?
            }
        };
        parent = Some(field);
    }
    parent.ok_or_else(|| DbErr::Custom("a field needs a name".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(id: i32, parent_id: Option<i32>, position: i32) -> document_field::Model {
        document_field::Model { id, parent_id, name: format!("f{id}"), slug: format!("f{id}"), position }
    }

    #[test]
    fn fields_read_as_a_tree_and_know_their_ancestors() {
        let catalogue = Catalogue {
            fields: tree_order(vec![field(1, None, 0), field(2, None, 1), field(3, Some(1), 0), field(4, Some(3), 0)]),
            ..Default::default()
        };
        let order: Vec<i32> = catalogue.fields.iter().map(|f| f.id).collect();
        assert_eq!(order, [1, 3, 4, 2]);
        assert_eq!(catalogue.field_with_ancestors(4), [4, 3, 1]);
        assert_eq!(catalogue.field_depth(4), 2);
        assert_eq!(catalogue.field_with_ancestors(2), [2]);
    }

    #[test]
    fn a_loop_in_the_tree_does_not_hang_the_walk() {
        let catalogue = Catalogue { fields: vec![field(1, Some(2), 0), field(2, Some(1), 0)], ..Default::default() };
        assert_eq!(catalogue.field_with_ancestors(1), [1, 2]);
    }

    #[test]
    fn slugs_are_made_unique() {
        assert_eq!(unique_slug("Quyết định", &[]), "quyet-dinh");
        assert_eq!(unique_slug("Quyết định", &["quyet-dinh".into()]), "quyet-dinh-2");
        assert_eq!(unique_slug("!!!", &[]), "muc");
    }
}
