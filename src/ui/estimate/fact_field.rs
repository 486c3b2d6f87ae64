//! One fact as a form control: yes/no/unanswered, a number with its unit, an amount
//! of yuan, or a choice. Clearing a control makes the fact unanswered again.

use crate::domain::Lang;
use crate::domain::facts::{FactId, Kind, Value};
use crate::domain::household::{Facts, parse_value};
use crate::ui::i18n::tr;
use crate::ui::state::AppState;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// A labelled control for one fact.
#[component]
pub fn FactField(
    /// The fact to ask.
    fact: FactId,
    /// The member it is about; `None` for household facts.
    member: Option<usize>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let info = fact.info();
    let id = format!(
        "f-{}-{}",
        member.map_or("h".to_string(), |m| m.to_string()),
        info.name
    );
    let hint_id = format!("{id}-hint");
    let error = RwSignal::new(None::<String>);
    // A memo, so an edit elsewhere in the household does not re-set this control's
    // value: with eight members that was a hundred DOM writes per keystroke.
    let value = Memo::new(move |_| {
        state.household.with(|h| match member {
            Some(i) => h.members.get(i).and_then(|m| m.get(fact)),
            None => h.facts.get(fact),
        })
    });
    let current = move || value.get();
    let write = move |v: Option<Value>| {
        state.household.update(|h| {
            let target: Option<&mut Facts> = match member {
                Some(i) => h.members.get_mut(i),
                None => Some(&mut h.facts),
            };
            if let Some(t) = target {
                t.set(fact, v);
            }
        })
    };
    let label = move || {
        if lang.get() == Lang::Zh {
            info.zh
        } else {
            info.en
        }
    };
    let hint = move || {
        if lang.get() == Lang::Zh {
            info.hint_zh
        } else {
            info.hint_en
        }
    };
    let unanswered = move || tr(lang.get(), "未填", "Not answered");
    let control = match &info.kind {
        Kind::Bool => view! {
            <select
                id=id.clone()
                aria-describedby=hint_id.clone()
                prop:value=move || match current() {
                    Some(Value::Bool(true)) => "yes",
                    Some(Value::Bool(false)) => "no",
                    _ => "",
                }
                on:change=move |ev| {
                    write(match event_target_value(&ev).as_str() {
                        "yes" => Some(Value::Bool(true)),
                        "no" => Some(Value::Bool(false)),
                        _ => None,
                    })
                }
            >
                <option value="">{unanswered}</option>
                <option value="yes">{move || tr(lang.get(), "是", "Yes")}</option>
                <option value="no">{move || tr(lang.get(), "否", "No")}</option>
            </select>
        }
        .into_any(),
        Kind::Choice { choices } => view! {
            <select
                id=id.clone()
                aria-describedby=hint_id.clone()
                prop:value=move || match current() {
                    Some(Value::Choice(c)) => choices.get(c as usize).map_or("", |c| c.code),
                    _ => "",
                }
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    write(info.choice(&code).map(Value::Choice))
                }
            >
                <option value="">{unanswered}</option>
                {choices
                    .iter()
                    .map(|c| {
                        view! {
                            <option value=c.code>{move || if lang.get() == Lang::Zh { c.zh } else { c.en }}</option>
                        }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
        Kind::Int { min, max, unit_zh, unit_en } => {
            let (min, max, unit_zh, unit_en) = (*min, *max, *unit_zh, *unit_en);
            view! {
                <span class="with-unit">
                    <input
                        id=id.clone()
                        type="number"
                        inputmode="numeric"
                        min=min
                        max=max
                        step="1"
                        aria-describedby=hint_id.clone()
                        aria-invalid=move || error.get().is_some().to_string()
                        prop:value=move || match current() {
                            Some(Value::Int(i)) => i.to_string(),
                            _ => String::new(),
                        }
                        on:input=move |ev| {
                            let raw = event_target_value(&ev);
                            let raw = raw.trim();
                            if raw.is_empty() {
                                error.set(None);
                                write(None);
                                return;
                            }
                            match raw.parse::<i64>().ok().map(|n| parse_value(fact, &serde_json::json!(n), info.name)) {
                                Some(Ok(v)) => {
                                    error.set(None);
                                    write(Some(v));
                                }
                                _ => error.set(Some(format!("{min}–{max}"))),
                            }
                        }
                    />
                    <span class="unit">{move || if lang.get() == Lang::Zh { unit_zh } else { unit_en }}</span>
                </span>
            }
            .into_any()
        }
        Kind::Money { .. } => view! {
            <span class="with-unit">
                <input
                    id=id.clone()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby=hint_id.clone()
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=move || match current() {
                        Some(Value::Money(m)) => m.normalize().to_string(),
                        _ => String::new(),
                    }
                    on:change=move |ev| {
                        let raw = event_target_value(&ev);
                        let raw = raw.trim().replace(['，', ','], "");
                        if raw.is_empty() {
                            error.set(None);
                            write(None);
                            return;
                        }
                        match raw.parse::<Decimal>().ok().map(|d| parse_value(fact, &serde_json::json!(d.to_string()), info.name)) {
                            Some(Ok(v)) => {
                                error.set(None);
                                write(Some(v));
                            }
                            _ => error.set(Some(tr(lang.get_untracked(), "请输入不小于 0 的金额", "Enter an amount of 0 or more").to_string())),
                        }
                    }
                />
                <span class="unit">{move || tr(lang.get(), "元", "yuan")}</span>
            </span>
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {control}
            <small id=hint_id.clone() class="hint">{hint}</small>
            <Show when=move || error.get().is_some()>
                <small class="error" role="alert">
                    {move || format!("{}{}", tr(lang.get(), "无效：", "Invalid: "), error.get().unwrap_or_default())}
                </small>
            </Show>
        </div>
    }
}
