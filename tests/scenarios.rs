//! What would change (issue 23): the household's yearly cash along its income per head,
//! with every cliff found at the exact fen, and over the next years as its members age.

#![cfg(not(target_arch = "wasm32"))]

use estimator::catalog;
use estimator::domain::scenarios::{income_curve, over_time};
use estimator::domain::{Date, Household, Tri, evaluate};
use rust_decimal::Decimal;
use serde_json::json;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn household(v: serde_json::Value) -> Household {
    Household::from_json(&v).unwrap()
}

/// A 低保 household of three, income 300 a head against a standard of 650: where the
/// income reaches the standard, 低保 ends, in every region whose 低保 reads income.
#[test]
fn a_dibao_household_loses_dibao_exactly_at_the_standard() {
    let cat = catalog::embedded().unwrap();
    for (region, rule) in [
        ("haidong", "haidong.55"),
        ("hebei", "hebei.46"),
        ("jinan", "jinan.48"),
    ] {
        let r = cat.region(region).unwrap();
        let h = household(json!({
            "household": {"dibao": true, "income_per_capita_month": "300",
                          "local_dibao_standard_month": "650"},
            "members": [{"age": 40, "relation": "self", "hukou_province": true},
                        {"age": 38, "relation": "spouse", "hukou_province": true},
                        // A boarder: the hardship aid follows from 低保 (家庭经济困难).
                        {"age": 14, "relation": "child", "hukou_province": true,
                         "student_stage": "junior", "boarding": true, "public_school": true}]}));
        let date = Date::parse("2020-06-01").unwrap();
        let c = income_curve(cat, r, &h, date, None)
            .unwrap_or_else(|| panic!("{region}: a 低保 rule reads income"));
        assert!(c.dibao_by_income, "{region}");
        assert_eq!(c.current, Some(d("300")), "{region}");
        // At the household's own income the curve is the estimate on screen: its 低保,
        // and what follows from it, still hold there.
        let now = c
            .points
            .iter()
            .find(|p| p.income == d("300"))
            .unwrap()
            .yearly;
        assert_eq!(now, evaluate(cat, r, &h, date).total.yearly, "{region}");
        let cliff = c
            .cliffs
            .iter()
            .find(|k| k.changes.iter().any(|ch| ch.rule == rule))
            .unwrap_or_else(|| panic!("{region}: no cliff for {rule}: {:?}", c.cliffs));
        assert_eq!(
            cliff.at,
            d("650"),
            "{region}: 低保 ends where income = standard"
        );
        let ch = cliff.changes.iter().find(|ch| ch.rule == rule).unwrap();
        // Above the standard 低保 no longer holds by income (Haidong's item still
        // leaves 长期支出型贫困, unanswered, open).
        assert_eq!(ch.before.status, Tri::Yes, "{region}");
        assert_ne!(ch.after.status, Tri::Yes, "{region}");
        // The points are increasing and include both sides of the cliff to the fen.
        assert!(c.points.windows(2).all(|w| w[0].income < w[1].income));
        assert!(c.points.iter().any(|p| p.income == d("649.99")));
        assert!(c.points.last().unwrap().income > d("650"));
    }
}

/// Where a 低保 amount is the gap, the curve is exact: Hebei's 低保 for three people is
/// (650 − income) × 3 a month, 23 400 a year at no income.
#[test]
fn the_hebei_gap_is_exact_along_the_curve() {
    let cat = catalog::embedded().unwrap();
    let r = cat.region("hebei").unwrap();
    let h = household(json!({
        "household": {"dibao": true, "income_per_capita_month": "300",
                      "local_dibao_standard_month": "650"},
        "members": [{"age": 40}, {"age": 38}, {"age": 10}]}));
    let c = income_curve(cat, r, &h, Date::parse("2020-06-01").unwrap(), None).unwrap();
    let at = |v: &str| c.points.iter().find(|p| p.income == d(v)).unwrap().yearly;
    let zero = at("0");
    let edge = at("649.99");
    let after = at("650");
    // Only the gap moves with income: the rest of the household's cash is the same.
    assert_eq!(zero.min - edge.min, d("23400") - d("0.36"));
    assert_eq!(edge.min - after.min, d("0.36"));
}

/// A household whose rules read no income has no curve.
#[test]
fn no_curve_where_no_rule_reads_income() {
    let cat = catalog::embedded().unwrap();
    let r = cat.region("qinghai").unwrap();
    let h = household(json!({"members": [{"age": 40}]}));
    assert!(income_curve(cat, r, &h, Date::parse("2023-06-01").unwrap(), None).is_none());
}

/// Without the local standard, the 低保 cliff cannot be placed: the curve says which
/// figure it needs.
#[test]
fn an_unknown_standard_is_named_not_guessed() {
    let cat = catalog::embedded().unwrap();
    let r = cat.region("hebei").unwrap();
    let h = household(json!({"household": {"income_per_capita_month": "300"},
        "members": [{"age": 40}]}));
    let c = income_curve(cat, r, &h, Date::parse("2020-06-01").unwrap(), None).unwrap();
    let names: Vec<_> = c.unknown_thresholds.iter().map(|f| f.info().name).collect();
    assert!(names.contains(&"local_dibao_standard_month"), "{names:?}");
    assert!(
        c.cliffs
            .iter()
            .all(|k| k.changes.iter().all(|ch| ch.rule != "hebei.46"))
    );
}

/// An 89-year-old in Haidong: the 高龄补贴 steps from 120 to 140 a month the year she
/// turns 90, and nothing else about her changes that year.
#[test]
fn an_89_year_old_steps_up_at_90() {
    let cat = catalog::embedded().unwrap();
    let r = cat.region("haidong").unwrap();
    let h = household(
        json!({"members": [{"age": 89, "relation": "self", "sex": "female",
        "hukou_local": true, "hukou_type": "rural"}]}),
    );
    let date = Date::parse("2024-06-01").unwrap();
    let years = over_time(cat, r, &h, date, None, 10);
    assert_eq!(years.len(), 11);
    assert_eq!(years[0].year, 2024);
    assert!(years[0].changes.is_empty());
    let y = &years[1];
    assert_eq!(y.year, 2025);
    let (ch, age) = y
        .changes
        .iter()
        .find(|(c, _)| c.rule == "haidong.49-longevity")
        .unwrap_or_else(|| panic!("no 高龄补贴 change in 2025: {:?}", y.changes));
    assert_eq!(*age, Some(90));
    assert_eq!(ch.before.monthly.map(|m| m.min), Some(d("120")));
    assert_eq!(ch.after.monthly.map(|m| m.min), Some(d("140")));
    assert_eq!(y.yearly.min - years[0].yearly.min, d("240"));
    // 2026–2034: 90–99, the same tier; 2035: 100.
    for y in &years[2..10] {
        assert!(
            y.changes
                .iter()
                .all(|(c, _)| c.rule != "haidong.49-longevity"),
            "{}: {:?}",
            y.year,
            y.changes
        );
    }
}

/// An answer that no longer fits a member's new age is dropped: a student of 30 is not
/// still at university at 36, where the age band of 在读学段 ends.
#[test]
fn an_answer_that_no_longer_fits_the_age_is_dropped() {
    let cat = catalog::embedded().unwrap();
    let r = cat.region("haidong").unwrap();
    let h = household(json!({"household": {"economic_hardship": true},
        "members": [{"age": 30, "relation": "self",
        "student_stage": "higher", "full_time_registered": true,
        "disability_certificate": true}]}));
    let years = over_time(cat, r, &h, Date::parse("2024-06-01").unwrap(), None, 10);
    // 3000 a year for a disabled university student in hardship, until 36.
    let changed: Vec<_> = years
        .iter()
        .flat_map(|y| y.changes.iter().map(move |(c, a)| (y.year, c, *a)))
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    let (year, c, age) = changed[0];
    assert_eq!(
        (year, c.rule.as_str(), age),
        (2030, "haidong.66-hardship", Some(36))
    );
    assert_eq!((c.before.status, c.after.status), (Tri::Yes, Tri::No));
    assert_eq!(years[6].yearly.min, years[5].yearly.min - d("3000"));
}
