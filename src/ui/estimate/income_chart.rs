//! "收入变化时": the household's cash per year as its monthly income per head runs from 0
//! past the highest income threshold in force (`domain::scenarios::income_curve`, one
//! evaluation at every threshold and a fen either side), drawn as a chart with the
//! cliffs marked and given as a numbered list and a table (the chart is hidden from
//! screen readers: the table is the same data). Offered only where some rule reads the
//! income, and computed only once opened.

use super::track_open;
use crate::domain::Lang;
use crate::domain::money::MoneyRange;
use crate::domain::scenarios::{IncomeCurve, income_curve, reads_income};
use crate::ui::state::AppState;
use crate::view::chart::{Point, cash_table, escape, layout, list, svg};
use crate::view::{Msg, words};
use leptos::prelude::*;

/// The curve as markup: intro, notes, chart, cliffs, table.
fn markup(l: Lang, c: &IncomeCurve) -> String {
    let end = c.points.last().map(|p| p.income).unwrap_or_default();
    let p = |m: Msg| format!("<p>{}</p>", escape(&m.get(l)));
    let mut out = p(Msg::IncomeIntro(words::money(l, MoneyRange::exact(end))));
    if c.dibao_by_income {
        out += &p(Msg::IncomeDibao);
    }
    if !c.unknown_thresholds.is_empty() {
        let names: Vec<_> = c
            .unknown_thresholds
            .iter()
            .map(|f| words::fact_label(l, f.info().name))
            .collect();
        out += &format!(
            r#"<p class="note" data-testid="income-needs">{}</p>"#,
            escape(&Msg::IncomeNeeds(names.join(&Msg::ListSeparator.get(l))).get(l))
        );
    }
    let points: Vec<Point> = c
        .points
        .iter()
        .map(|p| Point {
            x: p.income,
            y: p.yearly,
        })
        .collect();
    let marks: Vec<_> = (1..)
        .zip(&c.cliffs)
        .map(|(i, k)| (k.at, i.to_string()))
        .collect();
    out += &svg(&layout(&points, false, &marks));
    let cliffs: Vec<String> = (1..)
        .zip(&c.cliffs)
        .map(|(i, k)| {
            let what: Vec<_> = k
                .changes
                .iter()
                .map(|ch| words::change(l, ch, true))
                .collect();
            let line = Msg::IncomeCliff {
                at: words::money(l, MoneyRange::exact(k.at)),
                what: what.join(&Msg::ListSeparator.get(l)),
                before: words::money(l, k.before),
                after: words::money(l, k.after),
            };
            format!("{i} · {}", line.get(l))
        })
        .collect();
    out += &list("ul", "cliffs", "income-cliff", &cliffs);
    let rows: Vec<_> = c
        .points
        .iter()
        .map(|p| {
            let now = c.current == Some(p.income);
            let income = words::money(l, MoneyRange::exact(p.income));
            let income = if now {
                income + &Msg::Now.get(l)
            } else {
                income
            };
            (income, words::money(l, p.yearly), now)
        })
        .collect();
    out + &cash_table(l, "income-table", Msg::IncomePerHead, &rows)
}

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
    let html = Memo::new(move |_| -> String {
        if !open.get() || !offered.get() {
            return String::new();
        }
        state
            .with_inputs(income_curve)
            .flatten()
            .map(|c| markup(lang.get(), &c))
            .unwrap_or_default()
    });
    view! {
        <Show when=move || offered.get()>
            <details class="what-if" data-testid="income-chart" on:toggle=track_open(open)>
                <summary>{state.t(Msg::IncomeTitle)}</summary>
                <div inner_html=move || html.get() />
            </details>
        </Show>
    }
}
