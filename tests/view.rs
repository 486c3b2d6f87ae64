//! The app shapes its estimates brief and explains a result only when it is opened
//! (`view::Estimate::brief`, `view::why_of`). Over every worked example of `rules/`:
//! that estimate is the whole one less its reasons and computations, and what an
//! opened result shows is what the whole estimate (the CLI's and the JS API's) gives.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use estimator::domain::{Date, Engine, Household, evaluate};
use estimator::view::{Estimate, Status, why_of};

/// Each worked example's household with its region and date.
fn examples(engine: &Engine) -> Vec<(String, Household, Date, String)> {
    let l = common::loaded();
    let mut out = Vec::new();
    for ex in &l.examples {
        let e = &ex.example;
        let Ok(h) = common::example_household(ex, &ex.rule) else {
            continue; // a bad example is tests/rules.rs's to report
        };
        let region = engine.region(&ex.region).expect("the example's region");
        let date = e
            .date
            .as_deref()
            .and_then(Date::parse)
            .unwrap_or(region.document.valid_to);
        out.push((
            ex.region.clone(),
            h,
            date,
            format!("{} {}", ex.rule, e.name),
        ));
    }
    out
}

#[test]
fn an_opened_result_shows_what_the_whole_estimate_gives() {
    let engine = Engine::new(common::loaded().catalog);
    let (mut checked, mut computed) = (0usize, 0usize);
    for (region, h, date, name) in examples(&engine) {
        let region = engine.region(&region).unwrap();
        let report = evaluate(&engine, region, &h, date);
        let full = Estimate::new(&engine, &report, &h);
        let brief = Estimate::brief(&engine, &report, &h);
        assert!(brief.explanations.is_empty(), "{name}: reasons were shaped");
        assert_eq!(brief.results.len(), full.results.len(), "{name}");
        for (b, f) in brief.results.iter().zip(&full.results) {
            let why = why_of(&report, f.rule, f.member_index(), &h).expect("a result");
            assert_eq!(
                Some(&why.reasons),
                full.explanations
                    .get(full.result(f.rule, f.member_index()).unwrap().explanation),
                "{name}: the reasons of {} for {:?}",
                f.rule,
                f.member
            );
            assert_eq!(why.computation, f.computation, "{name}: {}", f.rule);
            computed += usize::from(why.computation.is_some());
            let mut f = f.clone();
            f.explanation = 0;
            f.computation = None;
            assert!(*b == f, "{name}: {} differs beyond why", f.rule);
            checked += 1;
        }
        // A service open to everyone is one row for all members, explained by the
        // first member who gets it.
        for o in full
            .results
            .iter()
            .filter(|o| o.status == Status::Yes && o.member.is_some())
        {
            let first = full
                .results
                .iter()
                .find(|x| x.rule == o.rule && x.status == Status::Yes)
                .unwrap();
            assert_eq!(
                why_of(&report, o.rule, None, &h)
                    .map(|w| w.reasons)
                    .as_ref(),
                full.explanations.get(first.explanation),
                "{name}: {} for everyone",
                o.rule
            );
        }
        let mut rest = full;
        rest.explanations.clear();
        rest.results.iter_mut().for_each(|o| {
            o.explanation = 0;
            o.computation = None;
        });
        assert!(rest == brief, "{name}: the estimates differ beyond why");
    }
    assert!(checked > 1000, "only {checked} results checked");
    assert!(computed > 100, "only {computed} computations checked");
}

/// `RuleInfo`'s equality takes a shortcut for the same references; it must still be
/// the equality of the texts: the same rules of two catalogs loaded apart are equal,
/// two rules are not.
#[test]
fn rule_infos_compare_by_what_they_say() {
    let a = Engine::new(common::loaded().catalog);
    let b = Engine::new(common::loaded().catalog);
    let (ra, rb) = (a.region("haidong").unwrap(), b.region("haidong").unwrap());
    let h =
        Household::from_json(&serde_json::json!({"members": [{"age": 80}, {"age": 9}]})).unwrap();
    let date = ra.document.valid_to;
    let (pa, pb) = (evaluate(&a, ra, &h, date), evaluate(&b, rb, &h, date));
    let (ea, eb) = (Estimate::brief(&a, &pa, &h), Estimate::brief(&b, &pb, &h));
    assert!(!std::ptr::eq(ea.rules[0].name, eb.rules[0].name));
    assert!(ea.rules == eb.rules);
    assert!(ea.rules.len() > 2);
    for w in ea.rules.windows(2) {
        assert!(w[0] != w[1], "{} and {}", w[0].rule, w[1].rule);
    }
    let mut other = ea.rules[0].clone();
    other.years.1 += 1;
    assert!(other != ea.rules[0], "a field that differs is seen");
}
