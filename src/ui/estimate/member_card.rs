//! One member: relation, age and the questions that matter for them.

use super::more_questions::{add_questions, stable};
use super::{FactField, MoreQuestions, TotalBar};
use crate::domain::facts::fact_by_name;
use crate::ui::i18n::tr;
use crate::ui::state::{AppState, Estimate, Questions};
use leptos::prelude::*;

/// A member's card.
#[component]
pub fn MemberCard(
    /// Index of the member in the household.
    index: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let questions = expect_context::<Questions>();
    let estimate = expect_context::<Estimate>();
    let lang = state.lang;
    let fixed = [fact_by_name("relation"), fact_by_name("age")];
    // Show the questions with cash at stake; the rest behind a "more" button.
    let show_all = RwSignal::new(false);
    let fields = Memo::new(move |prev| {
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
        let (hidden, folded) = questions.with(|q| {
            state
                .dont_know
                .with(|d| add_questions(&q.0, Some(index), &mut ids, show_all.get(), d))
        });
        // What the app assumed of this member (not in school at 85) can be corrected
        // among the optional questions.
        if show_all.get() {
            estimate.with(|e| {
                // And figures the site or the document gave (school days): the
                // member's own answer wins.
                if let Some(r) = e.0.as_ref() {
                    for (f, m) in &r.provided {
                        if *m == Some(index) && !ids.contains(f) {
                            ids.push(*f);
                        }
                    }
                }
                if let Some(a) = e.0.as_ref().and_then(|r| r.assumed.get(index)) {
                    ids.extend(
                        a.iter()
                            .map(|(f, _)| *f)
                            .filter(|f| !ids.contains(f))
                            .collect::<Vec<_>>(),
                    );
                }
            });
        }
        (stable(prev, ids, &folded), hidden)
    });
    let remove = move |_| {
        state.household.update(|h| {
            if h.members.len() > 1 && index < h.members.len() {
                h.members.remove(index);
            }
        });
        state.member_removed(index);
    };
    view! {
        <fieldset class="member">
            <legend>
                {move || match lang.get() {
                    crate::domain::Lang::Zh => format!("成员 {}", index + 1),
                    crate::domain::Lang::En => format!("Member {}", index + 1),
                }}
            </legend>
            <For each=move || fields.get().0 key=|id| *id let:id>
                <FactField fact=id member=Some(index) />
            </For>
            <MoreQuestions hidden=Signal::derive(move || fields.get().1) show_all=show_all />
            <TotalBar place="in-card" />
            <button
                class="remove"
                on:click=remove
                disabled=move || { state.household.with(|h| h.members.len() <= 1) }
                aria-label=move || match lang.get() {
                    crate::domain::Lang::Zh => format!("删除成员 {}", index + 1),
                    crate::domain::Lang::En => format!("Remove member {}", index + 1),
                }
            >
                {move || tr(lang.get(), "删除", "Remove")}
            </button>
        </fieldset>
    }
}
