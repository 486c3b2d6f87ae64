//! A clerk's check of a printed estimate: the result code from the paper (and, if they
//! like, the cash per year it shows), against the household now in the form — the one
//! the paper's QR code or link opened. The estimate is recomputed on the code's date and
//! each field that differs is said (`domain::verify`).

use crate::catalog::version::RULE_SET_HASH;
use crate::domain::answer::parse_typed_yuan;
use crate::domain::verify::{ResultCode, check_estimate};
use crate::ui::state::AppState;
use crate::view::Msg;
use crate::view::verdict::verdict;
use leptos::prelude::*;

/// What a check found, as messages (the first says whether it matches).
fn check(state: AppState, code: &str, printed: &str) -> Vec<(Msg, bool)> {
    let printed_code = match ResultCode::parse(code) {
        Ok(c) => c,
        Err(e) => {
            let (zh, en) = e.both();
            return vec![(Msg::VerifyRefused { zh, en }, false)];
        }
    };
    let lang = state.lang.get_untracked();
    let printed_total = match printed.trim() {
        "" => None,
        t => match parse_typed_yuan(t, 100_000_000) {
            Ok(v) => Some(v),
            Err(e) => {
                return vec![(
                    Msg::VerifyRefused {
                        zh: e.zh(),
                        en: e.en(),
                    },
                    false,
                )];
            }
        },
    };
    let Some(cat) = AppState::catalog() else {
        return Vec::new();
    };
    let Some(region) = state.region.with_untracked(|r| cat.region(r)) else {
        return Vec::new();
    };
    let settings = state.settings();
    let c = state.household.with_untracked(|h| {
        check_estimate(
            cat,
            region,
            h,
            settings.as_ref(),
            RULE_SET_HASH,
            &printed_code,
        )
    });
    let v = verdict(lang, &printed_code, &c, printed_total);
    let mut out = v.lines;
    out.push((v.computed, true));
    out
}

/// The check panel: code, optional printed total, the verdict.
#[component]
pub fn VerifyPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let code = RwSignal::new(String::new());
    let printed = RwSignal::new(String::new());
    let found = RwSignal::new(Vec::<(Msg, bool)>::new());
    let run = move || {
        found.set(check(
            state,
            &code.get_untracked(),
            &printed.get_untracked(),
        ))
    };
    let text = move |m: &Msg| m.get(lang.get()).into_owned();
    view! {
        <section id="verify-panel" class="verify-panel" aria-labelledby="verify-title">
            <h2 id="verify-title">{state.t(Msg::VerifyTitle)}</h2>
            <form on:submit=move |ev| {
                ev.prevent_default();
                run();
            }>
                <div class="field">
                    <label for="verify-code">{state.t(Msg::VerifyCode)}</label>
                    <input id="verify-code" type="text" autocomplete="off" spellcheck="false"
                        prop:value=move || code.get()
                        on:input=move |ev| code.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="verify-total">{state.t(Msg::VerifyPrintedTotal)}</label>
                    <input id="verify-total" type="text" inputmode="decimal" autocomplete="off"
                        prop:value=move || printed.get()
                        on:input=move |ev| printed.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="verify">{state.t(Msg::VerifyButton)}</button>
            </form>
            <div role="status" data-testid="verify-result">
                {move || found.with(|f| f.iter().map(|(m, ok)| {
                    view! { <p class=if *ok { "ok" } else { "differs" }>{text(m)}</p> }
                }).collect_view())}
            </div>
            <p class="note">{state.t(Msg::VerifyWhatItProves)}</p>
        </section>
    }
}
