use leptos::prelude::*;
use leptos_meta::Title;

use super::{
    DeleteWebLink, DeleteWebLinkGroup, LinkGroupRow, MoveWebLink, MoveWebLinkGroup, SaveWebLink, SaveWebLinkGroup,
    list_web_links,
};
use crate::components::{ActionOutcome, ErrorMessage};

#[derive(Clone, Copy)]
struct Actions {
    save_group: ServerAction<SaveWebLinkGroup>,
    save_link: ServerAction<SaveWebLink>,
    move_group: ServerAction<MoveWebLinkGroup>,
    move_link: ServerAction<MoveWebLink>,
    delete_group: ServerAction<DeleteWebLinkGroup>,
    delete_link: ServerAction<DeleteWebLink>,
}

/// `/quan-tri/lien-ket`
#[component]
pub fn WebLinksPage() -> impl IntoView {
    let actions = Actions {
        save_group: ServerAction::new(),
        save_link: ServerAction::new(),
        move_group: ServerAction::new(),
        move_link: ServerAction::new(),
        delete_group: ServerAction::new(),
        delete_link: ServerAction::new(),
    };
    let groups = Resource::new(
        move || {
            (
                actions.save_group.version().get(),
                actions.save_link.version().get(),
                actions.move_group.version().get(),
                actions.move_link.version().get(),
                actions.delete_group.version().get(),
                actions.delete_link.version().get(),
            )
        },
        |_| list_web_links(),
    );
    view! {
        <Title text="Liên kết website - Quản trị"/>
        <h1>"Liên kết website"</h1>
        <ActionOutcome value=actions.save_link.value() success="Đã lưu liên kết."/>
        <ActionOutcome value=actions.delete_group.value() success="Đã xoá nhóm."/>
        <ActionOutcome value=actions.delete_link.value() success="Đã xoá liên kết."/>
        <Suspense fallback=|| view! { <p>"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match groups.await {
                    Ok(groups) => groups.into_iter().map(|group| view! { <GroupCard group actions/> }).collect_view().into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
        <section class="admin-card" aria-labelledby="new-group">
            <h2 id="new-group">"Thêm nhóm liên kết"</h2>
            <ActionForm action=actions.save_group attr:class="admin-form">
                <label for="new-group-name">"Tên nhóm"</label>
                <input id="new-group-name" name="name" required/>
                <button type="submit">"Thêm nhóm"</button>
                <ActionOutcome value=actions.save_group.value() success="Đã lưu nhóm."/>
            </ActionForm>
        </section>
    }
}

#[component]
fn GroupCard(group: LinkGroupRow, actions: Actions) -> impl IntoView {
    let LinkGroupRow { id, name, links } = group;
    let heading_id = format!("group-{id}");
    let delete_label = format!("Xoá nhóm “{name}”");
    let (title_id, url_id) = (format!("new-link-title-{id}"), format!("new-link-url-{id}"));
    view! {
        <section class="admin-card" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{name.clone()}</h2>
            <div class="row-actions">
                {move_buttons!(actions.move_group, id, &name)}
                <ActionForm action=actions.delete_group>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" aria-label=delete_label>"Xoá nhóm"</button>
                </ActionForm>
            </div>
            <table class="article-list">
                <tbody>
                    {links.into_iter().map(|link| {
                        let delete_label = format!("Xoá “{}”", link.title);
                        view! {
                        <tr>
                            <td>{link.title.clone()}</td>
                            <td><a href=link.url.clone() target="_blank" rel="noopener noreferrer">{link.url.clone()}</a></td>
                            <td class="row-actions">
                                {move_buttons!(actions.move_link, link.id, &link.title)}
                                <ActionForm action=actions.delete_link>
                                    <input type="hidden" name="id" value=link.id/>
                                    <button type="submit" aria-label=delete_label>"Xoá"</button>
                                </ActionForm>
                            </td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
            <ActionForm action=actions.save_link attr:class="admin-form">
                <input type="hidden" name="group_id" value=id/>
                <label for=title_id.clone()>"Tên liên kết mới"</label>
                <input id=title_id name="title" required/>
                <label for=url_id.clone()>"Địa chỉ (https://…)"</label>
                <input id=url_id name="url" type="url" required/>
                <button type="submit">"Thêm liên kết"</button>
            </ActionForm>
        </section>
    }
}
