//! One member: relation, age and the questions that matter for them.

use super::more_questions::{add_questions, stable};
use super::{FactField, MoreQuestions, TotalBar};
use crate::domain::facts::id as fact;
use crate::ui::state::{AppState, MemberId};
use crate::view::Msg;
use leptos::prelude::*;

/// A member's card. Keyed by the member's id: removing a member before it moves the
/// card up (its number changes) but keeps it, with whatever is open in it.
#[component]
pub fn MemberCard(
    /// The member's stable id (see [`AppState::member_ids`]).
    id: MemberId,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // Where the member is now: its index in the household.
    let index = Memo::new(move |_| {
        state
            .member_ids
            .with(|ids| ids.iter().position(|x| *x == id).unwrap_or(0))
    });
    let member = Signal::derive(move || Some(index.get()));
    let fixed = [Some(fact::RELATION), Some(fact::AGE)];
    // Show the questions with cash at stake; the rest behind a "more" button.
    let show_all = RwSignal::new(false);
    let fields = Memo::new(move |prev| {
        let index = index.get();
        let mut ids: Vec<_> = fixed.iter().flatten().copied().collect();
        state.household.with(|h| {
            if let Some(m) = h.members.get(index) {
                ids.extend(
                    m.answered()
                        .map(|(id, _)| id)
                        .filter(|id| !fixed.contains(&Some(*id))),
                );
            }
        });
        let (hidden, folded) = state.estimate.with(|e| {
            let qs = e.as_ref().map_or(&[][..], |e| e.questions.as_slice());
            state
                .dont_know
                .with(|d| add_questions(qs, Some(index), &mut ids, show_all.get(), d))
        });
        // What the app assumed of this member (not in school at 85) can be corrected
        // among the optional questions, and so can figures the site or the document
        // gave (school days): the member's own answer wins.
        if show_all.get() {
            state.estimate.with(|e| {
                if let Some(e) = e {
                    for (f, m) in &e.provided {
                        if *m == Some(index) && !ids.contains(f) {
                            ids.push(*f);
                        }
                    }
                    if let Some(a) = e.assumed.get(index) {
                        for f in a {
                            if !ids.contains(f) {
                                ids.push(*f);
                            }
                        }
                    }
                }
            });
        }
        (stable(prev, ids, &folded), hidden)
    });
    view! {
        <fieldset class="member">
            <legend>{move || Msg::MemberTitle(index.get()).get(lang.get())}</legend>
            <For each=move || fields.get().0 key=|f| *f let:fact>
                <FactField fact=fact member=member />
            </For>
            <MoreQuestions hidden=Signal::derive(move || fields.get().1) show_all=show_all />
            <TotalBar place="in-card" />
            <button
                class="remove"
                on:click=move |_| state.remove_member(index.get_untracked())
                disabled=move || state.member_ids.with(|ids| ids.len() <= 1)
                aria-label=move || Msg::RemoveMember(index.get()).get(lang.get())
            >
                {state.t(Msg::Remove)}
            </button>
        </fieldset>
    }
}
