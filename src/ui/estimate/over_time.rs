//! "今后十年": the household's cash per year this year and each of the next ten as its
//! members age, and nothing else changes (`domain::scenarios::over_time`), as a chart,
//! a list naming each change and a table (the chart is hidden from screen readers).
//! Computed once opened, and opened for printing, so the printed summary carries it.

use super::track_open;
use crate::domain::Lang;
use crate::domain::scenarios::{Year, over_time};
use crate::ui::state::AppState;
use crate::view::chart::{Point, cash_table, escape, layout, list, svg};
use crate::view::{Msg, words};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Years ahead.
const YEARS: u8 = 10;

/// The years as markup: intro, chart, changes, table.
fn markup(l: Lang, ys: &[Year]) -> String {
    let mut out = format!("<p>{}</p>", escape(&Msg::OverTimeIntro.get(l)));
    let points: Vec<Point> = ys
        .iter()
        .map(|y| Point {
            x: Decimal::from(y.year),
            y: y.yearly,
        })
        .collect();
    let marks: Vec<_> = ys
        .iter()
        .filter(|y| !y.changes.is_empty())
        .map(|y| (Decimal::from(y.year), String::new()))
        .collect();
    out += &svg(&layout(&points, true, &marks));
    let steps: Vec<String> = ys
        .iter()
        .flat_map(|y| {
            y.changes.iter().map(move |(c, age)| {
                Msg::AgeStep {
                    year: y.year,
                    who: Msg::Who(c.member).get(l).into_owned(),
                    age: *age,
                    what: words::change(l, c, false),
                }
                .get(l)
                .into_owned()
            })
        })
        .collect();
    if steps.is_empty() {
        out += &format!(
            r#"<p data-testid="age-step-none">{}</p>"#,
            escape(&Msg::OverTimeNothing.get(l))
        );
    } else {
        out += &list("ul", "age-steps", "age-step", &steps);
    }
    let rows: Vec<_> = ys
        .iter()
        .map(|y| (y.year.to_string(), words::money(l, y.yearly), false))
        .collect();
    out + &cash_table(l, "years-table", Msg::CalendarYear, &rows)
}

/// The years ahead, folded until opened (or printed).
#[component]
pub fn OverTime() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let open = RwSignal::new(false);
    // The printed summary carries the years: open them before the page is printed.
    let _ = window_event_listener(
        leptos::ev::Custom::<leptos::ev::Event>::new("beforeprint"),
        move |_| open.set(true),
    );
    let html = Memo::new(move |_| -> String {
        if !open.get() {
            return String::new();
        }
        state
            .with_inputs(|cat, region, h, date, settings| {
                over_time(cat, region, h, date, settings, YEARS)
            })
            .map(|ys| markup(lang.get(), &ys))
            .unwrap_or_default()
    });
    view! {
        <details class="what-if over-time" data-testid="over-time" prop:open=move || open.get() on:toggle=track_open(open)>
            <summary>{state.t(Msg::OverTimeTitle)}</summary>
            <div inner_html=move || html.get() />
        </details>
    }
}
