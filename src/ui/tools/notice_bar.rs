//! One message at a time for the user: a broken link (an alert), or a confirmation
//! (a polite status), dismissible.

use crate::ui::persist::undo_clear;
use crate::ui::state::AppState;
use crate::view::Msg;
use leptos::prelude::*;

/// The notice bar: an error alert and a polite status, one message at a time.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        // The live regions stay in the page so screen readers hear what lands in them.
        <div role="alert" class="notice error" data-testid="notice-error" class:empty=move || !state.notice.with(|n| n.as_ref().is_some_and(|n| n.error))>
            {move || state.notice.get().filter(|n| n.error).map(|n| view! {
                <p>{move || n.text(lang.get())}</p>
                <button type="button" on:click=move |_| state.notice.set(None)>{Msg::Dismiss.get(lang.get())}</button>
            })}
        </div>
        <div role="status" class="notice" data-testid="notice" class:empty=move || !state.notice.with(|n| n.as_ref().is_some_and(|n| !n.error))>
            {move || state.notice.get().filter(|n| !n.error).map(|n| view! {
                <p>{move || n.text(lang.get())}</p>
                // Clearing everything is one click: undoing it is one click too.
                <Show when=move || state.cleared.with(Option::is_some)>
                    <button type="button" class="undo" on:click=move |_| undo_clear(state)>{state.t(Msg::Undo)}</button>
                </Show>
                <button type="button" on:click=move |_| { state.notice.set(None); state.cleared.set(None); }>{Msg::Dismiss.get(lang.get())}</button>
            })}
        </div>
    }
}
