//! The app shell: header, language switch, the estimate screen.

use super::estimate::EstimateScreen;
use super::i18n::tr;
use super::state::AppState;
use crate::domain::Lang;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    let estimate = state.estimate();
    provide_context(estimate);
    let lang = state.lang;
    Effect::new(move |_| {
        // Keep <html lang> right for screen readers.
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute(
                "lang",
                if lang.get() == Lang::Zh {
                    "zh-CN"
                } else {
                    "en"
                },
            );
        }
    });
    view! {
        <header class="top">
            <h1>{move || tr(lang.get(), "基本公共服务测算", "Basic public services estimator")}</h1>
            <p class="privacy">
                {move || tr(lang.get(), "全部在本机计算，您填写的信息不会离开浏览器。", "Everything is computed on this device; what you enter never leaves the browser.")}
            </p>
            <button
                class="lang"
                on:click=move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh })
                lang=move || if lang.get() == Lang::Zh { "en" } else { "zh-CN" }
            >
                {move || tr(lang.get(), "English", "中文")}
            </button>
        </header>
        <main>
            {match AppState::catalog() {
                Some(_) => view! { <EstimateScreen /> }.into_any(),
                None => view! { <p role="alert">"规则库无法加载。The rule catalog failed to load."</p> }.into_any(),
            }}
        </main>
    }
}
