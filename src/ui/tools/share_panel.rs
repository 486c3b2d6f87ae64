//! The opt-in share link: first the warning about what the link contains, then the
//! link itself. The household travels in the URL fragment, which browsers never send
//! to a server; whoever gets the link can read it.

use super::QrCode;
use crate::ui::persist::share_link;
use crate::ui::state::AppState;
use crate::view::Msg;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The share link panel: the warning first, the link once agreed to.
#[component]
pub fn SharePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // Once agreed to, the link follows every edit: a link shown earlier would still
    // carry answers the resident has since changed or removed.
    let agreed = state.share_agreed;
    let link = Memo::new(move |_| agreed.get().then(|| share_link(state)));
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let Some(text) = link.get_untracked() else {
            return;
        };
        // `navigator.clipboard` is missing on pages opened from disk or plain http.
        let clip = js_sys::Reflect::get(&window().navigator(), &"clipboard".into())
            .ok()
            .filter(|c| !c.is_undefined() && !c.is_null());
        match clip {
            Some(c) => {
                let c: web_sys::Clipboard = c.unchecked_into();
                let p = c.write_text(&text);
                leptos::task::spawn_local(async move {
                    copied.set(Some(wasm_bindgen_futures::JsFuture::from(p).await.is_ok()));
                });
            }
            None => copied.set(Some(false)),
        }
    };
    view! {
        <section id="share-panel" class="share-panel" aria-labelledby="share-title">
            <h2 id="share-title">{state.t(Msg::ShareLink)}</h2>
            <p class="warning">
                {state.t(Msg::ShareWarning)}
            </p>
            <Show
                when=move || link.with(Option::is_some)
                fallback=move || view! {
                    <button type="button" class="make-link" on:click=move |_| agreed.set(true)>
                        {state.t(Msg::MakeLink)}
                    </button>
                }
            >
                <div class="field">
                    <label for="share-link">{state.t(Msg::Link)}</label>
                    <input id="share-link" type="text" readonly prop:value=move || link.get().unwrap_or_default()
                        on:focus=move |ev| {
                            if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                i.select();
                            }
                        }
                    />
                </div>
                <button type="button" class="copy" on:click=copy>{state.t(Msg::CopyLink)}</button>
                <p role="status" class="copied">
                    {move || copied.get().map(|ok| if ok {
                        Msg::Copied.get(lang.get())
                    } else {
                        Msg::CopyFailed.get(lang.get())
                    })}
                </p>
                <QrCode />
            </Show>
        </section>
    }
}
