//! The row of page tools. Each is a real button, reachable by keyboard, with its state
//! (pressed, expanded) exposed to screen readers.

use super::{SharePanel, VerifyPanel};
use crate::ui::persist::clear_all;
use crate::ui::state::AppState;
use crate::view::Msg;
use leptos::prelude::*;

/// The page tools: large text, print, share link, check a printed estimate, clear all.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let share_open = RwSignal::new(false);
    let verify_open = RwSignal::new(false);
    view! {
        <nav class="toolbar" aria-label=state.t(Msg::Tools)>
            <button
                type="button"
                class="large"
                aria-pressed=move || state.large_text.get().to_string()
                on:click=move |_| state.large_text.update(|b| *b = !*b)
            >
                {state.t(Msg::LargeText)}
            </button>
            <button type="button" class="print" on:click=move |_| {
                let _ = window().print();
            }>
                {state.t(Msg::PrintSummary)}
            </button>
            <button
                type="button"
                class="share"
                aria-expanded=move || share_open.get().to_string()
                aria-controls="share-panel"
                on:click=move |_| share_open.update(|b| *b = !*b)
            >
                {state.t(Msg::ShareLink)}
            </button>
            <button
                type="button"
                class="verify-open"
                aria-expanded=move || verify_open.get().to_string()
                aria-controls="verify-panel"
                on:click=move |_| verify_open.update(|b| *b = !*b)
            >
                {state.t(Msg::VerifyTitle)}
            </button>
            <button type="button" class="clear" on:click=move |_| {
                share_open.set(false);
                verify_open.set(false);
                clear_all(state);
            }>
                {state.t(Msg::ClearAll)}
            </button>
        </nav>
        <Show when=move || share_open.get()>
            <SharePanel />
        </Show>
        <Show when=move || verify_open.get()>
            <VerifyPanel />
        </Show>
    }
}
