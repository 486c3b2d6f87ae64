//! Engine behaviour on a small inline catalog: the region tree, dated and derived
//! amounts, every shape of amount, catalog errors, questions, near misses, and
//! property tests over arbitrary households.

#![cfg(not(target_arch = "wasm32"))]

use estimator::catalog::{CatalogError, SourceFile, load};
use estimator::domain::condition::Tri;
use estimator::domain::near_miss::near_miss_text;
use estimator::domain::{
    Date, Engine, Household, evaluate, evaluate_unplanned, near_misses, questions,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::json;

const PARENT: &str = r#"
[region]
id = "p"
zh = "省"
en = "Province"
[document]
file = "p.txt"
title = "省规划"
valid_from = "2016-01-01"
valid_to = "2020-12-31"
[[areas]]
id = "a"
zh = "甲"
en = "A"
items = 9
[[params]]
id = "living"
zh = "生活补贴标准"
en = "Living subsidy"
schedule = [{ from = "2016-01-01", value = "60" }, { from = "2017-01-01", value = "70" }, { from = "2020-01-01", value = "100" }]
source = { file = "p.txt", item = "1", lines = [1, 1], quote = ["x"] }
[[params]]
id = "double"
zh = "两倍"
en = "Double"
scaled = { factor = "2", of = "living" }
"#;

const PARENT_RULES: &str = r#"
[[rules]]
id = "p.1"
item = "1"
area = "a"
zh = "老人补贴"
en = "Elder allowance"
target = "80岁以上老人"
content = "每人每月 100 元"
content_en = "100 a month"
payer = "省"
department = "民政"
when = "age >= 80"
source = { file = "p.txt", item = "1", lines = [1, 2], quote = ["80岁"] }
[rules.amount]
period = "month"
per = "person"
tiers = [
  { zh = "80-89", en = "80-89", when = "age >= 80 and age < 90", fixed = "100" },
  { zh = "90+", en = "90+", when = "age >= 90", fixed = "200" },
]

[[rules]]
id = "p.2"
item = "2"
area = "a"
zh = "残疾补贴"
en = "Disability subsidy"
target = "持证低保残疾人"
content = "…"
content_en = "…"
payer = "省"
department = "残联"
when = "disability_certificate and dibao"
source = { file = "p.txt", item = "2", lines = [3, 3], quote = ["持证"] }
[rules.amount]
period = "month"
per = "person"
fixed = "$living"

[[rules]]
id = "p.3"
valid_from = "2018-01-01"
item = "3"
area = "a"
zh = "健康档案"
en = "Health record"
target = "城乡居民"
content = "…"
content_en = "…"
payer = "省"
department = "卫健"
source = { file = "p.txt", item = "3", lines = [4, 4], quote = ["居民"] }

[[rules]]
id = "p.4"
item = "4"
area = "a"
scope = "household"
zh = "低保"
en = "Dibao"
target = "低收入家庭"
content = "…"
content_en = "…"
payer = "市县"
department = "民政"
when = "income_per_capita_month < local_dibao_standard_month"
source = { file = "p.txt", item = "4", lines = [5, 5], quote = ["家庭"] }
[rules.amount]
period = "month"
per = "household"
gap = { standard = "@local_dibao_standard_month", income = "@income_per_capita_month", times_household = true }

[[rules]]
id = "p.5"
item = "5"
area = "a"
zh = "幼儿资助"
en = "Preschool aid"
target = "幼儿"
content = "…"
content_en = "…"
payer = "县"
department = "教育"
when = "student_stage == preschool"
source = { file = "p.txt", item = "5", lines = [6, 6], quote = ["幼儿"] }
[rules.amount]
period = "year"
per = "student"
range = ["500", "1000"]
decided_by = "各县自定"

[[rules]]
id = "p.6"
item = "6"
area = "a"
zh = "特困"
en = "Tekun"
target = "特困"
content = "…"
content_en = "…"
payer = "县"
department = "民政"
when = "tekun"
source = { file = "p.txt", item = "6", lines = [7, 7], quote = ["特困"] }
[rules.amount]
period = "month"
per = "person"
fixed = "1.5 * @urban_dibao_standard_month"
"#;

const CHILD: &str = r#"
[region]
id = "c"
zh = "市"
en = "City"
parent = "p"
[document]
file = "c.txt"
title = "市标准"
valid_from = "2022-01-01"
valid_to = "2025-12-31"
[[areas]]
id = "a"
zh = "甲"
en = "A"
items = 1
"#;

const CHILD_RULES: &str = r#"
[[rules]]
id = "c.1"
item = "1"
area = "a"
zh = "高龄补贴（市）"
en = "City elder allowance"
target = "80岁以上"
content = "…"
content_en = "…"
payer = "市"
department = "民政"
when = "age >= 80"
replaces = ["p.1"]
source = { file = "c.txt", item = "1", lines = [1, 1], quote = ["80"] }
[rules.amount]
period = "month"
per = "person"
at_least = "150"
"#;

fn file(path: &str, toml_src: &str) -> SourceFile {
    let v: toml::Value = toml::from_str(toml_src).unwrap_or_else(|e| panic!("{path}: {e}"));
    SourceFile {
        path: path.into(),
        content: serde_json::to_value(v).unwrap(),
    }
}

fn files() -> Vec<SourceFile> {
    vec![
        file("p/region.toml", PARENT),
        file("p/rules.toml", PARENT_RULES),
        file("c/region.toml", CHILD),
        file("c/rules.toml", CHILD_RULES),
    ]
}

fn catalog() -> Engine {
    Engine::new(load(files()).unwrap().catalog)
}

fn hh(v: serde_json::Value) -> Household {
    Household::from_json(&v).unwrap()
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn status(
    c: &Engine,
    region: &str,
    h: &Household,
    date: &str,
    rule: &str,
    member: Option<usize>,
) -> (Tri, Option<estimator::domain::MoneyRange>) {
    let r = evaluate(c, c.region(region).unwrap(), h, d(date));
    let o = r
        .outcomes
        .iter()
        .find(|o| o.rule.id == rule && o.member_index() == member)
        .unwrap_or_else(|| panic!("{rule} not in force"));
    (o.status, o.cash.as_ref().and_then(|c| c.stated))
}

#[test]
fn child_region_inherits_and_replaces() {
    let c = catalog();
    let h = hh(json!({"members": [{"age": 85}]}));
    let r = evaluate(&c, c.region("c").unwrap(), &h, d("2023-01-01"));
    let ids: Vec<_> = r.outcomes.iter().map(|o| o.rule.id.as_str()).collect();
    assert!(
        ids.contains(&"c.1") && ids.contains(&"p.2") && !ids.contains(&"p.1"),
        "{ids:?}"
    );
    // The parent alone still has its own rule.
    let (s, amt) = status(&c, "p", &h, "2020-01-01", "p.1", Some(0));
    assert_eq!((s, amt.map(|a| a.min)), (Tri::Yes, Some(dec!(100))));
    // At-least amounts stay open-ended in totals.
    assert_eq!(r.total.yearly.min, dec!(1800));
    assert_eq!(r.total.yearly.max, None);
}

#[test]
fn rules_can_start_within_the_period() {
    let c = catalog();
    let h = hh(json!({"members": [{}]}));
    let ids = |date: &str| {
        let r = evaluate(&c, c.region("p").unwrap(), &h, d(date));
        r.outcomes
            .iter()
            .map(|o| o.rule.id.clone())
            .collect::<Vec<_>>()
    };
    assert!(!ids("2017-12-31").contains(&"p.3".to_string()));
    assert!(ids("2018-01-01").contains(&"p.3".to_string()));
}

#[test]
fn tiers_at_their_edges() {
    let c = catalog();
    for (age, want) in [
        (79, None),
        (80, Some(dec!(100))),
        (89, Some(dec!(100))),
        (90, Some(dec!(200))),
    ] {
        let h = hh(json!({"members": [{"age": age}]}));
        let (_, amt) = status(&c, "p", &h, "2020-01-01", "p.1", Some(0));
        assert_eq!(amt.map(|a| a.min), want, "age {age}");
    }
    // Age unknown: eligibility unknown and the amount spans the tiers.
    let h = hh(json!({"members": [{}]}));
    let r = evaluate(&c, c.region("p").unwrap(), &h, d("2020-01-01"));
    let o = r.outcomes.iter().find(|o| o.rule.id == "p.1").unwrap();
    assert_eq!(o.status, Tri::Unknown);
    assert_eq!(
        o.cash.as_ref().unwrap().stated,
        estimator::domain::MoneyRange::parse("100..200")
    );
}

#[test]
fn dated_parameters_follow_the_evaluation_date() {
    let c = catalog();
    let h =
        hh(json!({"household": {"dibao": true}, "members": [{"disability_certificate": true}]}));
    for (date, want) in [
        ("2015-05-01", dec!(60)),
        ("2016-06-01", dec!(60)),
        ("2018-06-01", dec!(70)),
        ("2020-06-01", dec!(100)),
        ("2026-11-25", dec!(100)),
    ] {
        let (s, amt) = status(&c, "p", &h, date, "p.2", Some(0));
        assert_eq!(s, Tri::Yes);
        assert_eq!(amt.unwrap().min, want, "{date}");
    }
    let r = evaluate(&c, c.region("p").unwrap(), &h, d("2026-11-25"));
    assert_eq!(r.dated.len(), 1, "a date past the period is flagged");
    let r = evaluate(&c, c.region("p").unwrap(), &h, d("2019-01-01"));
    assert!(r.dated.is_empty());
    // Scaled parameters derive from the schedule.
    assert_eq!(
        c.region("p").unwrap().params_at(d("2020-06-01"))[1],
        Some(dec!(200))
    );
}

#[test]
fn gap_formula_and_fact_references() {
    let c = catalog();
    let h = hh(
        json!({"household": {"income_per_capita_month": "300", "local_dibao_standard_month": "650.50"}, "members": [{}, {}, {}]}),
    );
    let (s, amt) = status(&c, "p", &h, "2020-01-01", "p.4", None);
    assert_eq!((s, amt.unwrap().min), (Tri::Yes, dec!(1051.50)));
    let h = hh(
        json!({"household": {"urban_dibao_standard_month": "700"}, "members": [{"tekun": true}]}),
    );
    let (_, amt) = status(&c, "p", &h, "2020-01-01", "p.6", Some(0));
    assert_eq!(amt.unwrap().min, dec!(1050));
    // Standard unknown: eligible, amount pending, and the fact is asked for.
    let h = hh(json!({"members": [{"tekun": true}]}));
    let r = evaluate(&c, c.region("p").unwrap(), &h, d("2020-01-01"));
    let o = r.outcomes.iter().find(|o| o.rule.id == "p.6").unwrap();
    assert_eq!(o.status, Tri::Yes);
    assert!(o.cash.as_ref().unwrap().stated.is_none());
    assert_eq!(r.total.cash_pending, 1);
    assert!(
        questions(&r, &h)
            .iter()
            .any(|q| q.name == "urban_dibao_standard_month")
    );
}

#[test]
fn questions_rank_what_matters_and_skip_the_decided() {
    let c = catalog();
    let h = hh(
        json!({"members": [{"age": 30, "student_stage": "none", "tekun": false, "disability_certificate": false}]}),
    );
    let r = evaluate(&c, c.region("p").unwrap(), &h, d("2020-01-01"));
    let names: Vec<_> = questions(&r, &h).iter().map(|q| q.name).collect();
    // Nothing about this adult is undecided except the household's income test.
    assert!(
        !names.contains(&"age") && !names.contains(&"dibao") && !names.contains(&"student_stage"),
        "{names:?}"
    );
    assert!(names.contains(&"income_per_capita_month"));
    let h = hh(json!({"members": [{}]}));
    let r = evaluate(&c, c.region("p").unwrap(), &h, d("2020-01-01"));
    let qs = questions(&r, &h);
    assert!(qs.len() >= 5);
    assert!(
        qs.windows(2).all(|w| w[0].amount > w[1].amount
            || (w[0].amount == w[1].amount && w[0].rules >= w[1].rules)),
        "ranked by cash at stake, then count"
    );
    // Age decides the most cash here (the elder tiers), so it is asked first.
    assert_eq!(
        qs[0].name,
        "age",
        "{:?}",
        qs.iter().map(|q| q.name).collect::<Vec<_>>()
    );
}

#[test]
fn near_misses_name_the_smallest_change() {
    let c = catalog();
    let h = hh(json!({"members": [{"age": 77}]}));
    let r = evaluate(&c, c.region("p").unwrap(), &h, d("2020-01-01"));
    let m = near_misses(&r, &h);
    let n = m
        .iter()
        .find(|n| r.outcomes[n.outcome].rule.id == "p.1")
        .expect("age near miss");
    let t = near_miss_text(n);
    assert!(t.zh.contains("80") && t.zh.contains("3 年后"), "{}", t.zh);
    // Too far off (more than ten years) is not a near miss.
    let h = hh(json!({"members": [{"age": 40}]}));
    let r = evaluate(&c, c.region("p").unwrap(), &h, d("2020-01-01"));
    assert!(
        near_misses(&r, &h)
            .iter()
            .all(|n| r.outcomes[n.outcome].rule.id != "p.1")
    );
    // Income just above the line.
    let h = hh(
        json!({"household": {"income_per_capita_month": "700", "local_dibao_standard_month": "650"}, "members": [{}]}),
    );
    let r = evaluate(&c, c.region("p").unwrap(), &h, d("2020-01-01"));
    let n = near_misses(&r, &h)
        .into_iter()
        .find(|n| r.outcomes[n.outcome].rule.id == "p.4")
        .unwrap();
    assert!(
        near_miss_text(&n).zh.contains("649.99"),
        "{}",
        near_miss_text(&n).zh
    );
}

fn broken(path: &str, find: &str, replace: &str) -> CatalogError {
    let mut fs = files();
    let f = fs.iter_mut().find(|f| f.path == path).unwrap();
    let src = match path {
        "p/region.toml" => PARENT,
        "p/rules.toml" => PARENT_RULES,
        "c/region.toml" => CHILD,
        _ => CHILD_RULES,
    };
    assert!(src.contains(find), "{find}");
    *f = file(path, &src.replacen(find, replace, 1));
    load(fs).unwrap_err()
}

#[test]
fn broken_rule_files_are_refused_with_their_location() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "p/rules.toml",
            "content_en = \"100 a month\"",
            "content_en = \"x\"\ncolour = \"red\"",
            "p/rules.toml rule `p.1` field `colour`",
        ),
        (
            "p/rules.toml",
            "when = \"age >= 80\"",
            "when = \"agee >= 80\"",
            "unknown fact `agee`",
        ),
        (
            "p/rules.toml",
            "fixed = \"$living\"",
            "fixed = \"12,5\"",
            "`12,5` is not a non-negative decimal",
        ),
        (
            "p/rules.toml",
            "fixed = \"$living\"",
            "fixed = \"-5\"",
            "p/rules.toml rule `p.2` field `amount.fixed`",
        ),
        (
            "p/rules.toml",
            "id = \"p.2\"",
            "id = \"p.1\"",
            "duplicate id `p.1`",
        ),
        (
            "p/rules.toml",
            "when = \"age >= 90\", fixed = \"200\"",
            "when = \"age >= 85\", fixed = \"200\"",
            "overlap",
        ),
        (
            "p/rules.toml",
            "source = { file = \"p.txt\", item = \"3\", lines = [4, 4], quote = [\"居民\"] }",
            "",
            "rule `p.3` field `source`",
        ),
        (
            "p/rules.toml",
            "quote = [\"居民\"]",
            "quote = []",
            "quote the words",
        ),
        (
            "p/rules.toml",
            "lines = [4, 4]",
            "lines = [4, 2]",
            "bad line range",
        ),
        (
            "p/rules.toml",
            "area = \"a\"",
            "area = \"zz\"",
            "unknown area `zz`",
        ),
        (
            "p/rules.toml",
            "fixed = \"$living\"",
            "fixed = \"$nope\"",
            "unknown parameter `nope`",
        ),
        (
            "p/rules.toml",
            "decided_by = \"各县自定\"",
            "",
            "who sets the exact figure",
        ),
        (
            "p/rules.toml",
            "period = \"year\"",
            "period = \"fortnight\"",
            "fortnight",
        ),
        (
            "c/rules.toml",
            "replaces = [\"p.1\"]",
            "replaces = [\"p.99\"]",
            "unknown rule of a parent region `p.99`",
        ),
        (
            "c/region.toml",
            "parent = \"p\"",
            "parent = \"q\"",
            "unknown region `q`",
        ),
        (
            "p/region.toml",
            "valid_to = \"2020-12-31\"",
            "valid_to = \"2020-13-31\"",
            "document.valid_to",
        ),
        (
            "p/region.toml",
            "of = \"living\"",
            "of = \"later\"",
            "unknown parameter (declare it before) `later`",
        ),
    ];
    for (path, find, replace, want) in cases {
        let e = broken(path, find, replace).to_string();
        assert!(
            e.contains(want),
            "{find} → {replace}: got `{e}`, wanted `{want}`"
        );
    }
}

fn arb_member() -> impl Strategy<Value = serde_json::Value> {
    (
        proptest::option::of(0i64..=130),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(prop_oneof![
            Just("none"),
            Just("preschool"),
            Just("primary"),
            Just("junior"),
            Just("senior")
        ]),
        proptest::option::of(1i64..=4),
    )
        .prop_map(|(age, cert, tekun, stage, grade)| {
            let mut m = serde_json::Map::new();
            if let Some(a) = age {
                m.insert("age".into(), json!(a));
            }
            if let Some(c) = cert {
                m.insert("disability_certificate".into(), json!(c));
            }
            if let Some(t) = tekun {
                m.insert("tekun".into(), json!(t));
            }
            if let Some(s) = stage {
                m.insert("student_stage".into(), json!(s));
            }
            if let Some(g) = grade {
                m.insert("disability_grade".into(), json!(g));
            }
            serde_json::Value::Object(m)
        })
}

fn arb_household() -> impl Strategy<Value = serde_json::Value> {
    (
        proptest::collection::vec(arb_member(), 1..8),
        proptest::option::of(0u32..5000),
        proptest::option::of(0u32..2000),
        proptest::option::of(any::<bool>()),
        proptest::option::of(0u32..2000),
    )
        .prop_map(|(members, income, standard, dibao, urban)| {
            let mut h = serde_json::Map::new();
            if let Some(i) = income {
                h.insert("income_per_capita_month".into(), json!(i.to_string()));
            }
            if let Some(s) = standard {
                h.insert("local_dibao_standard_month".into(), json!(s.to_string()));
            }
            if let Some(d) = dibao {
                h.insert("dibao".into(), json!(d));
            }
            if let Some(u) = urban {
                h.insert("urban_dibao_standard_month".into(), json!(u.to_string()));
            }
            json!({"household": h, "members": members})
        })
}

/// A household answering a random part of every fact the catalogs know (values within
/// each fact's range; numbers near the small end, where the thresholds are).
fn arb_any_household() -> impl Strategy<Value = serde_json::Value> {
    use estimator::domain::facts::{FactId, Kind, Scope, fact_count};
    let n = fact_count();
    (
        1usize..6,
        proptest::collection::vec(proptest::option::weighted(0.6, any::<u32>()), n * 7),
    )
        .prop_map(move |(members, draws)| {
            let value = |i: usize, r: u32| {
                let info = FactId::new(i).unwrap().info();
                match &info.kind {
                    Kind::Bool => json!(r.is_multiple_of(2)),
                    Kind::Int { min, max, .. } => {
                        json!(min + i64::from(r) % ((max - min).clamp(0, 120) + 1))
                    }
                    Kind::Money { max } => json!((i64::from(r) % (max.min(&6000) + 1)).to_string()),
                    Kind::Choice { choices } => json!(choices[r as usize % choices.len()].code),
                }
            };
            let facts = |scope: Scope, row: usize| {
                let mut m = serde_json::Map::new();
                for i in 0..n {
                    let info = FactId::new(i).unwrap().info();
                    if info.scope == scope
                        && !info.is_derived()
                        && let Some(r) = draws[row * n + i]
                    {
                        m.insert(info.name.into(), value(i, r));
                    }
                }
                serde_json::Value::Object(m)
            };
            // Members 0 and 1 often answer alike, so that shared amounts are exercised.
            let ms: Vec<_> = (0..members)
                .map(|k| {
                    facts(
                        Scope::Member,
                        if k == 1 {
                            1 + (draws[0].is_some() as usize)
                        } else {
                            k + 1
                        },
                    )
                })
                .collect();
            json!({"household": facts(Scope::Household, 0), "members": ms})
        })
}

fn outcomes_of(c: &Engine, h: &Household) -> Vec<(String, Option<usize>, Tri)> {
    let r = evaluate(c, c.region("c").unwrap(), h, d("2023-01-01"));
    r.outcomes
        .iter()
        .map(|o| (o.rule.id.clone(), o.member_index(), o.status))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn totals_are_sums_and_never_negative(v in arb_household()) {
        let c = catalog();
        let h = Household::from_json(&v).unwrap();
        for region in ["p", "c"] {
            let r = evaluate(&c, c.region(region).unwrap(), &h, d("2023-01-01"));
            let sum = r.members.iter().fold(r.household_rules, |a, t| a + *t);
            prop_assert_eq!(sum, r.total);
            prop_assert!(r.total.yearly.min >= Decimal::ZERO);
            for o in &r.outcomes {
                if let Some(s) = o.cash.as_ref().and_then(|c| c.stated) {
                    prop_assert!(s.min >= Decimal::ZERO);
                    prop_assert!(s.max.is_none_or(|m| m >= s.min));
                }
            }
            // Explanations and questions never panic either.
            let _ = questions(&r, &h);
            let _ = near_misses(&r, &h);
            for o in &r.outcomes { let _ = estimator::domain::explain(&r, o, &h); }
        }
    }

    #[test]
    fn compiled_plans_agree_with_the_condition_trees(
        v in prop_oneof![arb_household(), arb_any_household()],
        date in 0usize..3,
    ) {
        // `evaluate` runs each rule's compiled plan (and shares work between members);
        // walking the condition trees must give the very same report, for the test
        // catalog and for every real region.
        let h = Household::from_json(&v).unwrap();
        let day = d(["2017-06-01", "2021-06-01", "2026-06-01"][date]);
        let test = catalog();
        let real = estimator::catalog::embedded().unwrap();
        for (c, region) in test.regions.iter().map(|r| (&test, r)).chain(real.regions.iter().map(|r| (real, r))) {
            let (a, b) = (evaluate(c, region, &h, day), evaluate_unplanned(c, region, &h, day));
            prop_assert_eq!(a.outcomes.len(), b.outcomes.len());
            for (x, y) in a.outcomes.iter().zip(&b.outcomes) {
                let at = (&x.rule.id, x.member, region.id.as_str());
                prop_assert_eq!((&x.rule.id, x.member), (&y.rule.id, y.member));
                prop_assert_eq!(x.status, y.status, "{:?}", at);
                prop_assert_eq!(a.missing(x), b.missing(y), "{:?}", at);
                prop_assert_eq!(x.cash, y.cash, "{:?}", at);
            }
            prop_assert_eq!(a.total, b.total);
            prop_assert_eq!(&a.members, &b.members);
        }
    }

    #[test]
    fn questions_count_every_missing_fact_once_per_outcome(v in arb_any_household()) {
        // questions() indexes its questions by (fact, member); recount them plainly.
        // A member fact a household rule misses is counted for each member whose own
        // answer the rule waits for, and never as a household question.
        use estimator::domain::condition::Ctx;
        use estimator::domain::outcome::CashOut;
        use estimator::domain::facts::{FactId, Scope};
        use std::collections::BTreeMap;
        let h = Household::from_json(&v).unwrap();
        let real = estimator::catalog::embedded().unwrap();
        for region in &real.regions {
            let r = evaluate(real, region, &h, d("2021-06-01"));
            let mut want: BTreeMap<(FactId, Option<usize>), (u32, Decimal)> = BTreeMap::new();
            for o in &r.outcomes {
                let at_stake = o.cash.as_ref().map_or(Decimal::ZERO, CashOut::at_stake);
                let mut count = |(f, m): (FactId, Option<usize>)| {
                    // A fact that cannot apply is not asked; a gate is asked first.
                    let Some((f, m)) = estimator::domain::plausible::ask_instead(
                        f, m, &r.member_facts, &r.household_facts,
                    ) else {
                        return;
                    };
                    let e = want.entry((f, m)).or_insert((0, Decimal::ZERO));
                    e.0 += 1;
                    e.1 += at_stake;
                };
                for f in r.missing(o) {
                    let info = f.info();
                    if info.is_derived() {
                        continue;
                    }
                    match (info.scope, o.member_index()) {
                        (Scope::Member, Some(m)) => count((*f, Some(m))),
                        (Scope::Household, _) => count((*f, None)),
                        (Scope::Member, None) => {
                            let ctx = Ctx {
                                member: None,
                                household: &r.household_facts,
                                members: &r.member_facts,
                                params: r.params_of(o.region),
                            };
                            for i in 0..h.members.len() {
                                let mut miss = Vec::new();
                                o.rule.when.member_missing(&ctx, i, &mut miss);
                                if miss.contains(f) {
                                    count((*f, Some(i)));
                                }
                            }
                        }
                    }
                }
            }
            let qs = questions(&r, &h);
            for q in &qs {
                prop_assert!(
                    q.member.is_some() || q.fact.info().scope == Scope::Household,
                    "member fact {} asked of the household", q.name
                );
            }
            let got: BTreeMap<_, _> = qs
                .iter()
                .map(|q| ((q.fact, q.member), (q.rules, q.amount)))
                .collect();
            prop_assert_eq!(got.len(), qs.len(), "a question asked twice");
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn raising_income_never_newly_meets_an_income_test(v in arb_household(), extra in 1u32..3000) {
        let c = catalog();
        let h = Household::from_json(&v).unwrap();
        // Raising an answered income (answering an unanswered one is another property).
        prop_assume!(v["household"]["income_per_capita_month"].is_string());
        let mut richer = v.clone();
        let base: u32 = v["household"]["income_per_capita_month"].as_str().unwrap().parse().unwrap();
        richer["household"]["income_per_capita_month"] = json!((base + extra).to_string());
        let hr = Household::from_json(&richer).unwrap();
        for ((id, m, before), (_, _, after)) in outcomes_of(&c, &h).into_iter().zip(outcomes_of(&c, &hr)) {
            if before != Tri::Yes {
                prop_assert_ne!(after, Tri::Yes, "{} member {:?} became eligible with more income", id, m);
            }
        }
    }

    #[test]
    fn answering_never_contradicts_a_decided_outcome(v in arb_household(), full in arb_household()) {
        // Fill the unanswered facts of `v` from `full`: a decided yes/no must not change,
        // and an outcome that is "no" while unanswered facts remain is final.
        let c = catalog();
        let h = Household::from_json(&v).unwrap();
        let mut merged = full.clone();
        for (k, val) in v["household"].as_object().unwrap() { merged["household"][k] = val.clone(); }
        let n = v["members"].as_array().unwrap().len();
        let fm = full["members"].as_array().unwrap();
        // What the engine assumed of a member (not in school at 36) is not an answer
        // still to come: answering otherwise corrects it, and may change anything.
        let (hh, _) = estimator::domain::plausible::resolve_household(&h.household_facts());
        let (_, assumed) = estimator::domain::plausible::resolve(&hh, &h.members);
        let members: Vec<_> = (0..n).map(|i| {
            let mut m = fm.get(i).cloned().unwrap_or(json!({}));
            for (f, _) in &assumed[i] {
                if let Some(o) = m.as_object_mut() { o.remove(f.info().name); }
            }
            for (k, val) in v["members"][i].as_object().unwrap() { m[k] = val.clone(); }
            m
        }).collect();
        merged["members"] = json!(members);
        let hm = Household::from_json(&merged).unwrap();
        for ((id, m, before), (_, _, after)) in outcomes_of(&c, &h).into_iter().zip(outcomes_of(&c, &hm)) {
            if before != Tri::Unknown {
                prop_assert_eq!(before, after, "{} member {:?}", id, m);
            }
        }
    }
}

#[test]
fn api_output_carries_exact_yearly_and_rounded_monthly_totals() {
    let out = estimator::api::estimate_str(
        r#"{"region": "hebei", "date": "2020-06-01", "household": {"economic_hardship": true},
            "members": [{"age": 14, "student_stage": "junior", "boarding": true}]}"#,
        None,
        d("2026-11-25"),
    )
    .unwrap();
    assert_eq!(out["schema"], "benefit-estimate/2");
    let t = &out["totals"]["household"];
    assert_eq!(t["yearly"]["min"], "1250");
    assert_eq!(
        t["monthly"]["min"], "104.17",
        "1250 / 12 rounded to the fen"
    );
    assert_eq!(out["documents"][0]["dated"], false);
    let r = out["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "hebei.3")
        .unwrap();
    assert_eq!(r["status"], "yes");
    assert_eq!(r["cash"]["tier"]["zh"], "初中生");
    let rule = out["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["rule"] == "hebei.3")
        .unwrap();
    assert!(
        rule["source"]["quotes"][0]
            .as_str()
            .unwrap()
            .contains("寄宿学生")
    );
    // Errors are structured and name the field.
    let e = estimator::api::estimate_str(
        r#"{"region": "hebei", "members": [{"age": "x"}]}"#,
        None,
        d("2026-11-25"),
    )
    .unwrap_err();
    assert_eq!(e.path().as_deref(), Some("members[0].age"));
    assert_eq!(e.to_json()["error"]["code"], "invalid_household");
    let e = estimator::api::estimate_str(
        r#"{"region": "atlantis", "members": [{}]}"#,
        None,
        d("2026-11-25"),
    )
    .unwrap_err();
    assert_eq!(e.path().as_deref(), Some("region"));
}

#[test]
fn a_range_whose_ends_meet_keeps_the_first_ends_scale() {
    // A range from a fact to a literal: when the answer equals the literal, both ends
    // are the first end, scale and all (as Decimal's own min and max give them).
    let rules = r#"
[[rules]]
id = "t.1"
item = "1"
area = "a"
zh = "区间"
en = "Range"
target = "人"
content = "…"
content_en = "…"
payer = "县"
department = "民政"
scope = "household"
source = { file = "p.txt", item = "1", lines = [1, 1], quote = ["幼儿"] }
[rules.amount]
period = "month"
per = "household"
range = ["@income_per_capita_month", "650"]
decided_by = "各县自定"
"#;
    let c = Engine::new(
        load(vec![
            file("p/region.toml", PARENT),
            file("p/rules.toml", rules),
        ])
        .unwrap()
        .catalog,
    );
    let h = hh(json!({"household": {"income_per_capita_month": "650.0"}, "members": [{}]}));
    for r in [
        evaluate(&c, c.region("p").unwrap(), &h, d("2023-01-01")),
        evaluate_unplanned(&c, c.region("p").unwrap(), &h, d("2023-01-01")),
    ] {
        let s = r.outcomes[0].cash.unwrap().stated.unwrap();
        assert_eq!(
            (s.min.to_string(), s.max.map(|m| m.to_string())),
            ("650.0".into(), Some("650.0".into()))
        );
    }
}

fn arb_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0u32..8).prop_map(|(m, s)| Decimal::new(m % 10_000_000, s)),
        (any::<i64>(), 0u32..29).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::ZERO),
        Just(Decimal::MAX),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    #[test]
    fn fast_money_arithmetic_is_decimals_own(a in arb_decimal(), b in arb_decimal()) {
        // The mantissa fast paths must give what Decimal gives: the same value and the
        // same scale (an amount prints as it is stored).
        use estimator::domain::money::{mul_exact, sub_exact};
        if let Some(want) = a.checked_mul(b) {
            let got = mul_exact(a, b);
            prop_assert_eq!((got, got.to_string()), (want, want.to_string()));
        }
        if let Some(want) = a.checked_sub(b) {
            let got = sub_exact(a, b);
            prop_assert_eq!((got, got.to_string()), (want, want.to_string()));
        }
    }
}

#[test]
fn member_facts_are_asked_of_members_never_of_the_household() {
    // Issue 19's first bug: a household rule's `any_member(age >= 80)` made 年龄 a
    // household question, and a household answer then stood for every member's age.
    use estimator::domain::facts::{Value, fact_by_name};
    let real = estimator::catalog::embedded().unwrap();
    let region = real.region("qinghai").unwrap();
    let day = d("2023-06-01");
    let h = hh(json!({"household": {"economic_hardship": true}, "members": [{"age": 30}, {}]}));
    let r = evaluate(real, region, &h, day);
    let qs = questions(&r, &h);
    let age: Vec<_> = qs
        .iter()
        .filter(|q| q.name == "age")
        .map(|q| q.member)
        .collect();
    // Only the member whose age is unanswered is asked it; the 30-year-old's own age
    // already rules them out of `any_member(age >= 80)`.
    assert_eq!(age, vec![Some(1)]);
    // A member fact set on the household (as the app once did) changes nothing.
    let mut wrong = h.clone();
    wrong
        .facts
        .set(fact_by_name("age").unwrap(), Some(Value::Int(85)));
    let w = evaluate(real, region, &wrong, day);
    let statuses = |r: &estimator::domain::Report| -> Vec<_> {
        r.outcomes
            .iter()
            .map(|o| (o.rule.id.clone(), o.member, o.status))
            .collect()
    };
    assert_eq!(statuses(&w), statuses(&r));
    assert_eq!(w.total, r.total);
}

#[test]
fn a_waived_fee_is_summed_apart_and_never_as_cash() {
    // Issue 20, cause 1: haidong.18 免除学费 (2000 a year) was added to the cash total.
    let out = estimator::api::estimate_str(
        r#"{"region": "haidong", "date": "2024-06-01",
            "members": [{"age": 18, "student_stage": "vocational", "full_time_registered": true,
                         "vocational_year": 3}]}"#,
        None,
        d("2026-11-25"),
    )
    .unwrap();
    let r = out["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "haidong.18")
        .unwrap();
    assert_eq!(r["status"], "yes");
    assert_eq!(r["cash"]["paid"], "waived");
    let t = &out["totals"]["household"];
    assert_eq!(t["waived_yearly"]["min"], "2000");
    assert_eq!(t["waived"], 1);
    // Cash totals hold only money paid: whatever else this pupil gets, not the 2000.
    let cash: Vec<&serde_json::Value> = out["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "yes" && r["cash"]["paid"] == "cash")
        .collect();
    let paid: Decimal = cash
        .iter()
        .filter_map(|r| r["cash"]["yearly"]["min"].as_str())
        .map(|s| s.parse::<Decimal>().unwrap())
        .sum();
    assert_eq!(
        t["yearly"]["min"]
            .as_str()
            .unwrap()
            .parse::<Decimal>()
            .unwrap(),
        paid
    );
}
