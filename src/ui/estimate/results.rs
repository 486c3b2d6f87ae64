//! Results as they type: the totals (announced politely to screen readers), what the
//! household can get grouped by area, and the documents' periods (a dated standard is
//! said, not hidden). What may apply and what nearly applies have their own lists.

use super::result_item::ResultItem;
use super::rows;
use super::{IncomeChart, NearMissList, OverTime, PendingList};
use crate::domain::Lang;
use crate::ui::state::AppState;
use crate::ui::tools::{ResultCodeLine, RuleSetLine};
use crate::view::{Msg, words};
use leptos::prelude::*;

/// The totals and the lists of what the household gets.
#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    let estimate = state.estimate;
    let lang = state.lang;
    let groups =
        Memo::new(move |_| estimate.with(|e| e.as_ref().map(rows::by_area).unwrap_or_default()));
    let universal =
        Memo::new(move |_| estimate.with(|e| e.as_ref().map(rows::universal).unwrap_or_default()));
    let documents = move || {
        estimate.with(|e| {
            e.as_ref()
                .map(|e| {
                    e.documents
                        .iter()
                        .map(|d| {
                            (
                                d.document.title.to_string(),
                                d.document.valid_from.year,
                                d.document.valid_to.year,
                                d.dated,
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    // The name of a service area in the current language.
    let area_name = move |area: &'static str| {
        move || {
            let l = lang.get();
            estimate.with(|e| {
                e.as_ref()
                    .and_then(|e| {
                        e.rules
                            .iter()
                            .filter_map(|r| r.area.as_ref())
                            .find(|a| a.id == area)
                    })
                    .map(|a| if l == Lang::Zh { a.zh } else { a.en })
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <div class="totals" aria-live="polite" aria-atomic="true" data-testid="totals">
            {move || estimate.with(|e| e.as_ref().map(|e| {
                let l = lang.get();
                let t = e.totals.household;
                let in_kind = words::services_in_kind(e);
                view! {
                    <p class="cash">
                        <span class="label">{Msg::CashBenefits.get(l)}</span>
                        <strong data-testid="total-year">{words::money(l, t.yearly)}</strong>
                        {Msg::AYear.get(l)}
                        <span class="month" data-testid="total-month">
                            {Msg::AboutMonthly(words::money(l, t.monthly)).get(l)}
                        </span>
                    </p>
                    {(!t.once.is_zero()).then(|| view! { <p data-testid="total-once">{Msg::OneOff.get(l)}{words::money(l, t.once)}</p> })}
                    {words::waived(l, e).map(|w| view! {
                        <p class="waived" data-testid="total-waived">{Msg::WaivedBesides.get(l)}{w}</p>
                    })}
                    {e.documents.iter().any(|d| d.dated).then(|| view! {
                        <p class="dated" data-testid="total-dated">{Msg::DatedNote.get(l)}</p>
                    })}
                    <p>
                        <strong data-testid="in-kind">{in_kind}</strong>
                        {Msg::InKind(in_kind).get(l)}
                    </p>
                    {(t.cash_pending > 0).then(|| view! { <p class="pending">{Msg::CashPending(t.cash_pending).get(l)}</p> })}
                    {words::possible(l, e).map(|p| view! { <p class="possible">{p}</p> })}
                }
            }))}
        </div>
        <ResultCodeLine />
        <h2 id="results" tabindex="-1">{state.t(Msg::YouCanGet)}</h2>
        <div data-testid="eligible">
            <Show when=move || groups.with(Vec::is_empty)>
                <p class="none">{state.t(Msg::NothingYet)}</p>
            </Show>
            <For each=move || groups.get() key=|(area, _)| *area let:group>
                <section class="area">
                    <h3>{area_name(group.0)}</h3>
                    <ul class="results">
                        <For
                            each=move || groups.with(|g| g.iter().find(|(a, _)| *a == group.0).map(|(_, k)| k.clone()).unwrap_or_default())
                            key=|k| *k
                            let:id
                        >
                            <ResultItem id=id estimate=estimate />
                        </For>
                    </ul>
                </section>
            </For>
        </div>
        <PendingList />
        <NearMissList />
        <IncomeChart />
        <OverTime />
        <details class="universal" data-testid="universal">
            <summary>{move || Msg::Universal(universal.with(Vec::len)).get(lang.get())}</summary>
            <ul class="results">
                <For each=move || universal.get() key=|k| *k let:id>
                    <ResultItem id=id estimate=estimate everyone=true />
                </For>
            </ul>
        </details>
        <footer class="sources">
            {move || {
                let l = lang.get();
                documents().into_iter().map(|(title, from, to, dated)| view! {
                    <p class:dated=dated>
                        {Msg::DocumentYears { title, from, to }.get(l)}
                        {dated.then(|| Msg::PeriodEnded.get(l))}
                    </p>
                }).collect_view()
            }}
        </footer>
        <RuleSetLine />
    }
}
