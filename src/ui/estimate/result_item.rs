//! One result that opens to show why: the conditions met and not met, the amount's
//! computation, who pays and leads, and the source — document, item, lines and the
//! quoted words. It reads its own data from the estimate by its key, so the list that
//! holds it never redraws it: what is open stays open while the resident types.

use super::rows::{Key, RowHead, row};
use crate::domain::Lang;
use crate::ui::state::{AppState, Estimate};
use crate::view::{Msg, Status, words};
use leptos::prelude::*;

/// A result row with its "why" panel.
#[component]
pub fn ResultItem(
    /// The result: its rule and member (`None` for the household, or for a service open
    /// to everyone, which is one row for all members).
    id: Key,
    /// The estimate it is read from (the chosen region's, or the comparison's).
    estimate: Estimate,
    /// A service open to every resident: shown for "everyone", not for one member.
    #[prop(optional)]
    everyone: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let open = RwSignal::new(false);
    let data = row(estimate, id);
    let text = move |f: fn(Lang, &super::rows::Row) -> String| {
        move || data.with(|d| d.as_ref().map(|d| f(lang.get(), d)).unwrap_or_default())
    };
    let details = move || {
        if !open.get() {
            return None;
        }
        let l = lang.get();
        let region = estimate.with(|e| e.as_ref().map(|e| e.region.id))?;
        let why = state.why_of(region, id.0, id.1)?;
        let d = data.get()?;
        let rule = d.rule;
        let c = rule.source;
        let reasons = why
            .reasons
            .into_iter()
            .map(|reason| {
                let (mark, class, said) = match reason.status {
                    Status::Yes => ("✓", "met", Msg::Met),
                    Status::No => ("✗", "unmet", Msg::Unmet),
                    Status::Unknown => ("?", "unknown", Msg::Unknown),
                };
                let text = if l == Lang::Zh { reason.zh } else { reason.en };
                // A style property, not a style attribute: a strict CSP (no 'unsafe-inline') blocks the latter.
                // calc() rather than a float: formatting an f32 pulls ~10 KB of float printing into the wasm.
                let pad = format!("calc({} * 1.25rem)", reason.depth);
                view! {
                    <li class=class style:padding-inline-start=pad>
                        <span aria-hidden="true">{mark}</span>
                        <span class="visually-hidden">{said.get(l)}</span>
                        {text}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div class="why">
                <h4>{Msg::Conditions.get(l)}</h4>
                <ul class="reasons">{reasons}</ul>
                {why.computation.map(|c| view! { <p class="computation"><b>{Msg::Amount.get(l)}</b>{c.get(l).to_string()}</p> })}
                {rule.note.map(|n| view! { <p class="note">{n.get(l).to_string()}</p> })}
                <dl>
                    <dt>{Msg::WhoItIsFor.get(l)}</dt>
                    <dd lang="zh-CN">{rule.target}</dd>
                    <dt>{Msg::WhatItIs.get(l)}</dt>
                    <dd>{rule.content.get(l).to_string()}</dd>
                    <dt>{Msg::LeadDepartment.get(l)}</dt>
                    <dd>{rule.department.get(l).to_string()}</dd>
                    <dt>{Msg::WhoPays.get(l)}</dt>
                    <dd>{rule.payer.get(l).to_string()}</dd>
                    <dt>{Msg::Source.get(l)}</dt>
                    <dd>
                        {Msg::Cited { document: rule.document.into(), item: c.item.clone(), lines: c.lines }.get(l)}
                        {Msg::StandardFor { from: rule.years.0, to: rule.years.1 }.get(l)}
                        <blockquote lang="zh-CN">
                            {c.quotes.iter().map(|q| view! { <p>"“"{q.clone()}"”"</p> }).collect_view()}
                        </blockquote>
                    </dd>
                </dl>
            </div>
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
                    <RowHead data=data who=if everyone { Msg::Everyone } else { Msg::Who(id.1) } amount=words::amount_of figures=true />
                    <span class="print-only source">
                        {text(|l, d| Msg::RegionItem { region: d.rule.region_name.get(l).into(), item: d.rule.item.into() }.get(l).into_owned())}
                    </span>
                </summary>
                {details}
            </details>
        </li>
    }
}
