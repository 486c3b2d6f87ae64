//! The geometry of the two small charts (yearly cash along income, and over the coming
//! years): SVG path data in a fixed view box, computed here so it is tested natively and
//! the component only draws it. All in Decimal, rounded to a tenth of a unit when drawn:
//! floating point would pull its formatting and maths into the wasm for nothing.

use crate::domain::money::MoneyRange;
use rust_decimal::Decimal;

/// The view box: wide and short, readable at 360 px.
pub const WIDTH: u32 = 320;
pub const HEIGHT: u32 = 140;
/// Room for the axis labels.
const LEFT: i64 = 44;
const BOTTOM: i64 = 20;
const TOP: i64 = 8;
const RIGHT: i64 = 16;

/// One point to draw: where on the x axis, and the cash there (a range where undecided).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: Decimal,
    pub y: MoneyRange,
}

/// A chart ready to draw: coordinates in view-box units, to a tenth.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The least cash along x (solid line).
    pub low: String,
    /// The most cash, where it differs from the least (dashed); empty if it never does.
    pub high: String,
    /// Vertical marks (cliffs, birthdays) at these x, with their label.
    pub marks: Vec<(Decimal, String)>,
    /// Tick labels: (position, text) on each axis.
    pub x_ticks: Vec<(Decimal, String)>,
    pub y_ticks: Vec<(Decimal, String)>,
    /// The plot area's left, bottom, right and top.
    pub area: (Decimal, Decimal, Decimal, Decimal),
}

/// A round step for ticks: 1, 2 or 5 × a power of ten, at least `span / 4`.
fn nice_step(span: Decimal) -> Decimal {
    let raw = span / Decimal::from(4);
    if raw <= Decimal::ZERO {
        return Decimal::ONE;
    }
    let mut p = Decimal::ONE;
    while p * Decimal::TEN <= raw {
        p *= Decimal::TEN;
    }
    while p > raw && p > Decimal::new(1, 2) {
        p /= Decimal::TEN;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| p * Decimal::from(m))
        .find(|s| *s >= raw)
        .unwrap_or(p * Decimal::TEN)
}

fn tenth(v: Decimal) -> Decimal {
    v.round_dp(1).normalize()
}

/// Lays out `points` (in increasing x). `step` joins points with a horizontal then a
/// vertical segment (a value holds until the next point: years); otherwise they are
/// joined straight (the income curve, exact between its probe points). `marks` are x
/// values to mark, with labels.
pub fn layout(points: &[Point], step: bool, marks: &[(Decimal, String)]) -> Chart {
    let d = Decimal::from;
    let (x0, x1) = match (points.first(), points.last()) {
        (Some(a), Some(b)) => (a.x, b.x),
        _ => (Decimal::ZERO, Decimal::ONE),
    };
    let x1 = if x1 > x0 { x1 } else { x0 + Decimal::ONE };
    let top_value = points
        .iter()
        .map(|p| p.y.max.unwrap_or(p.y.min))
        .fold(Decimal::ZERO, Decimal::max);
    let ystep = nice_step(top_value.max(Decimal::ONE));
    let y1 = ((top_value / ystep).ceil().max(Decimal::ONE) * ystep).max(Decimal::ONE);
    let (w, h) = (d(i64::from(WIDTH)), d(i64::from(HEIGHT)));
    let plot_w = w - d(LEFT) - d(RIGHT);
    let plot_h = h - d(BOTTOM) - d(TOP);
    let sx = |x: Decimal| tenth(d(LEFT) + (x - x0) * plot_w / (x1 - x0));
    let sy = |y: Decimal| tenth(h - d(BOTTOM) - y * plot_h / y1);
    let line = |pick: &dyn Fn(&MoneyRange) -> Decimal| {
        let mut out = String::new();
        let mut last: Option<Decimal> = None;
        for p in points {
            let (x, y) = (sx(p.x), sy(pick(&p.y)));
            match last {
                None => out.push_str(&format!("M{x} {y}")),
                Some(ly) if step => {
                    out.push_str(&format!("H{x}"));
                    if ly != y {
                        out.push_str(&format!("V{y}"));
                    }
                }
                Some(_) => out.push_str(&format!("L{x} {y}")),
            }
            last = Some(y);
        }
        if step && last.is_some() {
            out.push_str(&format!("H{}", sx(x1)));
        }
        out
    };
    let low = line(&|r| r.min);
    let differs = points.iter().any(|p| p.y.max != Some(p.y.min));
    // An open range ("at least") is drawn at its least: no line for an unknown top.
    let high = if differs {
        line(&|r| r.max.unwrap_or(r.min))
    } else {
        String::new()
    };
    let xstep = nice_step(x1 - x0);
    let mut x_ticks = Vec::new();
    let mut t = (x0 / xstep).ceil() * xstep;
    while t <= x1 {
        x_ticks.push((sx(t), t.round().normalize().to_string()));
        t += xstep;
    }
    let mut y_ticks = Vec::new();
    let mut t = Decimal::ZERO;
    while t <= y1 {
        y_ticks.push((sy(t), t.round().normalize().to_string()));
        t += ystep;
    }
    Chart {
        low,
        high,
        marks: marks.iter().map(|(x, l)| (sx(*x), l.clone())).collect(),
        x_ticks,
        y_ticks,
        area: (d(LEFT), h - d(BOTTOM), w - d(RIGHT), d(TOP)),
    }
}

/// Text made safe for HTML: `&`, `<`, `>` and `"` escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The chart as SVG markup, hidden from screen readers (the same data comes as a table).
/// Built as text: the two charts are drawn once per computation and never change in
/// place, and markup costs the wasm a fraction of what a reactive view of it does.
pub fn svg(c: &Chart) -> String {
    let (x0, y0, x1, y1) = c.area;
    let n = Decimal::from;
    let mut out = format!(
        r#"<svg class="cash-chart" viewBox="0 0 {WIDTH} {HEIGHT}" aria-hidden="true" focusable="false"><path class="axis" d="M{x0} {y1}V{y0}H{x1}"/>"#
    );
    for (y, t) in &c.y_ticks {
        out += &format!(
            r#"<text class="tick" x="{}" y="{}" text-anchor="end">{}</text>"#,
            x0 - n(3),
            *y + n(3),
            escape(t)
        );
    }
    for (x, t) in &c.x_ticks {
        out += &format!(
            r#"<text class="tick" x="{x}" y="{}" text-anchor="middle">{}</text>"#,
            y0 + n(13),
            escape(t)
        );
    }
    for (x, label) in &c.marks {
        out += &format!(
            r#"<path class="mark" d="M{x} {y0}V{y1}"/><text class="mark-label" x="{}" y="{}">{}</text>"#,
            *x + n(2),
            y1 + n(8),
            escape(label)
        );
    }
    if !c.high.is_empty() {
        out += &format!(r#"<path class="high" d="{}"/>"#, c.high);
    }
    out += &format!(r#"<path class="low" d="{}"/></svg>"#, c.low);
    out
}

/// A two-column table as markup: a header row, then `rows`; a row whose flag is set is
/// marked (the household's own income).
pub fn table(
    class: &str,
    testid: &str,
    head: (&str, &str),
    rows: &[(String, String, bool)],
) -> String {
    let mut out = format!(
        r#"<table class="{class}" data-testid="{testid}"><thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        escape(head.0),
        escape(head.1)
    );
    for (a, b, mark) in rows {
        out += &format!(
            "<tr{}><td>{}</td><td>{}</td></tr>",
            if *mark { r#" class="now""# } else { "" },
            escape(a),
            escape(b)
        );
    }
    out + "</tbody></table>"
}

/// The table of a cash chart: what runs along the chart (`first`), and the cash a year.
pub fn cash_table(
    lang: crate::domain::Lang,
    testid: &str,
    first: super::Msg,
    rows: &[(String, String, bool)],
) -> String {
    table(
        "curve",
        testid,
        (&first.get(lang), &super::Msg::CashPerYear.get(lang)),
        rows,
    )
}

/// A list as markup, each item with `data-testid`.
pub fn list(tag: &str, class: &str, testid: &str, items: &[String]) -> String {
    let mut out = format!(r#"<{tag} class="{class}">"#);
    for i in items {
        out += &format!(r#"<li data-testid="{testid}">{}</li>"#, escape(i));
    }
    out + &format!("</{tag}>")
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
        // The mark sits at 650 of 0..900 on a plot from 44 to 304: 231.8.
        assert_eq!(c.marks, vec![(dec!(231.8), "1".to_string())]);
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
        let m = svg(&c);
        assert!(m.starts_with("<svg") && m.ends_with("</svg>") && m.contains(r#"class="high""#));
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape(r#"<a href="x">&"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;"
        );
        let t = table(
            "curve",
            "t",
            ("收入", "<现金>"),
            &[("1 元".into(), "a&b".into(), true)],
        );
        assert!(
            t.contains("&lt;现金&gt;")
                && t.contains(r#"<tr class="now"><td>1 元</td><td>a&amp;b</td>"#),
            "{t}"
        );
        let l = list("ol", "cliffs", "income-cliff", &["“低保” <x>".into()]);
        assert_eq!(
            l,
            r#"<ol class="cliffs"><li data-testid="income-cliff">“低保” &lt;x&gt;</li></ol>"#
        );
    }
}
