//! The "more questions" toggle under a card: only the questions that matter most are
//! shown at first; the rest are one click away, never gone.

use crate::domain::evaluate::Question;
use crate::domain::facts::FactId;
use crate::ui::i18n::tr;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Appends to `ids` the unanswered questions about `member` (`None`: the household),
/// most consequential first: `limit` of them, or all when `show_all`. Returns how
/// many stay folded away.
pub fn add_questions(
    questions: &[Question],
    member: Option<usize>,
    ids: &mut Vec<FactId>,
    limit: usize,
    show_all: bool,
) -> usize {
    // `questions` gives household facts `member: None`, member facts their index.
    let more: Vec<_> = questions
        .iter()
        .filter(|q| q.member == member && !ids.contains(&q.fact))
        .map(|q| q.fact)
        .collect();
    let shown = if show_all {
        more.len()
    } else {
        limit.min(more.len())
    };
    ids.extend(more.iter().take(shown));
    more.len() - shown
}

/// A button that reveals (or folds) the less consequential questions.
#[component]
pub fn MoreQuestions(
    /// How many questions are folded away now.
    hidden: Signal<usize>,
    /// Whether every question is shown.
    show_all: RwSignal<bool>,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    view! {
        <Show when=move || { hidden.get() > 0 || show_all.get() }>
            <button
                class="more"
                aria-expanded=move || show_all.get().to_string()
                on:click=move |_| show_all.update(|s| *s = !*s)
            >
                {move || {
                    if show_all.get() {
                        tr(lang.get(), "只显示重要问题", "Show only the key questions").to_string()
                    } else {
                        match lang.get() {
                            crate::domain::Lang::Zh => format!("还有 {} 个问题", hidden.get()),
                            crate::domain::Lang::En => format!("{} more questions", hidden.get()),
                        }
                    }
                }}
            </button>
        </Show>
    }
}
