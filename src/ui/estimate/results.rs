//! Results as they type: the totals (announced politely to screen readers), what the
//! household can get grouped by area, and the documents' periods (a dated standard is
//! said, not hidden). What may apply and what nearly applies have their own lists.

use super::result_item::ResultItem;
use super::summary::{Pick, by_area, count_en, rows, totals};
use super::{NearMissList, PendingList};
use crate::domain::Lang;
use crate::ui::i18n::tr;
use crate::ui::state::{AppState, Estimate};
use leptos::prelude::*;

#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    let estimate = expect_context::<Estimate>();
    let lang = state.lang;
    let groups = Memo::new(move |_| {
        estimate.with(|e| {
            e.0.as_ref()
                .map(|r| by_area(r, lang.get(), Pick::Targeted))
                .unwrap_or_default()
        })
    });
    let universal = Memo::new(move |_| {
        estimate.with(|e| {
            e.0.as_ref()
                .map(|r| rows(r, lang.get(), Pick::Universal))
                .unwrap_or_default()
        })
    });
    let total = Memo::new(move |_| estimate.with(|e| e.0.as_ref().map(|r| totals(r, lang.get()))));
    let documents = move || {
        estimate.with(|e| {
            e.0.as_ref()
                .map(|r| {
                    let l = lang.get();
                    let cat = AppState::catalog();
                    cat.map(|c| c.chain(r.region))
                        .unwrap_or_default()
                        .into_iter()
                        .map(|reg| {
                            let d = &reg.document;
                            let dated = r.dated.iter().any(|x| x.id == reg.id);
                            (
                                format!(
                                    "{}{}{}–{}{}",
                                    d.title,
                                    tr(l, "：标准适用于 ", " — standard for "),
                                    d.valid_from.year,
                                    d.valid_to.year,
                                    tr(l, " 年", ""),
                                ),
                                dated,
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div class="totals" aria-live="polite" aria-atomic="true" data-testid="totals">
            {move || total.get().map(|t| {
                let l = lang.get();
                view! {
                    <p class="cash">
                        <span class="label">{tr(l, "现金补贴合计", "Cash benefits")}</span>
                        <strong data-testid="total-year">{t.year}</strong>
                        {tr(l, " / 年", " a year")}
                        <span class="month" data-testid="total-month">
                            {format!("（{}{}）", tr(l, "约每月 ", "about "), t.month)}
                        </span>
                    </p>
                    {t.once.map(|o| view! { <p data-testid="total-once">{tr(l, "一次性补贴：", "One-off: ")}{o}</p> })}
                    {t.waived.map(|w| view! {
                        <p class="waived" data-testid="total-waived">
                            {tr(l, "另有减免费用（不是现金）：", "Fees waived besides (not cash): ")}{w}
                        </p>
                    })}
                    {t.dated.then(|| view! {
                        <p class="dated" data-testid="total-dated">
                            {tr(l, "注意：所依据的文件已过适用期，按其最后标准估算。", "Note: the documents' period has ended; their last amounts are used.")}
                        </p>
                    })}
                    <p>
                        <strong data-testid="in-kind">{t.in_kind}</strong>
                        {match l {
                            Lang::Zh => " 项免费或优惠服务",
                            Lang::En if t.in_kind == 1 => " service in kind",
                            Lang::En => " services in kind",
                        }}
                    </p>
                    {(t.cash_pending > 0).then(|| view! {
                        <p class="pending">{match l {
                            Lang::Zh => format!("{} 项补贴的金额还需补充信息", t.cash_pending),
                            Lang::En => format!("{} {} more answers for the amount", count_en(t.cash_pending, "benefit", "benefits"), if t.cash_pending == 1 { "needs" } else { "need" }),
                        }}</p>
                    })}
                    {t.possible.map(|p| view! { <p class="possible">{p}</p> })}
                }
            })}
        </div>
        <h2 id="results" tabindex="-1">{move || tr(lang.get(), "可以享受", "You can get")}</h2>
        <div data-testid="eligible">
            <Show when=move || groups.with(Vec::is_empty)>
                <p class="none">{move || tr(lang.get(), "暂无针对性的补贴或服务。请填写左侧信息。", "Nothing targeted yet. Fill in the questions.")}</p>
            </Show>
            <For each=move || groups.get() key=|(area, rows)| (area.clone(), rows.len(), rows.iter().map(|r| r.amount.clone().unwrap_or_default()).collect::<String>()) let:group>
                <section class="area">
                    <h3>{group.0.clone()}</h3>
                    <ul class="results">
                        {group.1.into_iter().map(|row| view! { <ResultItem row=row /> }).collect_view()}
                    </ul>
                </section>
            </For>
        </div>
        <PendingList />
        <NearMissList />
        <details class="universal" data-testid="universal">
            <summary>
                {move || match lang.get() {
                    crate::domain::Lang::Zh => format!("面向全体城乡居民的服务（{} 项）", universal.with(Vec::len)),
                    crate::domain::Lang::En => format!("Services open to every resident ({})", universal.with(Vec::len)),
                }}
            </summary>
            <ul class="results">
                <For each=move || universal.get() key=|r| (r.rule.clone(), r.member, r.lang) let:row>
                    <ResultItem row=row />
                </For>
            </ul>
        </details>
        <footer class="sources">
            {move || documents().into_iter().map(|(t, dated)| view! {
                <p class:dated=dated>
                    {t}
                    {dated.then(|| tr(lang.get(), "（已过适用期，按最后标准估算）", " (period ended: its last amounts are used)"))}
                </p>
            }).collect_view()}
        </footer>
    }
}
