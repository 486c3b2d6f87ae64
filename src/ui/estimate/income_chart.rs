//! "收入变化时": the household's cash per year as its monthly income per head runs from 0
//! past the highest income threshold in force (`domain::scenarios::income_curve`, one
//! evaluation at every threshold and a fen either side), drawn as a chart with the
//! cliffs marked and given as a list and a table. Offered only where some rule reads the
//! income, and computed only once opened.

use super::CashChart;
use crate::domain::money::MoneyRange;
use crate::domain::scenarios::{IncomeCurve, income_curve, reads_income};
use crate::ui::state::AppState;
use crate::view::chart::{Point, layout};
use crate::view::{Msg, words};
use leptos::prelude::*;

/// The income what-if, folded until opened.
#[component]
pub fn IncomeChart() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let open = RwSignal::new(false);
    let offered = Memo::new(move |_| {
        let Some(cat) = AppState::catalog() else {
            return false;
        };
        let date = state.date.get();
        state
            .region
            .with(|r| cat.region(r))
            .is_some_and(|r| reads_income(cat, r, date))
    });
    let curve = Memo::new(move |_| -> Option<IncomeCurve> {
        if !open.get() || !offered.get() {
            return None;
        }
        let cat = AppState::catalog()?;
        let region = state.region.with(|r| cat.region(r))?;
        let settings = state.settings();
        let date = state.date.get();
        state
            .household
            .with(|h| income_curve(cat, region, h, date, settings.as_ref()))
    });
    let body = move || {
        curve.with(|c| {
            let c = c.as_ref()?;
            let l = lang.get();
            let end = c.points.last().map(|p| p.income).unwrap_or_default();
            let points: Vec<Point> = c
                .points
                .iter()
                .map(|p| Point { x: p.income, y: p.yearly })
                .collect();
            let marks: Vec<_> = c
                .cliffs
                .iter()
                .enumerate()
                .map(|(i, k)| (k.at, (i + 1).to_string()))
                .collect();
            let chart = layout(&points, false, &marks);
            let needs = (!c.unknown_thresholds.is_empty()).then(|| {
                let list = c
                    .unknown_thresholds
                    .iter()
                    .map(|f| words::fact_label(l, f.info().name))
                    .collect::<Vec<_>>()
                    .join(&Msg::ListSeparator.get(l));
                Msg::IncomeNeeds(list).get(l).into_owned()
            });
            let cliffs = c
                .cliffs
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    let what = k
                        .changes
                        .iter()
                        .map(|ch| words::change(l, ch, true))
                        .collect::<Vec<_>>()
                        .join(&Msg::ListSeparator.get(l));
                    let line = Msg::IncomeCliff {
                        at: words::money(l, MoneyRange::exact(k.at)),
                        what,
                        before: words::money(l, k.before),
                        after: words::money(l, k.after),
                    }
                    .get(l)
                    .into_owned();
                    view! { <li data-testid="income-cliff"><span class="mark-label">{i + 1}</span>" "{line}</li> }
                })
                .collect_view();
            let rows = c
                .points
                .iter()
                .map(|p| {
                    let now = c.current == Some(p.income);
                    view! {
                        <tr class:now=now>
                            <td>{words::money(l, MoneyRange::exact(p.income))}{now.then(|| Msg::Now.get(l).into_owned())}</td>
                            <td>{words::money(l, p.yearly)}</td>
                        </tr>
                    }
                })
                .collect_view();
            Some(view! {
                <p>{Msg::IncomeIntro(words::money(l, MoneyRange::exact(end))).get(l).into_owned()}</p>
                {c.dibao_by_income.then(|| view! { <p class="note">{Msg::IncomeDibao.get(l).into_owned()}</p> })}
                {needs.map(|n| view! { <p class="note" data-testid="income-needs">{n}</p> })}
                <CashChart chart=chart />
                <ol class="cliffs">{cliffs}</ol>
                <table class="curve" data-testid="income-table">
                    <thead><tr>
                        <th scope="col">{Msg::IncomePerHead.get(l).into_owned()}</th>
                        <th scope="col">{Msg::CashPerYear.get(l).into_owned()}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            })
        })
    };
    view! {
        <Show when=move || offered.get()>
            <details class="what-if" data-testid="income-chart" on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                    open.set(d.open());
                }
            }>
                <summary>{state.t(Msg::IncomeTitle)}</summary>
                {body}
            </details>
        </Show>
    }
}
