//! One result that opens to show why: the conditions met and not met, the amount's
//! computation, who pays and leads, and the source — document, item, lines and the
//! quoted words. The explanation is built only when the item is opened.

use crate::domain::condition::Tri;
use crate::domain::{Lang, explain};
use crate::ui::i18n::{tr, txt};
use crate::ui::state::{AppState, Estimate};

use super::summary::ResultSummary;
use leptos::prelude::*;

/// A result row with its "why" panel.
#[component]
pub fn ResultItem(
    /// The result to show.
    row: ResultSummary,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let estimate = expect_context::<Estimate>();
    let lang = state.lang;
    let open = RwSignal::new(false);
    let (rule_id, member) = (row.rule.clone(), row.member);
    let details = move || {
        if !open.get() {
            return None;
        }
        let l = lang.get();
        estimate.with(|e| {
            let r = e.0.as_ref()?;
            let o = r.outcomes.iter().find(|o| o.rule.id == rule_id && o.member_index() == member)?;
            let ex = state.household.with(|h| explain(r, o, h));
            let rule = o.rule;
            let c = &rule.citation;
            let doc = &o.region.document;
            let reasons = ex
                .reasons
                .iter()
                .map(|reason| {
                    let (mark, class) = match reason.status {
                        Tri::Yes => ("✓", "met"),
                        Tri::No => ("✗", "unmet"),
                        Tri::Unknown => ("?", "unknown"),
                    };
                    let text = if l == Lang::Zh { reason.zh.clone() } else { reason.en.clone() };
                    // A style property, not a style attribute: a strict CSP (no 'unsafe-inline') blocks the latter.
                    // calc() rather than a float: formatting an f32 pulls ~10 KB of float printing into the wasm.
                    let pad = format!("calc({} * 1.25rem)", reason.depth);
                    view! {
                        <li class=class style:padding-inline-start=pad>
                            <span aria-hidden="true">{mark}</span>
                            <span class="visually-hidden">
                                {match reason.status {
                                    Tri::Yes => tr(l, "符合：", "met: "),
                                    Tri::No => tr(l, "不符合：", "not met: "),
                                    Tri::Unknown => tr(l, "未知：", "unknown: "),
                                }}
                            </span>
                            {text}
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <div class="why">
                    <h4>{tr(l, "条件", "Conditions")}</h4>
                    <ul class="reasons">{reasons}</ul>
                    {ex.computation.map(|c| view! { <p class="computation"><b>{tr(l, "金额：", "Amount: ")}</b>{txt(l, &c)}</p> })}
                    {rule.note.as_ref().map(|n| view! { <p class="note">{txt(l, n)}</p> })}
                    <dl>
                        <dt>{tr(l, "服务对象", "Who it is for")}</dt>
                        <dd lang="zh-CN">{rule.target.clone()}</dd>
                        <dt>{tr(l, "服务内容", "What it is")}</dt>
                        <dd>{txt(l, &rule.content)}</dd>
                        <dt>{tr(l, "牵头负责单位", "Lead department")}</dt>
                        <dd>{txt(l, &rule.department)}</dd>
                        <dt>{tr(l, "支出责任", "Who pays")}</dt>
                        <dd>{txt(l, &rule.payer)}</dd>
                        <dt>{tr(l, "出处", "Source")}</dt>
                        <dd>
                            {format!(
                                "{}{}{} {}{}{}–{}{}",
                                doc.title,
                                tr(l, "，第 ", ", item "),
                                c.item,
                                tr(l, "项（", "(lines "),
                                tr(l, "第 ", ""),
                                c.lines.0,
                                c.lines.1,
                                tr(l, " 行）", ")"),
                            )}
                            {format!(
                                "{}{}–{}",
                                tr(l, "；标准适用于 ", "; standard for "),
                                doc.valid_from.year,
                                doc.valid_to.year,
                            )}
                            <blockquote lang="zh-CN">
                                {c.quotes.iter().map(|q| view! { <p>"“"{q.clone()}"”"</p> }).collect_view()}
                            </blockquote>
                        </dd>
                    </dl>
                </div>
            })
        })
    };
    view! {
        <li>
            <details on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                    open.set(d.open());
                }
            }>
                <summary>
                    <span class="name">{row.name.clone()}</span>
                    <span class="who">{row.who.clone()}</span>
                    {row.amount.clone().map(|a| view! { <span class="amount">{a}</span> })}
                    <span class="print-only source">{row.source.clone()}</span>
                    {row.figures.iter().map(|f| view! { <span class="figure" data-testid="figure">{f.clone()}</span> }).collect_view()}
                </summary>
                {details}
            </details>
        </li>
    }
}
