//! One fact as a form control: yes/no/unanswered, a number with its unit, an amount
//! of yuan, or a choice. Clearing a control makes the fact unanswered again.

use crate::domain::Lang;
use crate::domain::answer::{AnswerError, parse_answer};
use crate::domain::facts::{FactId, Kind, Value};
use crate::domain::household::Facts;
use crate::ui::state::AppState;
use crate::view::Msg;
use leptos::prelude::*;

/// The value of the "不清楚" option (no fact has a choice of that code).
const DONT_KNOW: &str = "?";

/// A labelled control for one fact.
#[component]
pub fn FactField(
    /// The fact to ask.
    fact: FactId,
    /// The member it is about, where the member is now (`None`: household facts).
    member: Signal<Option<usize>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let info = fact.info();
    // The control's id names the member's place (tests and labels use it), so it
    // follows the member when one before it is removed.
    let id = move || {
        format!(
            "f-{}-{}",
            member.get().map_or("h".to_string(), |m| m.to_string()),
            info.name
        )
    };
    let hint_id = move || format!("{}-hint", id());
    let error = RwSignal::new(None::<AnswerError>);
    // What the resident typed, kept on screen while it is invalid: the field is then
    // unanswered (no result is computed from a partial or stale value) but nothing
    // typed is wiped.
    let raw = RwSignal::new(None::<String>);
    // A memo, so an edit elsewhere in the household does not re-set this control's
    // value: with eight members that was a hundred DOM writes per keystroke.
    let value = Memo::new(move |_| {
        state.household.with(|h| match member.get() {
            Some(i) => h.members.get(i).and_then(|m| m.get(fact)),
            None => h.facts.get(fact),
        })
    });
    let current = move || value.get();
    let dont_know = Memo::new(move |_| state.is_dont_know(fact, member.get()));
    let set_dont_know = move |on: bool| state.set_dont_know(fact, member.get_untracked(), on);
    let write = move |v: Option<Value>| {
        if v.is_some() {
            set_dont_know(false);
        }
        state.household.update(|h| {
            let target: Option<&mut Facts> = match member.get_untracked() {
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
    let unanswered = move || Msg::NotAnswered.get(lang.get());
    let dont_know_label = move || Msg::DontKnow.get(lang.get());
    // A number has no list to pick "don't know" from: a toggle beside it.
    let dont_know_button = move || {
        view! {
            <button
                type="button"
                class="dont-know"
                aria-pressed=move || dont_know.get().to_string()
                on:click=move |_| {
                    let on = !dont_know.get_untracked();
                    if on {
                        raw.set(None);
                        error.set(None);
                        write(None);
                    }
                    set_dont_know(on);
                }
            >
                {dont_know_label}
            </button>
        }
    };
    let shown = move |v: Option<Value>| match raw.get() {
        Some(text) => text,
        None => match v {
            Some(Value::Int(i)) => i.to_string(),
            Some(Value::Money(m)) => m.normalize().to_string(),
            _ => String::new(),
        },
    };
    let typed = move |text: String| match parse_answer(fact, &text) {
        Ok(v) => {
            error.set(None);
            raw.set(None);
            write(v);
        }
        Err(e) => {
            error.set(Some(e));
            raw.set(Some(text));
            write(None);
        }
    };
    let control = match &info.kind {
        Kind::Bool => view! {
            <select
                id=id
                aria-describedby=hint_id
                prop:value=move || match current() {
                    Some(Value::Bool(true)) => "yes",
                    Some(Value::Bool(false)) => "no",
                    _ if dont_know.get() => DONT_KNOW,
                    _ => "",
                }
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_dont_know(v == DONT_KNOW);
                    write(match v.as_str() {
                        "yes" => Some(Value::Bool(true)),
                        "no" => Some(Value::Bool(false)),
                        _ => None,
                    })
                }
            >
                <option value="">{unanswered}</option>
                <option value="yes">{state.t(Msg::Yes)}</option>
                <option value="no">{state.t(Msg::No)}</option>
                <option value=DONT_KNOW>{dont_know_label}</option>
            </select>
        }
        .into_any(),
        Kind::Choice { choices } => view! {
            <select
                id=id
                aria-describedby=hint_id
                prop:value=move || match current() {
                    Some(Value::Choice(c)) => choices.get(c as usize).map_or("", |c| c.code),
                    _ if dont_know.get() => DONT_KNOW,
                    _ => "",
                }
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    set_dont_know(code == DONT_KNOW);
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
                // Last, as in the yes/no lists: arrowing through the choices by keyboard
                // never passes it on the way to an answer.
                <option value=DONT_KNOW>{dont_know_label}</option>
            </select>
        }
        .into_any(),
        Kind::Int { unit_zh, unit_en, .. } => {
            let (unit_zh, unit_en) = (*unit_zh, *unit_en);
            view! {
                <span class="with-unit">
                    <input
                        id=id
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        aria-describedby=hint_id
                        aria-invalid=move || error.get().is_some().to_string()
                        prop:value=move || shown(current())
                        on:input=move |ev| typed(event_target_value(&ev))
                    />
                    <span class="unit">{move || if lang.get() == Lang::Zh { unit_zh } else { unit_en }}</span>
                    {dont_know_button()}
                </span>
            }
            .into_any()
        }
        Kind::Money { .. } => view! {
            <span class="with-unit">
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby=hint_id
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=move || shown(current())
                    on:change=move |ev| typed(event_target_value(&ev))
                />
                <span class="unit">{state.t(Msg::Yuan)}</span>
                {dont_know_button()}
            </span>
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            <small id=hint_id class="hint">{hint}</small>
            <Show when=move || error.get().is_some()>
                <small class="error" role="alert">
                    {move || {
                        let l = lang.get();
                        let why = error.get().map(|e| if l == Lang::Zh { e.zh() } else { e.en() });
                        Msg::NotUsed(why.unwrap_or_default()).get(l)
                    }}
                </small>
            </Show>
        </div>
    }
}
