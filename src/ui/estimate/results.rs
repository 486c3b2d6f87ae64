//! Results as they type: totals, eligible benefits by area, what still needs answers,
//! and the documents' periods (a dated standard is said, not hidden).

use crate::domain::condition::Tri;
use crate::domain::money::MoneyRange;
use crate::domain::{Lang, Report};
use crate::ui::i18n::{tr, txt};
use crate::ui::state::{AppState, Fresh};
use leptos::prelude::*;

use super::result_item::{ResultItem, ResultSummary};

fn money(lang: Lang, r: MoneyRange) -> String {
    let v = r.to_string();
    match lang {
        Lang::Zh => format!("{v} 元"),
        Lang::En => format!("¥{v}"),
    }
}

fn rows(r: &Report, lang: Lang, status: Tri) -> Vec<ResultSummary> {
    r.outcomes
        .iter()
        .filter(|o| o.status == status && !o.rule.is_universal())
        .map(|o| {
            let area = o
                .region
                .areas
                .iter()
                .find(|a| a.id == o.rule.area)
                .map(|a| txt(lang, &a.name))
                .unwrap_or_default();
            let who = match (o.member, lang) {
                (Some(i), Lang::Zh) => format!("成员 {}", i + 1),
                (Some(i), Lang::En) => format!("member {}", i + 1),
                (None, Lang::Zh) => "全家".into(),
                (None, Lang::En) => "household".into(),
            };
            let amount = o.cash.as_ref().map(|c| match c.stated {
                Some(s) => format!(
                    "{} {}",
                    money(lang, s),
                    match lang {
                        Lang::Zh => format!("{}{}", c.per.zh(), c.period.zh()),
                        Lang::En => format!("{} {}", c.per.en(), c.period.en()),
                    }
                ),
                None => tr(lang, "金额待补充信息", "amount needs more answers").to_string(),
            });
            ResultSummary {
                rule: o.rule.id.clone(),
                member: o.member,
                area,
                name: txt(lang, &o.rule.name),
                who,
                amount,
            }
        })
        .collect()
}

#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    let estimate = expect_context::<Memo<Fresh<Option<Report<'static>>>>>();
    let lang = state.lang;
    let eligible = Memo::new(move |_| {
        estimate.with(|e| {
            e.0.as_ref()
                .map(|r| rows(r, lang.get(), Tri::Yes))
                .unwrap_or_default()
        })
    });
    let pending = Memo::new(move |_| {
        estimate.with(|e| {
            e.0.as_ref()
                .map(|r| rows(r, lang.get(), Tri::Unknown).len())
                .unwrap_or(0)
        })
    });
    let universal = Memo::new(move |_| {
        estimate.with(|e| {
            e.0.as_ref()
                .map(|r| {
                    let mut ids: Vec<_> = r
                        .outcomes
                        .iter()
                        .filter(|o| o.rule.is_universal())
                        .map(|o| o.rule.id.as_str())
                        .collect();
                    ids.dedup();
                    ids.len()
                })
                .unwrap_or(0)
        })
    });
    let totals = move || {
        estimate.with(|e| {
            e.0.as_ref().map(|r| {
                let l = lang.get();
                let t = r.total;
                let month = t.yearly.monthly_equivalent();
                (
                    money(l, t.yearly),
                    money(l, month),
                    t.in_kind,
                    (!t.once.is_zero()).then(|| money(l, t.once)),
                    t.cash_pending,
                )
            })
        })
    };
    let documents = move || {
        estimate.with(|e| {
            e.0.as_ref()
                .map(|r| {
                    let l = lang.get();
                    let mut out = Vec::new();
                    let cat = AppState::catalog();
                    for reg in cat.map(|c| c.chain(r.region)).unwrap_or_default() {
                        let d = &reg.document;
                        let dated = r.dated.iter().any(|x| x.id == reg.id);
                        out.push((
                            format!(
                                "{}{}{}–{}{}",
                                d.title,
                                tr(l, "：标准适用于 ", " — standard for "),
                                d.valid_from.year,
                                d.valid_to.year,
                                tr(l, " 年", ""),
                            ),
                            dated,
                        ));
                    }
                    out
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div class="totals" aria-live="polite" aria-atomic="true">
            {move || totals().map(|(year, month, in_kind, once, pending)| {
                view! {
                    <p class="cash">
                        <span class="label">{tr(lang.get(), "现金补贴合计", "Cash benefits")}</span>
                        <strong data-testid="total-year">{year}</strong>
                        {tr(lang.get(), " / 年", " a year")}
                        <span class="month">{format!("（{}{}）", tr(lang.get(), "约每月 ", "about "), month)}</span>
                    </p>
                    {once.map(|o| view! { <p>{tr(lang.get(), "一次性：", "One-off: ")}{o}</p> })}
                    <p>
                        <strong data-testid="in-kind">{in_kind}</strong>
                        {tr(lang.get(), " 项免费或优惠服务", " services in kind")}
                    </p>
                    <Show when=move || { pending > 0 }>
                        <p class="pending">{format!("{pending} {}", tr(lang.get(), "项补贴的金额还需补充信息", "benefits need more answers for their amount"))}</p>
                    </Show>
                }
            })}
        </div>
        <h2>{move || tr(lang.get(), "可以享受", "You can get")}</h2>
        <ul class="results" data-testid="eligible">
            <For each=move || eligible.get() key=|r| (r.rule.clone(), r.member, r.amount.clone()) let:row>
                <ResultItem row=row />
            </For>
        </ul>
        <p class="maybe">
            {move || format!("{} {}", pending.get(), tr(lang.get(), "项可能可以享受——回答左侧问题即可确定。", "more may apply: answer the questions to decide."))}
        </p>
        <p class="universal">
            {move || format!("{} {}", universal.get(), tr(lang.get(), "项面向全体城乡居民的服务。", "services are open to all residents."))}
        </p>
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
