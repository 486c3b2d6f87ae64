//! The "more questions" toggle under a card: only the questions that matter most are
//! shown at first; the rest are one click away, never gone.

use crate::domain::facts::FactId;
use crate::domain::plausible::is_local_figure;
use crate::ui::state::AppState;
use crate::view::{Msg, Question};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// How many unanswered questions with cash at stake a card shows at once.
const AT_ONCE: usize = 3;

/// Appends to `ids` the unanswered questions about `member` (`None`: the household):
/// every one with cash at stake, most first; the others (no amount hangs on them, a
/// local figure only an office knows, or answered "不清楚") only when `show_all`. Returns how many stay
/// folded away. So the main form is never longer than the questions with cash at stake.
pub fn add_questions(
    questions: &[Question],
    member: Option<usize>,
    ids: &mut Vec<FactId>,
    show_all: bool,
    dont_know: &[(FactId, Option<usize>)],
) -> (usize, Vec<FactId>) {
    let mut folded = Vec::new();
    let mut shown = 0;
    let mut hidden = 0;
    // `questions` gives household facts `member: None`, member facts their index.
    for q in questions.iter().filter(|q| q.member == member) {
        if ids.contains(&q.id) {
            continue;
        }
        // "不清楚" is an answer too: never asked again in the main form. A few at a
        // time, most cash first: an answer often settles the next question, which is
        // then never put (the interview asks the question with most at stake first).
        let main = q.amount > Decimal::ZERO
            && !is_local_figure(q.id)
            && !dont_know.contains(&(q.id, member))
            && shown < AT_ONCE;
        shown += usize::from(main);
        if main || show_all {
            ids.push(q.id);
        }
        // Only a question just answered "不清楚" keeps its place (see `stable`); one
        // whose cash at stake an answer settled leaves the main form.
        if !main && dont_know.contains(&(q.id, member)) {
            folded.push(q.id);
        }
        hidden += usize::from(!main);
    }
    (if show_all { 0 } else { hidden }, folded)
}

/// `next` in the order the fields were already shown in (`prev`), new ones after:
/// answering a question never moves it, or any field above it, from under the
/// resident's cursor (a moved node also loses keyboard focus). A field already shown
/// that would now be folded away (just answered "不清楚") stays in place until the
/// card is drawn afresh.
pub fn stable(
    prev: Option<&(Vec<FactId>, usize)>,
    next: Vec<FactId>,
    folded: &[FactId],
) -> Vec<FactId> {
    let Some((prev, _)) = prev else {
        return next;
    };
    let mut out: Vec<FactId> = prev
        .iter()
        .filter(|f| next.contains(f) || folded.contains(f))
        .copied()
        .collect();
    out.extend(next.into_iter().filter(|f| !prev.contains(f)));
    out
}

/// A button that reveals (or folds) the less consequential questions.
#[component]
pub fn MoreQuestions(
    /// How many questions are folded away now.
    hidden: Signal<usize>,
    /// Whether every question is shown.
    show_all: RwSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <Show when=move || { hidden.get() > 0 || show_all.get() }>
            <button
                class="more"
                aria-expanded=move || show_all.get().to_string()
                on:click=move |_| show_all.update(|s| *s = !*s)
            >
                {move || {
                    if show_all.get() { Msg::ShowFewerQuestions } else { Msg::MoreQuestions(hidden.get()) }
                        .get(lang.get())
                }}
            </button>
        </Show>
    }
}
