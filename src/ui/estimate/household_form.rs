//! The household: its own facts and its members.

use super::more_questions::{add_questions, stable};
use super::{FactField, MemberCard, MoreQuestions};
use crate::domain::household::Facts;
use crate::domain::household::MAX_MEMBERS;
use crate::ui::i18n::tr;
use crate::ui::state::{AppState, Estimate, Questions};
use leptos::prelude::*;

#[component]
pub fn HouseholdForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let questions = expect_context::<Questions>();
    let estimate = expect_context::<Estimate>();
    let lang = state.lang;
    let count = Memo::new(move |_| state.household.with(|h| h.members.len()));
    // Household facts to show: those answered, then those with cash at stake; the
    // rest behind a "more" button.
    let show_all = RwSignal::new(false);
    let fields = Memo::new(move |prev| {
        let mut ids: Vec<_> = state
            .household
            .with(|h| h.facts.answered().map(|(id, _)| id).collect());
        let (hidden, folded) = questions.with(|q| {
            state
                .dont_know
                .with(|d| add_questions(&q.0, None, &mut ids, show_all.get(), d))
        });
        // A figure the site or the document gave (a local 低保 standard) is not asked,
        // but the resident's own answer wins: it can be given among the optional ones.
        if show_all.get() {
            estimate.with(|e| {
                if let Some(r) = e.0.as_ref() {
                    for (f, m) in &r.provided {
                        if m.is_none() && !ids.contains(f) {
                            ids.push(*f);
                        }
                    }
                }
            });
        }
        (stable(prev, ids, &folded), hidden)
    });
    view! {
        <fieldset class="household">
            <legend>{move || tr(lang.get(), "家庭情况", "Household")}</legend>
            <For each=move || fields.get().0 key=|id| *id let:id>
                <FactField fact=id member=None />
            </For>
            <MoreQuestions hidden=Signal::derive(move || fields.get().1) show_all=show_all />
        </fieldset>
        <For each=move || 0..count.get() key=|i| *i let:i>
            <MemberCard index=i />
        </For>
        <button
            class="add"
            disabled=move || { count.get() >= MAX_MEMBERS }
            on:click=move |_| state.household.update(|h| h.members.push(Facts::default()))
        >
            {move || tr(lang.get(), "＋ 添加家庭成员", "+ Add a member")}
        </button>
    }
}
