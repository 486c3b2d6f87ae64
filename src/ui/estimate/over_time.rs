//! "今后十年": the household's cash per year this year and each of the next ten as its
//! members age, and nothing else changes (`domain::scenarios::over_time`), as a chart
//! and a list naming each change. Computed once opened, and opened for printing, so the
//! printed summary carries it.

use super::CashChart;
use crate::domain::scenarios::{Year, over_time};
use crate::ui::state::AppState;
use crate::view::chart::{Point, layout};
use crate::view::{Msg, words};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Years ahead.
const YEARS: u8 = 10;

/// The years ahead, folded until opened (or printed).
#[component]
pub fn OverTime() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let open = RwSignal::new(false);
    // The printed summary carries the years: open them before the page is printed.
    let _ = window_event_listener(leptos::ev::Custom::<leptos::ev::Event>::new("beforeprint"), move |_| {
        open.set(true)
    });
    let years = Memo::new(move |_| -> Vec<Year> {
        if !open.get() {
            return Vec::new();
        }
        let Some(cat) = AppState::catalog() else {
            return Vec::new();
        };
        let Some(region) = state.region.with(|r| cat.region(r)) else {
            return Vec::new();
        };
        let settings = state.settings();
        let date = state.date.get();
        state
            .household
            .with(|h| over_time(cat, region, h, date, settings.as_ref(), YEARS))
    });
    let body = move || {
        years.with(|ys| {
            if ys.is_empty() {
                return None;
            }
            let l = lang.get();
            let points: Vec<Point> = ys
                .iter()
                .map(|y| Point { x: Decimal::from(y.year), y: y.yearly })
                .collect();
            let marks: Vec<_> = ys
                .iter()
                .filter(|y| !y.changes.is_empty())
                .map(|y| (Decimal::from(y.year), String::new()))
                .collect();
            let chart = layout(&points, true, &marks);
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
            let rows = ys
                .iter()
                .map(|y| view! { <tr><td>{y.year}</td><td>{words::money(l, y.yearly)}</td></tr> })
                .collect_view();
            Some(view! {
                <p>{Msg::OverTimeIntro.get(l).into_owned()}</p>
                <CashChart chart=chart />
                {if steps.is_empty() {
                    view! { <p data-testid="age-step-none">{Msg::OverTimeNothing.get(l).into_owned()}</p> }.into_any()
                } else {
                    view! { <ul class="age-steps">{steps.into_iter().map(|s| view! { <li data-testid="age-step">{s}</li> }).collect_view()}</ul> }.into_any()
                }}
                <table class="curve" data-testid="years-table">
                    <thead><tr>
                        <th scope="col">{Msg::CalendarYear.get(l).into_owned()}</th>
                        <th scope="col">{Msg::CashPerYear.get(l).into_owned()}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            })
        })
    };
    view! {
        <details class="what-if over-time" data-testid="over-time" prop:open=move || open.get() on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                open.set(d.open());
            }
        }>
            <summary>{state.t(Msg::OverTimeTitle)}</summary>
            {body}
        </details>
    }
}
