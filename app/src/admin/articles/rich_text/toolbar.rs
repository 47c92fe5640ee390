use leptos::prelude::*;

use super::command::{EditorCommand, FigureAlign, FigureSize, TextAlign};
use super::controls::EditorControls;
use super::insert_panel::{InsertPanel, OpenPanel};

struct Button {
    label: &'static str,
    title: &'static str,
    command: fn() -> EditorCommand,
    /// The `EditorState::active` name that presses this button.
    active: Option<&'static str>,
}

const fn button(
    label: &'static str,
    title: &'static str,
    command: fn() -> EditorCommand,
    active: Option<&'static str>,
) -> Button {
    Button { label, title, command, active }
}

const FORMATTING: [&[Button]; 5] = [
    &[
        button("Đậm", "Chữ đậm (Ctrl+B)", || EditorCommand::Bold, Some("bold")),
        button("Nghiêng", "Chữ nghiêng (Ctrl+I)", || EditorCommand::Italic, Some("italic")),
        button("Gạch chân", "Gạch chân (Ctrl+U)", || EditorCommand::Underline, Some("underline")),
        button("Gạch ngang", "Gạch ngang (Ctrl+Shift+S)", || EditorCommand::Strike, Some("strike")),
        button("x₂", "Chỉ số dưới (Ctrl+,)", || EditorCommand::Subscript, Some("subscript")),
        button("x²", "Chỉ số trên (Ctrl+.)", || EditorCommand::Superscript, Some("superscript")),
    ],
    &[
        button("Đoạn", "Đoạn văn thường (Ctrl+Alt+0)", || EditorCommand::Paragraph, None),
        button("H2", "Tiêu đề mục (Ctrl+Alt+2)", || EditorCommand::Heading(2), Some("heading2")),
        button("H3", "Tiêu đề mục nhỏ (Ctrl+Alt+3)", || EditorCommand::Heading(3), Some("heading3")),
        button("H4", "Tiêu đề mục nhỏ hơn (Ctrl+Alt+4)", || EditorCommand::Heading(4), Some("heading4")),
    ],
    &[
        button("Trái", "Căn trái (Ctrl+Shift+L)", || EditorCommand::Align(TextAlign::Left), None),
        button("Giữa", "Căn giữa (Ctrl+Shift+E)", || EditorCommand::Align(TextAlign::Center), Some("align-center")),
        button("Phải", "Căn phải (Ctrl+Shift+R)", || EditorCommand::Align(TextAlign::Right), Some("align-right")),
        button(
            "Đều",
            "Căn đều hai bên (Ctrl+Shift+J)",
            || EditorCommand::Align(TextAlign::Justify),
            Some("align-justify"),
        ),
    ],
    &[
        button("• Danh sách", "Danh sách dấu chấm (Ctrl+Shift+8)", || EditorCommand::BulletList, Some("bulletList")),
        button("1. Danh sách", "Danh sách đánh số (Ctrl+Shift+7)", || EditorCommand::OrderedList, Some("orderedList")),
        button("Trích dẫn", "Trích dẫn (Ctrl+Shift+B)", || EditorCommand::Blockquote, Some("blockquote")),
        button("Đường kẻ", "Đường kẻ ngang", || EditorCommand::HorizontalRule, None),
        button("Bỏ định dạng", "Xoá định dạng", || EditorCommand::ClearFormatting, None),
    ],
    &[
        button("Hoàn tác", "Hoàn tác (Ctrl+Z)", || EditorCommand::Undo, None),
        button("Làm lại", "Làm lại (Ctrl+Shift+Z)", || EditorCommand::Redo, None),
    ],
];

const TABLE_TOOLS: [Button; 6] = [
    button("+ Hàng", "Thêm hàng bên dưới", || EditorCommand::AddRowAfter, None),
    button("− Hàng", "Xoá hàng", || EditorCommand::DeleteRow, None),
    button("+ Cột", "Thêm cột bên phải", || EditorCommand::AddColumnAfter, None),
    button("− Cột", "Xoá cột", || EditorCommand::DeleteColumn, None),
    button("Hàng tiêu đề", "Bật/tắt hàng tiêu đề", || EditorCommand::ToggleHeaderRow, None),
    button("Xoá bảng", "Xoá cả bảng", || EditorCommand::DeleteTable, None),
];

const FIGURE_TOOLS: [Button; 6] = [
    button("Ảnh trái", "Ảnh nằm bên trái", || EditorCommand::FigureAlign(FigureAlign::Left), None),
    button("Ảnh giữa", "Ảnh ở giữa", || EditorCommand::FigureAlign(FigureAlign::Center), None),
    button("Ảnh phải", "Ảnh nằm bên phải", || EditorCommand::FigureAlign(FigureAlign::Right), None),
    button("Nhỏ", "Ảnh nhỏ (một phần ba)", || EditorCommand::FigureSize(FigureSize::Small), None),
    button("Vừa", "Ảnh vừa (hai phần ba)", || EditorCommand::FigureSize(FigureSize::Medium), None),
    button("Toàn khổ", "Ảnh rộng hết khổ bài", || EditorCommand::FigureSize(FigureSize::Full), None),
];

fn tool_button(controls: EditorControls, button: &'static Button) -> impl IntoView {
    let pressed = button.active.map(|name| controls.is_active(name));
    let disabled = move || {
        !controls.ready.get()
            || match (button.command)() {
                EditorCommand::Undo => !controls.state.with(|s| s.can_undo),
                EditorCommand::Redo => !controls.state.with(|s| s.can_redo),
                _ => false,
            }
    };
    // The name starts with the visible label (so speech input finds the button) and says the rest.
    let name = format!("{}: {}", button.label, button.title);
    view! {
        <button type="button" title=button.title aria-label=name disabled=disabled
            aria-pressed=move || pressed.map(|p| if p.get() { "true" } else { "false" })
            on:mousedown=keep_editor_focus
            on:click=move |_| { controls.run((button.command)()); }>
            {button.label}
        </button>
    }
}

/// The formatting buttons, the insert buttons with their panels, and the table and picture
/// tools while the cursor is in a table or on a picture.
#[component]
pub fn Toolbar(controls: EditorControls) -> impl IntoView {
    let open = RwSignal::new(None::<OpenPanel>);
    let toggle =
        move |panel: OpenPanel| open.update(|open| *open = if *open == Some(panel) { None } else { Some(panel) });
    let ready = controls.ready;
    view! {
        <div class="editor-toolbar" role="toolbar" aria-label="Định dạng nội dung" aria-controls="body-editor">
            {FORMATTING.iter().map(|group| view! {
                <span class="tool-group">{group.iter().map(|b| tool_button(controls, b)).collect_view()}</span>
            }).collect_view()}
            <span class="tool-group">
                <button type="button" disabled=move || !ready.get() aria-pressed=move || controls.is_active("link").get().to_string()
                    on:click=move |_| toggle(OpenPanel::Link)>"Liên kết"</button>
                <button type="button" disabled=move || !ready.get() on:mousedown=keep_editor_focus
                    on:click=move |_| { controls.run(EditorCommand::InsertTable); }>"Chèn bảng"</button>
                <button type="button" disabled=move || !ready.get() on:click=move |_| toggle(OpenPanel::Library)>"Ảnh từ thư viện"</button>
                <button type="button" disabled=move || !ready.get() on:click=move |_| toggle(OpenPanel::Upload)>"Tải ảnh/tệp lên"</button>
                <button type="button" disabled=move || !ready.get() on:click=move |_| toggle(OpenPanel::Video)>"Video"</button>
            </span>
            <Show when=move || controls.is_active("table").get()>
                <span class="tool-group contextual" aria-label="Bảng">{TABLE_TOOLS.iter().map(|b| tool_button(controls, b)).collect_view()}</span>
            </Show>
            <Show when=move || controls.is_active("figure").get()>
                <span class="tool-group contextual" aria-label="Ảnh">{FIGURE_TOOLS.iter().map(|b| tool_button(controls, b)).collect_view()}</span>
            </Show>
        </div>
        {move || open.get().map(|panel| view! { <InsertPanel controls panel close=Callback::new(move |()| open.set(None))/> })}
    }
}

/// A formatting button pressed with the mouse leaves the focus (and the selection) in the text.
/// Otherwise the button takes the focus and the editor only gets it back a frame later, and the
/// first letters typed straight after the click are lost.
fn keep_editor_focus(event: leptos::ev::MouseEvent) {
    event.prevent_default();
}
