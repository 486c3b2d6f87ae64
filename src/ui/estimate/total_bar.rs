//! The total where the resident is: a compact line with the yearly cash and a link to
//! the results. On a phone it stays at the top of the screen while the form scrolls;
//! inside an embedding page (an auto-height frame, where nothing can stay in view) it
//! is repeated under each member's card instead. Not a live region: the full totals
//! already announce changes once.

use super::summary::{count_en, totals};
use crate::domain::Lang;
use crate::ui::i18n::tr;
use crate::ui::state::{AppState, Estimate};
use leptos::prelude::*;

/// A compact total with a "看结果" link.
#[component]
pub fn TotalBar(
    /// `sticky` (top of the form, phones) or `in-card` (under a member, embedded only).
    place: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let estimate = expect_context::<Estimate>();
    let lang = state.lang;
    let text = Memo::new(move |_| {
        let l = lang.get();
        estimate.with(|e| {
            e.0.as_ref().map(|r| {
                let t = totals(r, l);
                let eligible = r
                    .outcomes
                    .iter()
                    .filter(|o| o.status == crate::domain::Tri::Yes && !o.rule.is_universal())
                    .count() as u32;
                match l {
                    Lang::Zh => format!("现金补贴每年 {} · 可享受 {eligible} 项", t.year),
                    Lang::En => format!(
                        "Cash {} a year · {} you can get",
                        t.year,
                        count_en(eligible, "benefit", "benefits")
                    ),
                }
            })
        })
    });
    view! {
        <p class=format!("total-bar {place}") data-testid=format!("total-bar-{place}")>
            <span class="sum">{move || text.get().unwrap_or_default()}</span>
            <a href="#results">{move || tr(lang.get(), "看结果", "See results")}</a>
        </p>
    }
}
