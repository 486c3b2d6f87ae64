//! One message at a time for the user: a broken link (an alert), or a confirmation
//! (a polite status), dismissible.

use crate::domain::Lang;
use crate::ui::i18n::tr;
use crate::ui::persist::undo_clear;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        // The live regions stay in the page so screen readers hear what lands in them.
        <div role="alert" class="notice error" data-testid="notice-error" class:empty=move || !state.notice.with(|n| n.as_ref().is_some_and(|n| n.error))>
            {move || state.notice.get().filter(|n| n.error).map(|n| view! {
                <p>{if lang.get() == Lang::Zh { n.zh } else { n.en }}</p>
                <button type="button" on:click=move |_| state.notice.set(None)>{tr(lang.get(), "知道了", "Dismiss")}</button>
            })}
        </div>
        <div role="status" class="notice" data-testid="notice" class:empty=move || !state.notice.with(|n| n.as_ref().is_some_and(|n| !n.error))>
            {move || state.notice.get().filter(|n| !n.error).map(|n| view! {
                <p>{if lang.get() == Lang::Zh { n.zh } else { n.en }}</p>
                // Clearing everything is one click: undoing it is one click too.
                <Show when=move || state.cleared.with(Option::is_some)>
                    <button type="button" class="undo" on:click=move |_| undo_clear(state)>{move || tr(lang.get(), "撤销", "Undo")}</button>
                </Show>
                <button type="button" on:click=move |_| { state.notice.set(None); state.cleared.set(None); }>{tr(lang.get(), "知道了", "Dismiss")}</button>
            })}
        </div>
    }
}
