//! What the printed summary says about the household (on paper the form is hidden):
//! the region, the date, and every answer given, in words; and the share link's QR code
//! once the resident agreed to the link (the result code and the rule set are printed
//! with the totals and the sources).

use super::QrCode;
use crate::domain::Lang;
use crate::domain::condition::value_text;
use crate::domain::facts::Value;
use crate::domain::household::Facts;
use crate::ui::state::AppState;
use crate::view::Msg;
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
            Msg::Labelled {
                label: if lang == Lang::Zh { info.zh } else { info.en },
                value: if lang == Lang::Zh { zh } else { en },
            }
            .get(lang)
            .into_owned()
        })
        .collect::<Vec<_>>()
        .join(&Msg::AnswerSeparator.get(lang))
}

/// The printed summary's head: region, date, the figures used and every answer given.
#[component]
pub fn PrintSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let lines = move || {
        let l = lang.get();
        let region = AppState::catalog()
            .and_then(|c| {
                state
                    .region
                    .with(|r| c.region(r))
                    .map(|r| r.name.get(l).to_string())
            })
            .unwrap_or_default();
        let mut out = vec![
            Msg::PrintRegion {
                region,
                date: state.date.get().to_string(),
            }
            .get(l)
            .into_owned(),
        ];
        // The figures nobody entered that the estimate used, with their source.
        state.estimate.with(|e| {
            if let Some(e) = e {
                for f in &e.figures {
                    out.push(if l == Lang::Zh {
                        f.zh.clone()
                    } else {
                        f.en.clone()
                    });
                }
            }
        });
        state.household.with(|h| {
            let hh = answers(l, &h.facts);
            if !hh.is_empty() {
                out.push(Msg::PrintHousehold(hh).get(l).into_owned());
            }
            for (i, m) in h.members.iter().enumerate() {
                out.push(
                    Msg::PrintMember {
                        index: i,
                        answers: answers(l, m),
                    }
                    .get(l)
                    .into_owned(),
                );
            }
        });
        out
    };
    view! {
        <section class="print-only print-summary">
            <h2>{state.t(Msg::SummaryTitle)}</h2>
            {move || lines().into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
            // Only after the share warning was agreed to: the code holds the answers.
            <Show when=move || state.share_agreed.get()>
                <QrCode />
            </Show>
        </section>
    }
}
