//! The same household in two regions side by side: totals and what each gives.

use super::region_picker::region_options;
use super::summary::{Pick, ResultSummary, TotalsText, rows, totals};
use crate::domain::Lang;
use crate::ui::i18n::{tr, txt};
use crate::ui::state::{AppState, CompareEstimate, Estimate};
use leptos::prelude::*;

/// One region's column.
#[derive(Clone, PartialEq)]
struct Column {
    region: String,
    totals: TotalsText,
    items: Vec<ResultSummary>,
}

fn column(e: &Estimate, lang: Lang) -> Option<Column> {
    e.with(|e| {
        let r = e.0.as_ref()?;
        Some(Column {
            region: txt(lang, &r.region.name),
            totals: totals(r, lang),
            items: rows(r, lang, Pick::Targeted),
        })
    })
}

#[component]
pub fn CompareView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let estimate = expect_context::<Estimate>();
    let other = expect_context::<CompareEstimate>().0;
    let lang = state.lang;
    let columns = Memo::new(move |_| {
        state.compare.get()?;
        let l = lang.get();
        Some((column(&estimate, l)?, column(&other, l)?))
    });
    view! {
        <section class="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{move || tr(lang.get(), "与另一地区对比", "Compare with another region")}</h2>
            <div class="field">
                <label for="compare-region">{move || tr(lang.get(), "对比地区", "Region to compare")}</label>
                <select
                    id="compare-region"
                    prop:value=move || state.compare.get().unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.compare.set((!v.is_empty()).then_some(v));
                    }
                >
                    <option value="">{move || tr(lang.get(), "不对比", "No comparison")}</option>
                    {region_options(lang)}
                </select>
            </div>
            {move || columns.get().map(|(a, b)| {
                let l = lang.get();
                let col = |c: Column, test: &'static str| view! {
                    <div class="column" data-testid=test>
                        <h3>{c.region}</h3>
                        <p class="cash"><strong>{c.totals.year}</strong>{tr(l, " / 年", " a year")}</p>
                        <p>{format!("{}{}", tr(l, "约每月 ", "about a month: "), c.totals.month)}</p>
                        {c.totals.once.map(|o| view! { <p>{tr(l, "一次性：", "One-off: ")}{o}</p> })}
                        <p>{format!("{} {}", c.totals.in_kind, tr(l, "项免费或优惠服务", "services in kind"))}</p>
                        <ul>
                            {c.items.into_iter().map(|i| view! {
                                <li>
                                    <span class="name">{i.name}</span>
                                    " "
                                    <span class="who">{i.who}</span>
                                    {i.amount.map(|a| view! { <span class="amount">{a}</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                };
                view! {
                    <div class="columns" aria-live="polite">
                        {col(a, "compare-a")}
                        {col(b, "compare-b")}
                    </div>
                }
            })}
        </section>
    }
}
