//! The agency's settings and the "Liên kết website" links.

use entity::{site_settings, web_link, web_link_group};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, QueryOrder, Set};

/// The settings row, id 1.
pub async fn settings(db: &impl ConnectionTrait) -> Result<Option<site_settings::Model>, DbErr> {
    site_settings::Entity::find_by_id(1).one(db).await
}

/// Writes the settings row (id 1), replacing what was there.
pub async fn save_settings(db: &impl ConnectionTrait, settings: site_settings::Model) -> Result<(), DbErr> {
    let row = site_settings::ActiveModel { id: Set(1), ..settings.into() };
    match site_settings::Entity::find_by_id(1).one(db).await? {
        Some(_) => row.reset_all().update(db).await?,
        None => row.insert(db).await?,
    };
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
