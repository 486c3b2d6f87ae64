//! Benchmark: time per `evaluate` for households of 1, 4 and 8 members against a
//! synthetic 500-rule catalog, a 10× larger one, and the real embedded catalog; and
//! one keystroke's whole work in the app (evaluate, questions, near misses and what the
//! result lists read) for households of 5 and 8 on the real catalog.
//! The same 500 rules × 4 members written by hand over typed answers give the lower
//! bound the engine is measured against (issue 24: at most 4× it).
//! Run with `cargo bench --bench evaluate`; prints medians (no timing is asserted:
//! speed is reported, not unit-tested).

// Native only: under wasm32 (clippy --all-targets) main is empty.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use estimator::domain::{Date, Engine, Household, Tri, evaluate, evaluate_in, questions};
use std::hint::black_box;

// The synthetic catalog and households, shared with the browser's bench (tests/wasm_bench.rs).
#[path = "common/synthetic.rs"]
mod synthetic;
use std::time::Instant;
use synthetic::{household, household_json, synthetic};

/// One keystroke's work in the app once the household changed: what `ui::state`'s
/// estimate memo computes, the report shaped into the view the lists render from
/// (`view::Estimate::brief`, as the app shapes it: results, questions, near misses, figures read; what an opened result shows is shaped when it is opened). The
/// rendering itself is leptos's and is measured in the browser (`.ci/ui-budgets.mjs`).
fn whole_edit(cat: &Engine, region: &str, h: &Household, date: Date) -> usize {
    let Some(region) = cat.region(region) else {
        return 0;
    };
    let r = evaluate_in(cat, region, h, date, None);
    let e = estimator::view::Estimate::brief(cat, &r, h);
    black_box(e.results.len() + e.questions.len())
}

/// The hand-written lower bound of the synthetic catalog's work: the same eight rule
/// shapes written as plain Rust over typed answers (one `i64` a fact, the household's
/// resolved answers read once), each rule and member giving a status, the facts it
/// misses (a mask) and its amount in fen, with the yearly totals summed. No catalog, no
/// plans, no `Decimal`: what a program specialised to these rules would do. Its status
/// counts are checked against `evaluate`'s, so it does the same work.
mod lower_bound {
    use estimator::domain::Tri;
    use estimator::domain::facts::{FactId, Value, fact_by_name};
    use estimator::domain::household::Facts;

    /// Unanswered.
    const UNK: i64 = i64::MIN;
    /// Assumed not to apply: every comparison fails.
    const NA: i64 = i64::MIN + 1;

    #[derive(Clone, Copy)]
    pub struct Member {
        age: i64,
        hukou_local: i64,
        rural: i64,
        stage: i64,
        boarding: i64,
        cert: i64,
        grade: i64,
        tekun: i64,
        orphan: i64,
        school_days: i64,
        // Household answers, laid over each member as `evaluate` does.
        hardship: i64,
        dibao: i64,
        low_income: i64,
        income: i64,
        standard: i64,
        urban_standard: i64,
        pilot: i64,
    }

    pub struct Outcome {
        pub status: Tri,
        pub missing: u32,
        pub fen: Option<(i64, i64)>,
    }

    fn read(f: &Facts, hh: &Facts, name: &str, rural: u8) -> i64 {
        let id: FactId = fact_by_name(name).expect("a fact");
        match f.get(id).or_else(|| hh.get(id)) {
            None => UNK,
            Some(Value::NotApplicable) => NA,
            Some(Value::Bool(b)) => b as i64,
            Some(Value::Int(i)) => i,
            Some(Value::Choice(c)) if name == "hukou_type" => (c == rural) as i64,
            Some(Value::Choice(c)) => i64::from(c),
            Some(Value::Money(m)) => (m * rust_decimal::Decimal::ONE_HUNDRED)
                .trunc()
                .try_into()
                .unwrap_or(UNK),
        }
    }

    /// Each member's answers, typed (from the facts `evaluate` resolved).
    pub fn members(resolved: &[Facts], hh: &Facts) -> Vec<Member> {
        let rural = fact_by_name("hukou_type")
            .and_then(|f| f.info().choice("rural"))
            .unwrap_or(0);
        resolved
            .iter()
            .map(|m| {
                let r = |n: &str| read(m, hh, n, rural);
                Member {
                    age: r("age"),
                    hukou_local: r("hukou_local"),
                    rural: r("hukou_type"),
                    stage: r("student_stage"),
                    boarding: r("boarding"),
                    cert: r("disability_certificate"),
                    grade: r("disability_grade"),
                    tekun: r("tekun"),
                    orphan: r("orphan"),
                    school_days: r("school_days"),
                    hardship: r("economic_hardship"),
                    dibao: r("dibao"),
                    low_income: r("low_income"),
                    income: r("income_per_capita_month"),
                    standard: r("local_dibao_standard_month"),
                    urban_standard: r("urban_dibao_standard_month"),
                    pilot: r("nutrition_pilot_area"),
                }
            })
            .collect()
    }

    /// A leaf: `Unknown` (missing `bit`) if unanswered, `No` if not applicable.
    #[inline(always)]
    fn leaf(v: i64, bit: u32, p: impl FnOnce(i64) -> bool) -> (Tri, u32) {
        match v {
            UNK => (Tri::Unknown, bit),
            NA => (Tri::No, 0),
            v if p(v) => (Tri::Yes, 0),
            _ => (Tri::No, 0),
        }
    }
    #[inline(always)]
    fn and(a: (Tri, u32), b: impl FnOnce() -> (Tri, u32)) -> (Tri, u32) {
        if a.0 == Tri::No {
            return a;
        }
        let b = b();
        match (a.0, b.0) {
            (_, Tri::No) => (Tri::No, 0),
            (Tri::Yes, _) => b,
            (_, Tri::Yes) => a,
            _ => (Tri::Unknown, a.1 | b.1),
        }
    }
    #[inline(always)]
    fn or(a: (Tri, u32), b: impl FnOnce() -> (Tri, u32)) -> (Tri, u32) {
        if a.0 == Tri::Yes {
            return a;
        }
        let b = b();
        match (a.0, b.0) {
            (_, Tri::Yes) => (Tri::Yes, 0),
            (Tri::No, _) => b,
            (_, Tri::No) => a,
            _ => (Tri::Unknown, a.1 | b.1),
        }
    }

    /// `student_stage`'s choices `primary` and `junior` (checked by the status counts).
    const PRIMARY: i64 = 3;
    const JUNIOR: i64 = 4;

    /// Every rule of the synthetic `n`-rule catalog for every member: the outcomes
    /// (written into `out`) and the household's yearly total in fen.
    pub fn run(n: usize, ms: &[Member], param: i64, out: &mut Vec<Outcome>) -> i64 {
        out.clear();
        let mut yearly = 0;
        for i in 0..n {
            for m in ms {
                let (status, missing, fen, factor) = match i % 8 {
                    0 => (Tri::Yes, 0, None, 0),
                    1 => {
                        let (s, x) = leaf(m.age, 1, |a| a >= 65);
                        (s, x, None, 0)
                    }
                    2 => {
                        let c = and(leaf(m.stage, 1, |s| s == PRIMARY || s == JUNIOR), || {
                            and(leaf(m.boarding, 2, |b| b == 1), || {
                                leaf(m.hardship, 4, |b| b == 1)
                            })
                        });
                        let fen = match m.stage {
                            PRIMARY => Some((100_000, 100_000)),
                            JUNIOR => Some((125_000, 125_000)),
                            _ => None,
                        };
                        (c.0, c.1, fen, 1)
                    }
                    3 => {
                        let c = and(leaf(m.cert, 1, |b| b == 1), || {
                            and(leaf(m.grade, 2, |g| g <= 2), || {
                                or(leaf(m.dibao, 4, |b| b == 1), || {
                                    leaf(m.low_income, 8, |b| b == 1)
                                })
                            })
                        });
                        (c.0, c.1, Some((param, param)), 12)
                    }
                    4 => {
                        let c = and(leaf(m.age, 1, |a| a >= 80), || {
                            leaf(m.hukou_local, 2, |b| b == 1)
                        });
                        (c.0, c.1, Some((10_000, 30_000)), 12)
                    }
                    5 => {
                        let c = if m.income == UNK || m.standard == UNK {
                            (
                                Tri::Unknown,
                                (m.income == UNK) as u32 | ((m.standard == UNK) as u32) << 1,
                            )
                        } else {
                            leaf(m.income, 0, |x| x < m.standard)
                        };
                        let fen = (c.0 != Tri::No && c.1 == 0)
                            .then(|| (m.standard - m.income).max(0))
                            .map(|g| (g, g));
                        (c.0, c.1, fen, 12)
                    }
                    6 => {
                        let c = and(leaf(m.stage, 1, |s| s == PRIMARY), || {
                            and(leaf(m.rural, 2, |b| b == 1), || {
                                leaf(m.pilot, 4, |b| b == 1)
                            })
                        });
                        let fen = (m.school_days >= 0)
                            .then(|| (400 * m.school_days, 400 * m.school_days));
                        let miss = (c.0 != Tri::No && m.school_days == UNK) as u32;
                        (c.0, c.1 | miss << 3, fen, 1)
                    }
                    _ => {
                        let c = or(leaf(m.tekun, 1, |b| b == 1), || {
                            and(leaf(m.orphan, 2, |b| b == 1), || leaf(m.age, 4, |a| a < 18))
                        });
                        let fen = (m.urban_standard >= 0)
                            .then(|| (m.urban_standard * 3 / 2, m.urban_standard * 3 / 2));
                        let miss = (c.0 != Tri::No && m.urban_standard == UNK) as u32;
                        (c.0, c.1 | miss << 3, fen, 12)
                    }
                };
                let fen = if status == Tri::No { None } else { fen };
                if status == Tri::Yes
                    && let Some((lo, _)) = fen
                {
                    yearly += lo * factor;
                }
                out.push(Outcome {
                    status,
                    missing,
                    fen,
                });
            }
        }
        yearly
    }
}

/// Median nanoseconds of `f` over enough runs to take about `budget_ms`.
fn median_ns(budget_ms: u128, mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    f();
    let once = t.elapsed().as_nanos().max(1);
    let runs = ((budget_ms * 1_000_000) / once).clamp(11, 20_001) as usize;
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        f();
        samples.push(t.elapsed().as_nanos() as f64);
    }
    samples.sort_by(|a, b| a.total_cmp(b));
    samples[runs / 2]
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let date = Date::parse("2019-06-01").unwrap();
    // `PROFILE=<rules>` (and `PROFILE_RUNS`, default 200): a fixed number of runs of
    // one case (4 members), for perf or callgrind.
    // `PROFILE_EDIT=<members>` (and `PROFILE_RUNS`): a fixed number of whole edits on
    // the real catalog (Haidong), for perf or callgrind.
    if let Some(m) = std::env::var_os("PROFILE_EDIT") {
        let members = m.to_str().and_then(|s| s.parse().ok()).unwrap_or(5);
        let runs = std::env::var("PROFILE_RUNS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(200);
        if let Ok(real) = estimator::catalog::embedded() {
            let h = household(members);
            for _ in 0..runs {
                whole_edit(real, "haidong", black_box(&h), date);
            }
        }
        return;
    }
    if let Some(p) = std::env::var_os("PROFILE") {
        let num = |s: Option<std::ffi::OsString>, d: usize| {
            s.and_then(|s| s.to_str()?.parse().ok()).unwrap_or(d)
        };
        let cat = synthetic(num(Some(p), 500).max(1));
        let h = household(4);
        for _ in 0..num(std::env::var_os("PROFILE_RUNS"), 200) {
            black_box(evaluate(&cat, &cat.regions[0], black_box(&h), date));
        }
        return;
    }
    let small = synthetic(500);
    let large = synthetic(5000);
    println!(
        "{:<28} {:>8} {:>14} {:>14}",
        "catalog", "members", "evaluate µs", "+questions µs"
    );
    let mut rows = Vec::new();
    for (name, cat) in [
        ("synthetic 500 rules", &small),
        ("synthetic 5000 rules", &large),
    ] {
        let region = &cat.regions[0];
        for m in [1, 4, 8] {
            let h = household(m);
            let e = median_ns(400, || {
                black_box(evaluate(cat, region, black_box(&h), date));
            });
            let q = median_ns(400, || {
                let r = evaluate(cat, region, &h, date);
                black_box(questions(&r, &h));
            });
            println!(
                "{name:<28} {m:>8} {:>14.1} {:>14.1}",
                e / 1000.0,
                q / 1000.0
            );
            rows.push((name, m, e));
        }
    }
    if let Ok(real) = estimator::catalog::embedded() {
        for region in &real.regions {
            let h = household(4);
            let e = median_ns(200, || {
                black_box(evaluate(real, region, &h, date));
            });
            println!(
                "{:<28} {:>8} {:>14.1}",
                format!(
                    "real: {} ({} rules)",
                    region.id,
                    real.effective_rules(region).len()
                ),
                4,
                e / 1000.0
            );
        }
    }
    if let Ok(real) = estimator::catalog::embedded() {
        println!(
            "{:<28} {:>8} {:>14} {:>14}",
            "whole edit (real: hebei)", "members", "app edit µs", "API JSON µs"
        );
        for m in [5, 8] {
            let h = household(m);
            let e = median_ns(400, || {
                whole_edit(real, "hebei", black_box(&h), date);
            });
            let req = estimator::api::Request {
                region: "hebei".into(),
                date: Some(date),
                household: h.clone(),
                settings: None,
            };
            let j = median_ns(400, || {
                black_box(estimator::api::estimate_text(real, black_box(&req), date).ok());
            });
            println!(
                "{:<28} {m:>8} {:>14.1} {:>14.1}",
                "",
                e / 1000.0,
                j / 1000.0
            );
        }
        let text = household_json(4).to_string();
        let p = median_ns(200, || {
            black_box(Household::from_json_str(black_box(&text)).ok());
        });
        println!("parse household JSON (4 members): {:.1} µs", p / 1000.0);
    }
    // Linearity: cost per rule at 5000 vs 500 (4 members).
    let per = |n: f64, name: &str| {
        rows.iter()
            .find(|r| r.0 == name && r.1 == 4)
            .map(|r| r.2 / n)
            .unwrap_or(0.0)
    };
    println!(
        "ns per rule (4 members): 500 → {:.1}, 5000 → {:.1}",
        per(500.0, "synthetic 500 rules"),
        per(5000.0, "synthetic 5000 rules")
    );
    // The hand-written lower bound of the same work (500 rules, 4 members).
    let lb = {
        let h = household(4);
        let r = evaluate(&small, &small.regions[0], &h, date);
        let ms = lower_bound::members(&r.member_facts, &r.household_facts);
        let mut out = Vec::with_capacity(500 * ms.len());
        lower_bound::run(500, &ms, 8000, &mut out);
        let count = |s: Tri, n: usize| (n, s);
        for s in [Tri::Yes, Tri::No, Tri::Unknown] {
            let a = out.iter().filter(|o| o.status == s).count();
            let b = r.outcomes.iter().filter(|o| o.status == s).count();
            assert_eq!(
                count(s, a),
                count(s, b),
                "the lower bound does the same work"
            );
        }
        let amounts = out.iter().filter(|o| o.fen.is_some()).count();
        let stated = r
            .outcomes
            .iter()
            .filter(|o| o.cash.and_then(|c| c.stated).is_some());
        assert_eq!(amounts, stated.count(), "as many amounts");
        let missing: u32 = out.iter().map(|o| o.missing.count_ones()).sum();
        assert_eq!(
            missing as usize,
            r.missing_pool.len(),
            "as many missing facts"
        );
        median_ns(400, || {
            black_box(lower_bound::run(500, black_box(&ms), 8000, &mut out));
        })
    };
    // Issue 24's targets, reported (a timing is never asserted: it depends on the machine).
    let engine = per(1.0, "synthetic 500 rules") / 1000.0;
    let growth = per(5000.0, "synthetic 5000 rules") / per(500.0, "synthetic 500 rules");
    let ratio = engine * 1000.0 / lb;
    println!(
        "hand-written lower bound (500 rules, 4 members): {:.1} µs; the engine takes {ratio:.1}× that",
        lb / 1000.0
    );
    println!(
        "target ≤ 12 µs and ≤ 4× the lower bound (500 rules, 4 members): {engine:.1} µs, {}; cost per rule at 5000 rules {growth:.2}× that at 500",
        if engine <= 12.0 && ratio <= 4.0 {
            "met"
        } else {
            "missed"
        }
    );
}
