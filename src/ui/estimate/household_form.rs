//! The household: its own facts and its members.

use super::more_questions::{add_questions, stable};
use super::{FactField, MemberCard, MoreQuestions};
use crate::domain::household::MAX_MEMBERS;
use crate::ui::state::AppState;
use crate::view::Msg;
use leptos::prelude::*;

/// The household's own questions, then one card per member (keyed by the member's id).
#[component]
pub fn HouseholdForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.member_ids.with(Vec::len));
    // Household facts to show: those answered, then those with cash at stake; the
    // rest behind a "more" button.
    let show_all = RwSignal::new(false);
    let fields = Memo::new(move |prev| {
        let mut ids: Vec<_> = state
            .household
            .with(|h| h.facts.answered().map(|(id, _)| id).collect());
        let (hidden, folded) = state.estimate.with(|e| {
            let qs = e.as_ref().map_or(&[][..], |e| e.questions.as_slice());
            state
                .dont_know
                .with(|d| add_questions(qs, None, &mut ids, show_all.get(), d))
        });
        // A figure the site or the document gave (a local 低保 standard) is not asked,
        // but the resident's own answer wins: it can be given among the optional ones.
        if show_all.get() {
            state.estimate.with(|e| {
                if let Some(e) = e {
                    for (f, m) in &e.provided {
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
            <legend>{state.t(Msg::Household)}</legend>
            <For each=move || fields.get().0 key=|id| *id let:id>
                <FactField fact=id member=Signal::stored(None) />
            </For>
            <MoreQuestions hidden=Signal::derive(move || fields.get().1) show_all=show_all />
        </fieldset>
        <For each=move || state.member_ids.get() key=|id| *id let:id>
            <MemberCard id=id />
        </For>
        <button
            class="add"
            disabled=move || { count.get() >= MAX_MEMBERS }
            on:click=move |_| state.add_member()
        >
            {state.t(Msg::AddMember)}
        </button>
    }
}
