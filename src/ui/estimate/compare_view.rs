//! The same household in two regions side by side: totals and what each gives.

use super::region_picker::region_options;
use super::rows::{self, RowHead, row};
use crate::ui::state::{AppState, Estimate};
use crate::view::{Msg, words};
use leptos::prelude::*;

/// The comparison: a second region's picker, then both regions' columns.
#[component]
pub fn CompareView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let comparing = move || {
        state.compare.with(Option::is_some)
            && state.estimate.with(Option::is_some)
            && state.compare_estimate.with(Option::is_some)
    };
    view! {
        <section class="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{state.t(Msg::Compare)}</h2>
            <div class="field">
                <label for="compare-region">{state.t(Msg::CompareRegion)}</label>
                <select
                    id="compare-region"
                    prop:value=move || state.compare.get().unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.compare.set((!v.is_empty()).then_some(v));
                    }
                >
                    <option value="">{state.t(Msg::NoComparison)}</option>
                    {region_options(lang)}
                </select>
            </div>
            <Show when=comparing>
                <div class="columns" aria-live="polite">
                    <Column estimate=state.estimate test="compare-a" />
                    <Column estimate=state.compare_estimate test="compare-b" />
                </div>
            </Show>
        </section>
    }
}

/// One region's column: its totals and what it gives.
#[component]
fn Column(
    /// The region's estimate.
    estimate: Estimate,
    /// The column's `data-testid`.
    test: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let keys =
        Memo::new(move |_| estimate.with(|e| e.as_ref().map(rows::targeted).unwrap_or_default()));
    let totals = move || {
        let l = lang.get();
        estimate.with(|e| {
            let e = e.as_ref()?;
            let t = e.totals.household;
            let in_kind = words::services_in_kind(e);
            Some(view! {
                <h3>{e.region.name.get(l).to_string()}</h3>
                <p class="cash"><strong>{words::money(l, t.yearly)}</strong>{Msg::AYear.get(l)}</p>
                <p>{Msg::AboutMonth.get(l)}{words::money(l, t.monthly)}</p>
                {(!t.once.is_zero()).then(|| view! { <p>{Msg::OneOffShort.get(l)}{words::money(l, t.once)}</p> })}
                <p>{format!("{in_kind} {}", Msg::ServicesInKind.get(l))}</p>
            })
        })
    };
    view! {
        <div class="column" data-testid=test>
            {totals}
            <ul>
                <For each=move || keys.get() key=|k| *k let:id>
                    {
                        let data = row(estimate, id);
                        view! {
                            <li>
                                <RowHead data=data who=Msg::Who(id.1) amount=words::amount_of />
                            </li>
                        }
                    }
                </For>
            </ul>
        </div>
    }
}
