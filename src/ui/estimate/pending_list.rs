//! "May be eligible": outcomes an answer could still decide, each with the questions
//! that would decide it, so the user sees why a question is asked. Most cash at stake
//! first; a household with few answers has dozens, so only the first few show until
//! the user asks for all.

use super::summary::{amount, who};
use crate::domain::Lang;
use crate::domain::facts::Scope;
use crate::domain::outcome::CashOut;
use crate::ui::i18n::{tr, txt};
use crate::ui::state::{AppState, Estimate};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// How many pending outcomes show before "show all".
const SHOWN: usize = 6;

#[derive(Clone, PartialEq)]
struct PendingRow {
    key: (String, Option<usize>),
    name: String,
    who: String,
    amount: Option<String>,
    /// Where the local figures it uses come from, when its amount is known.
    figures: Vec<String>,
    asks: String,
}

#[component]
pub fn PendingList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let estimate = expect_context::<Estimate>();
    let lang = state.lang;
    let show_all = RwSignal::new(false);
    // (rows shown, how many in all): only the shown rows are put into words, since a
    // household with few answers has hundreds of undecided outcomes.
    let rows = Memo::new(move |_| {
        let l = lang.get();
        let all = show_all.get();
        estimate.with(|e| {
            let Some(r) = e.0.as_ref() else {
                return (Vec::new(), 0);
            };
            let mut pending: Vec<_> = r
                .outcomes
                .iter()
                .filter(|o| o.status == crate::domain::Tri::Unknown && !o.rule.is_universal())
                .collect();
            pending.sort_by_key(|o| {
                std::cmp::Reverse(o.cash.as_ref().map_or(Decimal::ZERO, CashOut::at_stake))
            });
            let count = pending.len();
            if !all {
                pending.truncate(SHOWN);
            }
            let rows = pending
                .into_iter()
                .map(|o| {
                    let asks = r
                        .missing(o)
                        .iter()
                        .filter(|f| !f.info().is_derived())
                        .map(|f| {
                            let info = f.info();
                            let label = if l == Lang::Zh { info.zh } else { info.en };
                            let m = match info.scope {
                                Scope::Member => o.member_index(),
                                Scope::Household => None,
                            };
                            // What a "不清楚" leaves open is said, so the resident sees
                            // what finding it out would decide.
                            let dk = state.is_dont_know(*f, m);
                            match (m, dk) {
                                (Some(_), false) => format!("{label}（{}）", who(l, m)),
                                (Some(_), true) => format!(
                                    "{label}（{}，{}）",
                                    who(l, m),
                                    tr(l, "您选了不清楚", "you said you don't know")
                                ),
                                (None, true) => format!(
                                    "{label}（{}）",
                                    tr(l, "您选了不清楚", "you said you don't know")
                                ),
                                (None, false) => label.to_string(),
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(tr(l, "、", ", "));
                    PendingRow {
                        key: (o.rule.id.clone(), o.member_index()),
                        name: txt(l, &o.rule.name),
                        who: who(l, o.member_index()),
                        amount: o
                            .cash
                            .as_ref()
                            .filter(|c| c.stated.is_some())
                            .map(|c| amount(l, c)),
                        figures: crate::domain::explain::figures_read(r, o)
                            .into_iter()
                            .map(|(_, t)| t.get(l).to_string())
                            .collect(),
                        asks,
                    }
                })
                .collect::<Vec<_>>();
            (rows, count)
        })
    });
    let count = move || rows.with(|r| r.1);
    view! {
        <Show when=move || { count() > 0 }>
            <section class="pending-list" data-testid="pending">
                <h2>{move || tr(lang.get(), "可能可以享受——回答这些问题即可确定", "May apply — answer these questions to decide")}</h2>
                <ul>
                    <For
                        each=move || rows.get().0
                        key=|r| (r.key.clone(), r.asks.clone(), r.amount.clone())
                        let:row
                    >
                        <li>
                            <span class="name">{row.name}</span>
                            " "
                            <span class="who">{row.who}</span>
                            {row.amount.map(|a| view! { <span class="amount">{a}</span> })}
                            {row.figures.into_iter().map(|f| view! { <span class="figure" data-testid="figure">{f}</span> }).collect_view()}
                            <span class="asks">{move || tr(lang.get(), "需要回答：", "Answer: ")}{row.asks.clone()}</span>
                        </li>
                    </For>
                </ul>
                <Show when=move || { count() > SHOWN }>
                    <button type="button" class="more" aria-expanded=move || show_all.get().to_string() on:click=move |_| show_all.update(|b| *b = !*b)>
                        {move || if show_all.get() {
                            tr(lang.get(), "收起", "Show fewer").to_string()
                        } else {
                            match lang.get() {
                                Lang::Zh => format!("显示全部 {} 项", count()),
                                Lang::En => format!("Show all {}", count()),
                            }
                        }}
                    </button>
                </Show>
            </section>
        </Show>
    }
}
