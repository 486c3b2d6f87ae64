//! Near misses: "if …, you would also get …" — the smallest single change that would
//! meet a rule not met now (an age reached, an income below a line).

use super::rows::{self, row};
use crate::ui::state::AppState;
use crate::view::{Msg, words};
use leptos::prelude::*;

/// The rules that one change would meet, each in a sentence.
#[component]
pub fn NearMissList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let keys = Memo::new(move |_| {
        state
            .estimate
            .with(|e| e.as_ref().map(rows::near_misses).unwrap_or_default())
    });
    view! {
        <Show when=move || !keys.with(Vec::is_empty)>
            <section class="near-misses" data-testid="near-misses">
                <h2>{state.t(Msg::NearlyThere)}</h2>
                <ul>
                    <For each=move || keys.get() key=|k| *k let:id>
                        {
                            let data = row(state.estimate, id);
                            view! {
                                <li>
                                    {move || {
                                        let l = lang.get();
                                        data.with(|d| {
                                            let d = d.as_ref()?;
                                            let change = d.outcome.near_miss.as_ref()?.get(l).to_string();
                                            Some(
                                                Msg::NearMiss {
                                                    whose: Msg::Whose(id.1).get(l).into_owned(),
                                                    change,
                                                    name: d.rule.name.get(l).to_string(),
                                                    amount: words::known_amount(l, &d.outcome),
                                                }
                                                .get(l)
                                                .into_owned(),
                                            )
                                        })
                                    }}
                                </li>
                            }
                        }
                    </For>
                </ul>
            </section>
        </Show>
    }
}
