//! The geometry of the two small charts (yearly cash along income, and over the coming
//! years): SVG path data in a fixed view box, computed here so it is tested natively and
//! the component only draws it. Money stays Decimal; only the drawn coordinates are
//! rounded, to a tenth of a unit.

use crate::domain::money::MoneyRange;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The view box: wide and short, readable at 360 px.
pub const WIDTH: u32 = 320;
pub const HEIGHT: u32 = 140;
/// Room for the axis labels.
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 20.0;
const TOP: f64 = 8.0;
const RIGHT: f64 = 8.0;

/// One point to draw: where on the x axis, and the cash there (a range where undecided).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: Decimal,
    pub y: MoneyRange,
}

/// A chart ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The least cash along x (solid line).
    pub low: String,
    /// The most cash, where it differs from the least (dashed); empty if it never does.
    pub high: String,
    /// Vertical marks (cliffs, birthdays) at these x, in view-box units, with their label.
    pub marks: Vec<(f64, String)>,
    /// Tick labels: (position, text) on each axis.
    pub x_ticks: Vec<(f64, String)>,
    pub y_ticks: Vec<(f64, String)>,
    /// The plot area's bottom-left and top-right corners.
    pub area: (f64, f64, f64, f64),
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// A round step for ticks: 1, 2 or 5 × a power of ten, about `span / 4`.
fn nice_step(span: f64) -> f64 {
    if span <= 0.0 {
        return 1.0;
    }
    let raw = span / 4.0;
    let p = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * p)
}

/// Lays out `points` (in increasing x). `step` joins points with a horizontal then a
/// vertical segment (a value holds until the next point: years); otherwise they are
/// joined straight (the income curve, exact between its probe points). `marks` are x
/// values to mark, with labels.
pub fn layout(points: &[Point], step: bool, marks: &[(Decimal, String)]) -> Chart {
    let (x0, x1) = match (points.first(), points.last()) {
        (Some(a), Some(b)) => (f(a.x), f(b.x)),
        _ => (0.0, 1.0),
    };
    let x1 = if x1 > x0 { x1 } else { x0 + 1.0 };
    let top_value = points
        .iter()
        .map(|p| f(p.y.max.unwrap_or(p.y.min)))
        .fold(0.0, f64::max);
    let ystep = nice_step(top_value.max(1.0));
    let y1 = (top_value / ystep).ceil().max(1.0) * ystep;
    let (w, h) = (f64::from(WIDTH), f64::from(HEIGHT));
    let sx = |x: f64| round1(LEFT + (x - x0) / (x1 - x0) * (w - LEFT - RIGHT));
    let sy = |y: f64| round1(h - BOTTOM - y / y1 * (h - BOTTOM - TOP));
    let line = |pick: &dyn Fn(&MoneyRange) -> f64| {
        let mut d = String::new();
        let mut last: Option<f64> = None;
        for p in points {
            let (x, y) = (sx(f(p.x)), sy(pick(&p.y)));
            match last {
                None => d.push_str(&format!("M{x} {y}")),
                Some(ly) if step => {
                    d.push_str(&format!("H{x}"));
                    if ly != y {
                        d.push_str(&format!("V{y}"));
                    }
                }
                Some(_) => d.push_str(&format!("L{x} {y}")),
            }
            last = Some(y);
        }
        if step && let Some(_) = last {
            d.push_str(&format!("H{}", sx(x1)));
        }
        d
    };
    let low = line(&|r| f(r.min));
    let differs = points.iter().any(|p| p.y.max != Some(p.y.min));
    // An open range ("at least") is drawn at its least: no line for an unknown top.
    let high = if differs {
        line(&|r| f(r.max.unwrap_or(r.min)))
    } else {
        String::new()
    };
    let xstep = nice_step(x1 - x0);
    let mut x_ticks = Vec::new();
    let mut t = (x0 / xstep).ceil() * xstep;
    while t <= x1 + 1e-9 {
        x_ticks.push((sx(t), format!("{}", t.round() as i64)));
        t += xstep;
    }
    let mut y_ticks = Vec::new();
    let mut t = 0.0;
    while t <= y1 + 1e-9 {
        y_ticks.push((sy(t), format!("{}", t.round() as i64)));
        t += ystep;
    }
    Chart {
        low,
        high,
        marks: marks.iter().map(|(x, l)| (sx(f(*x)), l.clone())).collect(),
        x_ticks,
        y_ticks,
        area: (LEFT, h - BOTTOM, w - RIGHT, TOP),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn p(x: Decimal, y: Decimal) -> Point {
        Point {
            x,
            y: MoneyRange::exact(y),
        }
    }

    #[test]
    fn a_cliff_is_drawn_where_it_is() {
        // 低保 gap 1950 a month for three people at no income, gone at 650.
        let pts = [
            p(dec!(0), dec!(23400)),
            p(dec!(649.99), dec!(0.36)),
            p(dec!(650), dec!(0)),
            p(dec!(900), dec!(0)),
        ];
        let c = layout(&pts, false, &[(dec!(650), "1".into())]);
        assert!(c.low.starts_with("M44 "), "{}", c.low);
        assert!(c.high.is_empty());
        // The mark sits at 650 of 0..900 on a plot from 44 to 312.
        let want = round1(44.0 + 650.0 / 900.0 * 268.0);
        assert_eq!(c.marks, vec![(want, "1".to_string())]);
        // Ticks are round numbers and the y axis reaches past the top value.
        assert_eq!(
            c.y_ticks.last().map(|t| t.1.as_str()),
            Some("30000"),
            "{:?}",
            c.y_ticks
        );
        assert_eq!(
            c.x_ticks.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(),
            ["0", "500"]
        );
    }

    #[test]
    fn steps_hold_until_the_next_year_and_ranges_get_a_second_line() {
        let pts = [
            Point {
                x: dec!(2026),
                y: MoneyRange::exact(dec!(1440)),
            },
            Point {
                x: dec!(2027),
                y: MoneyRange {
                    min: dec!(1680),
                    max: Some(dec!(2000)),
                },
            },
        ];
        let c = layout(&pts, true, &[]);
        assert!(c.low.contains('H') && c.low.contains('V'), "{}", c.low);
        assert!(!c.high.is_empty());
        assert!(!c.low.contains("NaN") && !c.high.contains("NaN"));
        // Nothing to draw is not a panic.
        let e = layout(&[], true, &[]);
        assert!(e.low.is_empty());
    }
}
