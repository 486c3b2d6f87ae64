//! What the printed summary says about the household (on paper the form is hidden):
//! the region, the date, and every answer given, in words.

use crate::domain::Lang;
use crate::domain::condition::value_text;
use crate::domain::facts::Value;
use crate::domain::household::Facts;
use crate::ui::i18n::{tr, txt};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The answers worth printing: numbers, choices and every "yes". A "no" is left out:
/// it adds length, and on paper handed over it could say what no one asked to print
/// (not pregnant, no HIV, no mental disorder).
fn answers(lang: Lang, f: &Facts) -> String {
    f.answered()
        .filter(|(id, v)| !id.info().is_derived() && *v != Value::Bool(false))
        .map(|(id, v)| {
            let info = id.info();
            let (zh, en) = value_text(id, v);
            match lang {
                Lang::Zh => format!("{}：{}", info.zh, zh),
                Lang::En => format!("{}: {}", info.en, en),
            }
        })
        .collect::<Vec<_>>()
        .join(tr(lang, "；", "; "))
}

#[component]
pub fn PrintSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let lines = move || {
        let l = lang.get();
        let region = AppState::catalog()
            .and_then(|c| state.region.with(|r| c.region(r)).map(|r| txt(l, &r.name)))
            .unwrap_or_default();
        let d = state.date.get();
        let mut out = vec![format!(
            "{}{region}{}{}-{:02}-{:02}",
            tr(l, "地区：", "Region: "),
            tr(l, "；测算日期：", "; estimated on "),
            d.year,
            d.month,
            d.day
        )];
        // The figures nobody entered that the estimate used, with their source.
        if let Some(est) = use_context::<crate::ui::state::Estimate>() {
            est.with(|e| {
                if let Some(r) = e.0.as_ref() {
                    for f in &r.figures {
                        out.push(f.text(&r.region.document.title).get(l).to_string());
                    }
                }
            });
        }
        state.household.with(|h| {
            let hh = answers(l, &h.facts);
            if !hh.is_empty() {
                out.push(format!("{}{hh}", tr(l, "家庭：", "Household: ")));
            }
            for (i, m) in h.members.iter().enumerate() {
                let a = answers(l, m);
                out.push(match l {
                    Lang::Zh => format!(
                        "成员 {}：{}",
                        i + 1,
                        if a.is_empty() { "未填写".into() } else { a }
                    ),
                    Lang::En => format!(
                        "Member {}: {}",
                        i + 1,
                        if a.is_empty() {
                            "nothing entered".into()
                        } else {
                            a
                        }
                    ),
                });
            }
        });
        out
    };
    view! {
        <section class="print-only print-summary">
            <h2>{move || tr(lang.get(), "测算摘要（仅供参考，以主管部门认定为准）", "Estimate summary (for reference; the departments decide)")}</h2>
            {move || lines().into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
        </section>
    }
}
