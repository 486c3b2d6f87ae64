//! The row of page tools. Each is a real button, reachable by keyboard, with its state
//! (pressed, expanded) exposed to screen readers.

use super::SharePanel;
use crate::ui::i18n::tr;
use crate::ui::persist::clear_all;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let share_open = RwSignal::new(false);
    view! {
        <nav class="toolbar" aria-label=move || tr(lang.get(), "工具", "Tools")>
            <button
                type="button"
                class="large"
                aria-pressed=move || state.large_text.get().to_string()
                on:click=move |_| state.large_text.update(|b| *b = !*b)
            >
                {move || tr(lang.get(), "大字模式", "Large text")}
            </button>
            <button type="button" class="print" on:click=move |_| {
                let _ = window().print();
            }>
                {move || tr(lang.get(), "打印摘要", "Print summary")}
            </button>
            <button
                type="button"
                class="share"
                aria-expanded=move || share_open.get().to_string()
                aria-controls="share-panel"
                on:click=move |_| share_open.update(|b| *b = !*b)
            >
                {move || tr(lang.get(), "分享链接", "Share link")}
            </button>
            <button type="button" class="clear" on:click=move |_| {
                share_open.set(false);
                clear_all(state);
            }>
                {move || tr(lang.get(), "清除全部", "Clear all")}
            </button>
        </nav>
        <Show when=move || share_open.get()>
            <SharePanel />
        </Show>
    }
}
