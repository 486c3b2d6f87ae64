//! A small chart of cash per year (the geometry is `view::chart`'s): the least amount as
//! a solid line, the most as a dashed one where they differ, marks where something
//! changes. Decorative for screen readers: each chart comes with the same data as a
//! table or a list.

use crate::view::chart::{Chart, HEIGHT, WIDTH};
use leptos::prelude::*;

/// Draws `chart`.
#[component]
pub fn CashChart(
    /// What to draw.
    chart: Chart,
) -> impl IntoView {
    let (x0, y0, x1, y1) = chart.area;
    view! {
        <svg class="cash-chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") aria-hidden="true" focusable="false">
            <path class="axis" d=format!("M{x0} {y1}V{y0}H{x1}") />
            {chart.y_ticks.into_iter().map(|(y, t)| view! {
                <text class="tick" x=(x0 - 3.0).to_string() y=(y + 3.0).to_string() text-anchor="end">{t}</text>
            }).collect_view()}
            {chart.x_ticks.into_iter().map(|(x, t)| view! {
                <text class="tick" x=x.to_string() y=(y0 + 13.0).to_string() text-anchor="middle">{t}</text>
            }).collect_view()}
            {chart.marks.into_iter().map(|(x, label)| view! {
                <path class="mark" d=format!("M{x} {y0}V{y1}") />
                <text class="mark-label" x=(x + 2.0).to_string() y=(y1 + 8.0).to_string()>{label}</text>
            }).collect_view()}
            {(!chart.high.is_empty()).then(|| view! { <path class="high" d=chart.high /> })}
            <path class="low" d=chart.low />
        </svg>
    }
}
