//! The app shell: header with the tools and language switch, the notice bar, the
//! estimate screen. Restores the session (and a shared link) before the first render.

use super::estimate::EstimateScreen;
use super::persist;
use super::settings::{CounterLink, CounterScreen, SettingsProblem};
use super::state::{AppState, Load};
use super::tools::{NoticeBar, Toolbar};
use crate::domain::Lang;
use crate::view::Msg;
use leptos::prelude::*;

/// The whole app: its one state, provided once, and the page around the estimate.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    persist::restore(state);
    super::settings::load(state);
    persist::keep_in_session(state);
    // Whether there are rules at all; a memo, so a region's rules arriving (a new engine)
    // updates what reads them and does not draw the screen again.
    let rules_usable = Memo::new(move |_| AppState::catalog().is_some());
    // The chosen region's rules and the comparison's, fetched when first needed.
    Effect::new(move |_| {
        state.load(state.region.get());
        if let Some(c) = state.compare.get() {
            state.load(c);
        }
    });
    // A link opened in a tab that already shows the app arrives as a hash change.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        persist::apply_fragment(state)
    });
    let lang = state.lang;
    let large = state.large_text;
    Effect::new(move |_| {
        // <html lang> for screen readers and the font; the large-text class scales every
        // rem-based size at once.
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute(
                "lang",
                if lang.get() == Lang::Zh {
                    "zh-CN"
                } else {
                    "en"
                },
            );
            let _ = el.class_list().toggle_with_force("large-text", large.get());
            // Inside an embedding page's frame nothing can stay in view: the total is
            // repeated under each member instead (see `TotalBar`).
            let framed = window()
                .parent()
                .ok()
                .flatten()
                .is_some_and(|p| !js_sys::Object::is(&p, &window()));
            let _ = el.class_list().toggle_with_force("embedded", framed);
        }
    });
    view! {
        <a class="skip" href="#results">{state.t(Msg::SkipToResults)}</a>
        <header class="top">
            <h1>{state.t(Msg::Title)}</h1>
            <button
                type="button"
                class="lang"
                on:click=move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh })
                lang=move || if lang.get() == Lang::Zh { "en" } else { "zh-CN" }
            >
                {state.t(Msg::OtherLanguage)}
            </button>
            <p class="privacy">
                {state.t(Msg::Privacy)}
            </p>
            <Toolbar />
        </header>
        <NoticeBar />
        <SettingsProblem />
        <main>
            <RulesStatus />
            {move || match (rules_usable.get(), state.counter_open.get()) {
                (true, false) => view! { <EstimateScreen /> }.into_any(),
                (true, true) => view! { <CounterScreen /> }.into_any(),
                (false, _) => {
                    let (zh, en) = Msg::CatalogFailed.both();
                    view! { <p role="alert">{zh}" "{en}</p> }.into_any()
                }
            }}
        </main>
        <CounterLink />
    }
}

/// While a region's rules (the chosen one's or the comparison's) are on their way, says
/// so; if they could not come, says why and offers to try again.
#[component]
fn RulesStatus() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let l = state.lang.get();
        let shown = [Some(state.region.get()), state.compare.get()];
        state.packs.with(|packs| {
            packs
                .iter()
                .filter(|(r, _)| shown.iter().flatten().any(|s| s == r))
                .map(|(r, load)| {
                    let (zh, en) = AppState::catalog()
                        .and_then(|c| c.region(r))
                        .map(|x| {
                            (
                                x.name.get(Lang::Zh).to_string(),
                                x.name.get(Lang::En).to_string(),
                            )
                        })
                        .unwrap_or_else(|| (r.clone(), r.clone()));
                    let (text, failed) = match load {
                        Load::Loading => (Msg::RulesLoading { zh, en }, false),
                        Load::Failed { offline, detail } => (
                            Msg::RulesFailed {
                                zh,
                                en,
                                offline: *offline,
                                detail: detail.clone(),
                            },
                            true,
                        ),
                    };
                    let r = r.clone();
                    view! {
                        <p
                            class="rules-status"
                            role=if failed { "alert" } else { "status" }
                            data-testid=if failed { "rules-failed" } else { "rules-loading" }
                        >
                            {text.get(l).into_owned()}
                            {failed.then(|| view! {
                                " "
                                <button type="button" on:click=move |_| state.load(r.clone())>
                                    {Msg::Retry.get(l).into_owned()}
                                </button>
                            })}
                        </p>
                    }
                })
                .collect_view()
        })
    }
}
