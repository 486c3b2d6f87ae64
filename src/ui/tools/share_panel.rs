//! The opt-in share link: first the warning about what the link contains, then the
//! link itself. The household travels in the URL fragment, which browsers never send
//! to a server; whoever gets the link can read it.

use crate::ui::i18n::tr;
use crate::ui::persist::share_link;
use crate::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn SharePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // Once agreed to, the link follows every edit: a link shown earlier would still
    // carry answers the resident has since changed or removed.
    let agreed = RwSignal::new(false);
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
            <h2 id="share-title">{move || tr(lang.get(), "分享链接", "Share link")}</h2>
            <p class="warning">
                {move || tr(
                    lang.get(),
                    "链接里包含您填写的全部信息（年龄、收入、残疾、低保等）。任何拿到链接的人都能看到这些信息。链接内容只在浏览器中读取，不会发送到任何服务器。",
                    "The link contains everything you entered (ages, income, disability, 低保 status…). Anyone who gets the link can read it. Its content is read in the browser only and never sent to any server.",
                )}
            </p>
            <Show
                when=move || link.with(Option::is_some)
                fallback=move || view! {
                    <button type="button" class="make-link" on:click=move |_| agreed.set(true)>
                        {move || tr(lang.get(), "我明白，生成链接", "I understand: make the link")}
                    </button>
                }
            >
                <div class="field">
                    <label for="share-link">{move || tr(lang.get(), "分享链接", "Link")}</label>
                    <input id="share-link" type="text" readonly prop:value=move || link.get().unwrap_or_default()
                        on:focus=move |ev| {
                            if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                i.select();
                            }
                        }
                    />
                </div>
                <button type="button" class="copy" on:click=copy>{move || tr(lang.get(), "复制链接", "Copy link")}</button>
                <p role="status" class="copied">
                    {move || copied.get().map(|ok| if ok {
                        tr(lang.get(), "已复制。", "Copied.")
                    } else {
                        tr(lang.get(), "无法自动复制，请选中上面的链接手动复制。", "Could not copy: select the link above and copy it.")
                    })}
                </p>
            </Show>
        </section>
    }
}
