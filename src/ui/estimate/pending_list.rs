//! "May be eligible": outcomes an answer could still decide, each with the questions
//! that would decide it, so the user sees why a question is asked. Most cash at stake
//! first; a household with few answers has dozens, so only the first few show until
//! the user asks for all.

use super::rows::{self, Key, RowHead, row};
use crate::domain::Lang;
use crate::domain::facts::Scope;
use crate::ui::state::AppState;
use crate::view::{Msg, words};
use leptos::prelude::*;

/// How many pending outcomes show before "show all".
const SHOWN: usize = 6;

/// The undecided results, with what would decide each.
#[component]
pub fn PendingList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let show_all = RwSignal::new(false);
    let all = Memo::new(move |_| {
        state
            .estimate
            .with(|e| e.as_ref().map(rows::pending).unwrap_or_default())
    });
    let count = move || all.with(Vec::len);
    let shown = move || {
        let mut keys = all.get();
        if !show_all.get() {
            keys.truncate(SHOWN);
        }
        keys
    };
    view! {
        <Show when=move || { count() > 0 }>
            <section class="pending-list" data-testid="pending">
                <h2>{state.t(Msg::MayApply)}</h2>
                <ul>
                    <For each=shown key=|k| *k let:id>
                        <PendingRow id=id />
                    </For>
                </ul>
                <Show when=move || { count() > SHOWN }>
                    <button type="button" class="more" aria-expanded=move || show_all.get().to_string() on:click=move |_| show_all.update(|b| *b = !*b)>
                        {move || if show_all.get() { Msg::ShowFewer } else { Msg::ShowAll(count()) }.get(lang.get())}
                    </button>
                </Show>
            </section>
        </Show>
    }
}

/// One undecided result: its name, who, the amount if known, and the questions that
/// would decide it (saying which ones the resident answered "don't know").
#[component]
fn PendingRow(
    /// The result's rule and member.
    id: Key,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let data = row(state.estimate, id);
    let asks = move || {
        let l = lang.get();
        data.with(|d| {
            let Some(d) = d else { return String::new() };
            d.outcome
                .missing_ids
                .iter()
                .filter(|f| !f.info().is_derived())
                .map(|f| {
                    let info = f.info();
                    let label = if l == Lang::Zh { info.zh } else { info.en };
                    let m = match info.scope {
                        Scope::Member => id.1,
                        Scope::Household => None,
                    };
                    // What a "不清楚" leaves open is said, so the resident sees what
                    // finding it out would decide.
                    let dk = state.is_dont_know(*f, m);
                    let who = Msg::Who(m).get(l);
                    let dk_text = Msg::YouSaidDontKnow.get(l);
                    match (m, dk) {
                        (Some(_), false) => format!("{label}（{who}）"),
                        (Some(_), true) => format!("{label}（{who}，{dk_text}）"),
                        (None, true) => format!("{label}（{dk_text}）"),
                        (None, false) => label.to_string(),
                    }
                })
                .collect::<Vec<_>>()
                .join(&Msg::ListSeparator.get(l))
        })
    };
    view! {
        <li>
            <RowHead data=data who=Msg::Who(id.1) amount=words::known_amount figures=true />
            <span class="asks">{state.t(Msg::Answer)}{asks}</span>
        </li>
    }
}
