//! Near misses: "if …, you would also get …" — the smallest single change that would
//! meet a rule not met now (an age reached, an income below a line).

use super::summary::amount;
use crate::domain::near_miss::near_miss_text;
use crate::domain::{Lang, near_misses};
use crate::ui::i18n::{tr, txt};
use crate::ui::state::{AppState, Estimate};
use leptos::prelude::*;

#[component]
pub fn NearMissList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let estimate = expect_context::<Estimate>();
    let lang = state.lang;
    let rows = Memo::new(move |_| {
        let l = lang.get();
        estimate.with(|e| {
            let Some(r) = e.0.as_ref() else {
                return Vec::new();
            };
            state.household.with(|h| {
                near_misses(r, h)
                    .iter()
                    .filter_map(|n| {
                        let o = r.outcomes.get(n.outcome)?;
                        if o.rule.is_universal() {
                            return None;
                        }
                        let change = txt(l, &near_miss_text(n));
                        let name = txt(l, &o.rule.name);
                        let whose = match (l, o.member_index()) {
                            (Lang::Zh, Some(i)) => format!("成员 {} 的", i + 1),
                            (Lang::Zh, None) => "家庭的".to_string(),
                            (Lang::En, Some(i)) => format!("member {}'s", i + 1),
                            (Lang::En, None) => "the household's".to_string(),
                        };
                        let cash = o
                            .cash
                            .as_ref()
                            .filter(|c| c.stated.is_some())
                            .map(|c| amount(l, c));
                        Some(match l {
                            Lang::Zh => format!(
                                "如果{whose}{change}，还可以享受“{name}”{}",
                                cash.map(|c| format!("：{c}")).unwrap_or_default()
                            ),
                            Lang::En => format!(
                                "If {whose} {}, you would also get “{name}”{}",
                                lower_first(&change),
                                cash.map(|c| format!(": {c}")).unwrap_or_default()
                            ),
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <Show when=move || !rows.with(Vec::is_empty)>
            <section class="near-misses" data-testid="near-misses">
                <h2>{move || tr(lang.get(), "差一点就能享受", "Nearly there")}</h2>
                <ul>
                    <For each=move || rows.get() key=|t| t.clone() let:text>
                        <li>{text}</li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
