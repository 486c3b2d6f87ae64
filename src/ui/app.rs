//! The app shell: header with the tools and language switch, the notice bar, the
//! estimate screen. Restores the session (and a shared link) before the first render.

use super::estimate::EstimateScreen;
use super::i18n::tr;
use super::persist;
use super::settings::{CounterLink, CounterScreen, SettingsProblem};
use super::state::{AppState, CompareEstimate};
use super::tools::{NoticeBar, Toolbar};
use crate::domain::Lang;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    persist::restore(state);
    super::settings::load(state);
    persist::keep_in_session(state);
    // A link opened in a tab that already shows the app arrives as a hash change.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        persist::apply_fragment(state)
    });
    let estimate = state.estimate();
    provide_context(estimate);
    provide_context(state.questions(estimate));
    provide_context(CompareEstimate(state.compare_estimate()));
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
        <a class="skip" href="#results">{move || tr(lang.get(), "跳到测算结果", "Skip to the results")}</a>
        <header class="top">
            <h1>{move || tr(lang.get(), "基本公共服务测算", "Basic public services estimator")}</h1>
            <button
                type="button"
                class="lang"
                on:click=move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh })
                lang=move || if lang.get() == Lang::Zh { "en" } else { "zh-CN" }
            >
                {move || tr(lang.get(), "English", "中文")}
            </button>
            <p class="privacy">
                {move || tr(lang.get(), "全部在本机计算，您填写的信息不会离开浏览器。", "Everything is computed on this device; what you enter never leaves the browser.")}
            </p>
            <Toolbar />
        </header>
        <NoticeBar />
        <SettingsProblem />
        <main>
            {move || match (AppState::catalog(), state.counter_open.get()) {
                (Some(_), false) => view! { <EstimateScreen /> }.into_any(),
                (Some(_), true) => view! { <CounterScreen /> }.into_any(),
                (None, _) => view! { <p role="alert">"规则库无法加载。The rule catalog failed to load."</p> }.into_any(),
            }}
        </main>
        <CounterLink />
    }
}
