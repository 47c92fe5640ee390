//! The agency's settings and the "Liên kết website" links.

use entity::{site_settings, web_link, web_link_group};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Iterable, QueryOrder, Set};

/// The settings row, id 1.
pub async fn settings(db: &impl ConnectionTrait) -> Result<Option<site_settings::Model>, DbErr> {
    site_settings::Entity::find_by_id(1).one(db).await
}

/// Writes the settings row (id 1), replacing what was there.
pub async fn save_settings(db: &impl ConnectionTrait, settings: site_settings::Model) -> Result<(), DbErr> {
    let row = site_settings::ActiveModel { id: Set(1), ..settings.into() };
    // One statement, so two first saves at once cannot both try to insert row 1.
    let every_column_but_the_id = site_settings::Column::iter().filter(|c| !matches!(c, site_settings::Column::Id));
    site_settings::Entity::insert(row)
        .on_conflict(OnConflict::column(site_settings::Column::Id).update_columns(every_column_but_the_id).to_owned())
        .exec(db)
        .await?;
    Ok(())
}

/// The link groups in order, each with its links in order.
pub async fn web_link_groups(
    db: &impl ConnectionTrait,
) -> Result<Vec<(web_link_group::Model, Vec<web_link::Model>)>, DbErr> {
    web_link_group::Entity::find()
        .order_by_asc(web_link_group::Column::Position)
        .order_by_asc(web_link_group::Column::Id)
        .find_with_related(web_link::Entity)
        .order_by_asc(web_link::Column::Position)
        .order_by_asc(web_link::Column::Id)
        .all(db)
        .await
}

/// Adds a link group with its links, in the order given.
pub async fn create_web_link_group(
    db: &impl ConnectionTrait,
    name: &str,
    position: i32,
    links: &[(&str, &str)],
) -> Result<(), DbErr> {
    let group =
        web_link_group::ActiveModel { name: Set(name.to_owned()), position: Set(position), ..Default::default() }
            .insert(db)
            .await?;
    for (index, (title, url)) in links.iter().enumerate() {
        web_link::ActiveModel {
            group_id: Set(group.id),
            title: Set((*title).to_owned()),
            url: Set((*url).to_owned()),
            position: Set(index as i32),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum WebLinkError {
    #[error("Hãy nhập tên (tối đa 200 ký tự).")]
    InvalidName,
    #[error("Địa chỉ phải là một trang web đầy đủ, bắt đầu bằng https:// hoặc http://.")]
    InvalidUrl,
    #[error("Không tìm thấy mục này.")]
    NotFound,
    #[error(transparent)]
    Database(#[from] DbErr),
}

fn checked_name(name: &str) -> Result<String, WebLinkError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(WebLinkError::InvalidName);
    }
    Ok(name.to_owned())
}

/// An absolute http(s) address without spaces or control characters: the widget links to other sites.
pub fn is_web_address(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        host.contains('.') && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<')
    })
}

/// Creates (`id` `None`, last in order) or renames a link group.
pub async fn save_web_link_group(db: &impl ConnectionTrait, id: Option<i32>, name: &str) -> Result<i32, WebLinkError> {
    let name = checked_name(name)?;
    match id {
        Some(id) => {
            web_link_group::Entity::find_by_id(id).one(db).await?.ok_or(WebLinkError::NotFound)?;
            web_link_group::ActiveModel { id: Set(id), name: Set(name), ..Default::default() }.update(db).await?;
            Ok(id)
        }
        None => {
            let position =
                web_link_group::Entity::find().all(db).await?.iter().map(|g| g.position + 1).max().unwrap_or(0);
            let group = web_link_group::ActiveModel { name: Set(name), position: Set(position), ..Default::default() };
            Ok(group.insert(db).await?.id)
        }
    }
}

/// Creates (`id` `None`, last in its group) or changes a link.
pub async fn save_web_link(
    db: &impl ConnectionTrait,
    id: Option<i32>,
    group_id: i32,
    title: &str,
    url: &str,
) -> Result<i32, WebLinkError> {
    let title = checked_name(title)?;
    let url = url.trim();
    if !is_web_address(url) {
        return Err(WebLinkError::InvalidUrl);
    }
    web_link_group::Entity::find_by_id(group_id).one(db).await?.ok_or(WebLinkError::NotFound)?;
    match id {
        Some(id) => {
            web_link::Entity::find_by_id(id).one(db).await?.ok_or(WebLinkError::NotFound)?;
            let row = web_link::ActiveModel {
                id: Set(id),
                group_id: Set(group_id),
                title: Set(title),
                url: Set(url.to_owned()),
                ..Default::default()
            };
            row.update(db).await?;
            Ok(id)
        }
        None => {
            let position = links_of(db, group_id).await?.last().map_or(0, |last| last.position + 1);
            let row = web_link::ActiveModel {
                group_id: Set(group_id),
                title: Set(title),
                url: Set(url.to_owned()),
                position: Set(position),
                ..Default::default()
            };
            Ok(row.insert(db).await?.id)
        }
    }
}

async fn links_of(db: &impl ConnectionTrait, group_id: i32) -> Result<Vec<web_link::Model>, DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter};
    web_link::Entity::find()
        .filter(web_link::Column::GroupId.eq(group_id))
        .order_by_asc(web_link::Column::Position)
        .order_by_asc(web_link::Column::Id)
        .all(db)
        .await
}

/// Moves a link group one place up (`-1`) or down (`1`).
pub async fn move_web_link_group(db: &impl ConnectionTrait, id: i32, step: i32) -> Result<(), WebLinkError> {
    let groups = web_link_groups(db).await?;
    let order: Vec<(i32, i32)> = groups.iter().map(|(g, _)| (g.id, g.position)).collect();
    for (id, position) in crate::ordering::moved(&order, id, step) {
        web_link_group::ActiveModel { id: Set(id), position: Set(position), ..Default::default() }.update(db).await?;
    }
    Ok(())
}

/// Moves a link one place up (`-1`) or down (`1`) within its group.
pub async fn move_web_link(db: &impl ConnectionTrait, id: i32, step: i32) -> Result<(), WebLinkError> {
    let link = web_link::Entity::find_by_id(id).one(db).await?.ok_or(WebLinkError::NotFound)?;
    let order: Vec<(i32, i32)> = links_of(db, link.group_id).await?.iter().map(|l| (l.id, l.position)).collect();
    for (id, position) in crate::ordering::moved(&order, id, step) {
        web_link::ActiveModel { id: Set(id), position: Set(position), ..Default::default() }.update(db).await?;
    }
    Ok(())
}

/// Deletes a link group with its links.
pub async fn delete_web_link_group(db: &impl ConnectionTrait, id: i32) -> Result<String, WebLinkError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let group = web_link_group::Entity::find_by_id(id).one(db).await?.ok_or(WebLinkError::NotFound)?;
    web_link::Entity::delete_many().filter(web_link::Column::GroupId.eq(id)).exec(db).await?;
    web_link_group::Entity::delete_by_id(id).exec(db).await?;
    Ok(group.name)
}

pub async fn delete_web_link(db: &impl ConnectionTrait, id: i32) -> Result<String, WebLinkError> {
    let link = web_link::Entity::find_by_id(id).one(db).await?.ok_or(WebLinkError::NotFound)?;
    web_link::Entity::delete_by_id(id).exec(db).await?;
    Ok(link.title)
}

#[cfg(test)]
mod tests {
    use super::is_web_address;

    #[test]
    fn links_go_to_whole_web_addresses_only() {
        assert!(is_web_address("https://thanhhoa.gov.vn"));
        assert!(is_web_address("http://mic.gov.vn/tin-tuc?id=1"));
        for bad in
            ["javascript:alert(1)", "//evil.example", "https://", "https://localhost", "https://a.vn/x y", "ftp://a.vn"]
        {
            assert!(!is_web_address(bad), "{bad}");
        }
    }
}
