//! The result code next to the totals and on the printed summary, and the rule set's
//! version in the footer: what a clerk checks a printed estimate against
//! (`domain::verify`; the README says what the code proves and what it does not).

use crate::catalog::version::{self, RULE_SET_HASH};
use crate::domain::verify::{ResultCode, Shown};
use crate::ui::state::AppState;
use crate::view::Msg;
use leptos::prelude::*;

/// The code of the estimate on screen, or `None` before there is one.
pub fn current_code(state: AppState) -> Option<ResultCode> {
    state.estimate.with(|e| {
        e.as_ref().map(|e| {
            let t = &e.totals.household;
            let shown = Shown {
                yearly: t.yearly,
                once: t.once,
                waived_yearly: t.waived_yearly,
                waived_once: t.waived_once,
            };
            state
                .household
                .with(|h| ResultCode::new(RULE_SET_HASH, e.date, e.region.id, h, shown))
        })
    })
}

/// "结果码 K7QM-0A4-X2HD-9FZPQ".
#[component]
pub fn ResultCodeLine() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let code = Memo::new(move |_| current_code(state).map(|c| c.to_string()));
    move || {
        code.get().map(|c| {
            view! {
                <p class="result-code" data-testid="result-code">
                    {Msg::ResultCode(c).get(lang.get()).into_owned()}
                </p>
            }
        })
    }
}

/// "规则版本 R-K7QM：海东市…（2022–2025）；…" — the rule set this page computes with.
#[component]
pub fn RuleSetLine() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    move || {
        AppState::catalog().map(|c| {
            let l = lang.get();
            let m = Msg::RuleSet {
                label: version::label(),
                documents: version::documents(c).join(&Msg::DocumentSeparator.get(l)),
            };
            view! { <p class="rule-set" data-testid="rule-set">{m.get(l).into_owned()}</p> }
        })
    }
}
