//! The total where the resident is: a compact line with the yearly cash and a link to
//! the results. On a phone it stays at the top of the screen while the form scrolls;
//! inside an embedding page (an auto-height frame, where nothing can stay in view) it
//! is repeated under each member's card instead. Not a live region: the full totals
//! already announce changes once.

use crate::ui::state::AppState;
use crate::view::{Msg, words};
use leptos::prelude::*;

/// A compact total with a "看结果" link.
#[component]
pub fn TotalBar(
    /// `sticky` (top of the form, phones) or `in-card` (under a member, embedded only).
    place: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let text = move || {
        let l = lang.get();
        state.estimate.with(|e| {
            e.as_ref().map(|e| {
                Msg::TotalBar {
                    year: words::money(l, e.totals.household.yearly),
                    eligible: words::targeted(e).count() as u32,
                }
                .get(l)
                .into_owned()
            })
        })
    };
    view! {
        <p class=format!("total-bar {place}") data-testid=format!("total-bar-{place}")>
            <span class="sum">{move || text().unwrap_or_default()}</span>
            <a href="#results">{state.t(Msg::SeeResults)}</a>
        </p>
    }
}
