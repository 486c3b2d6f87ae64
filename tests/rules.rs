//! One test over the whole `rules/` folder: every file validates, every worked example
//! gives its expected outcome, every quote is in its cited lines, and the item counts
//! per area match the source lists.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use estimator::domain::condition::Tri;
use estimator::domain::{Date, Engine, MoneyRange, evaluate};
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[test]
fn every_rule_file_validates() {
    let l = common::loaded();
    assert!(!l.catalog.regions.is_empty(), "no regions in rules/");
    // The embedded bundle must be the same catalog (build.rs applies the same filter).
    let embedded = estimator::catalog::embedded().expect("embedded catalog validates");
    assert_eq!(embedded.catalog(), &l.catalog);
}

#[test]
fn worked_examples_hold() {
    let l = common::loaded();
    let engine = Engine::new(l.catalog.clone());
    let mut failures = Vec::new();
    let mut run = 0;
    // rule id -> (statuses seen, tiers seen)
    let mut seen: HashMap<String, (BTreeSet<String>, BTreeSet<usize>)> = HashMap::new();
    // rule id -> (fact, whole-number value) pairs its examples use
    let mut values: HashMap<String, BTreeSet<(String, i64)>> = HashMap::new();
    for ex in &l.examples {
        let e = &ex.example;
        let used = values.entry(ex.rule.clone()).or_default();
        let maps = e
            .member
            .iter()
            .chain(e.members.iter().flatten())
            .chain([&e.household]);
        for m in maps {
            for (k, v) in m {
                if let Some(i) = v.as_i64() {
                    used.insert((k.clone(), i));
                }
            }
        }
        let e = &ex.example;
        let region = engine.region(&ex.region).unwrap();
        let where_ = format!("{} rule {} example `{}`", ex.file, ex.rule, e.name);
        let hh = match common::example_household(ex, &where_) {
            Ok(h) => h,
            Err(err) => {
                failures.push(format!("{where_}: bad household: {err}"));
                continue;
            }
        };
        let date = match &e.date {
            Some(d) => Date::parse(d).unwrap_or_else(|| panic!("{where_}: bad date")),
            None => region.document.valid_to,
        };
        let report = evaluate(&engine, region, &hh, date);
        let idx = e.member_index.unwrap_or(0);
        let Some(o) = report.outcomes.iter().find(|o| {
            o.rule.id == ex.rule && (o.member.is_none() || o.member_index() == Some(idx))
        }) else {
            failures.push(format!("{where_}: rule not in force in {}", ex.region));
            continue;
        };
        let want = match e.expect.as_str() {
            "eligible" => Tri::Yes,
            "not_eligible" => Tri::No,
            "undetermined" => Tri::Unknown,
            other => panic!("{where_}: expect `{other}`"),
        };
        let entry = seen.entry(ex.rule.clone()).or_default();
        entry.0.insert(format!("{:?}", o.status));
        if let Some(t) = o.cash.as_ref().and_then(|c| c.tier_index()) {
            entry.1.insert(t);
        }
        if o.status != want {
            failures.push(format!(
                "{where_}: expected {want:?}, got {:?} (missing {:?})",
                o.status,
                report.missing(o)
            ));
        }
        let stated = o.cash.as_ref().and_then(|c| c.stated);
        let yearly = o.cash.as_ref().and_then(|c| c.yearly());
        for (label, want, got) in [("amount", &e.amount, stated), ("yearly", &e.yearly, yearly)] {
            if let Some(w) = want {
                let w =
                    MoneyRange::parse(w).unwrap_or_else(|| panic!("{where_}: bad {label} `{w}`"));
                if got != Some(w) {
                    failures.push(format!("{where_}: {label} expected {w}, got {got:?}"));
                }
            }
        }
        run += 1;
    }
    // Coverage: a conditional rule shows one household that gets it and one that does
    // not; a tiered amount shows every tier.
    use estimator::domain::rule::{Amount, Applicability};
    for r in &l.catalog.regions {
        for rule in &r.rules {
            if rule.applicability != Applicability::Resident {
                continue;
            }
            let (statuses, tiers) = seen.get(&rule.id).cloned().unwrap_or_default();
            if !rule.is_universal() {
                for s in ["Yes", "No"] {
                    if !statuses.contains(s) {
                        failures.push(format!(
                            "{} rule {}: no worked example with outcome {s}",
                            r.id, rule.id
                        ));
                    }
                }
            }
            if let Amount::Tiers(ts) = &rule.amount {
                let used = values.get(&rule.id).cloned().unwrap_or_default();
                for (i, t) in ts.iter().enumerate() {
                    if !tiers.contains(&i) {
                        failures.push(format!(
                            "{} rule {}: no worked example reaches tier `{}`",
                            r.id, rule.id, t.label.zh
                        ));
                    }
                    // Both sides of every whole-number edge (age 79 / 80).
                    let mut edges = Vec::new();
                    int_edges(&t.when, &mut edges);
                    for (fact, a, b) in edges {
                        for v in [a, b] {
                            if !used.contains(&(fact.to_string(), v)) {
                                failures.push(format!(
                                    "{} rule {}: tier `{}` has no worked example with {fact} = {v} (its edge)",
                                    r.id, rule.id, t.label.zh
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(run > 0, "no worked examples ran");
}

/// The two values either side of each `fact <op> whole number` in a condition.
fn int_edges(c: &estimator::domain::Cond, out: &mut Vec<(&'static str, i64, i64)>) {
    use estimator::domain::condition::{CmpOp, Cond, Operand};
    use estimator::domain::facts::Value;
    match c {
        Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| int_edges(c, out)),
        Cond::Not(c) | Cond::AnyMember(c) => int_edges(c, out),
        Cond::Cmp {
            fact,
            op,
            rhs: Operand::Lit(Value::Int(v)),
        } => {
            let v = *v;
            let edge = match op {
                CmpOp::Ge | CmpOp::Lt => (v - 1, v),
                CmpOp::Gt | CmpOp::Le => (v, v + 1),
                CmpOp::Eq | CmpOp::Ne => return,
            };
            out.push((fact.info().name, edge.0, edge.1));
        }
        _ => {}
    }
}

/// Whitespace-free text, so quotes match across the PDF conversion's line breaks.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_quote_is_in_its_cited_lines() {
    let l = common::loaded();
    let seeds = common::seeds_dir();
    let mut docs: HashMap<String, Vec<String>> = HashMap::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut check = |who: String, c: &estimator::domain::rule::Citation| {
        let lines = docs.entry(c.file.clone()).or_insert_with(|| {
            std::fs::read_to_string(seeds.join(&c.file))
                .unwrap_or_else(|e| panic!("{}: {e}", c.file))
                .lines()
                .map(str::to_string)
                .collect()
        });
        let (a, b) = (c.lines.0 as usize, c.lines.1 as usize);
        if b > lines.len() {
            failures.push(format!("{who}: lines {a}-{b} beyond the end of {}", c.file));
            return;
        }
        let text = squash(&lines[a - 1..b].join(""));
        for q in &c.quotes {
            checked += 1;
            if !text.contains(&squash(q)) {
                failures.push(format!("{who}: quote not in {} lines {a}-{b}: {q}", c.file));
            }
        }
    };
    for r in &l.catalog.regions {
        for rule in &r.rules {
            check(format!("{} {}", r.id, rule.id), &rule.citation);
        }
        for p in &r.params {
            if let Some(c) = &p.citation {
                check(format!("{} param {}", r.id, p.id), c);
            }
        }
        for f in &r.figures {
            if let estimator::domain::figures::Origin::Document { citation } = &f.origin {
                check(format!("{} figure {}", r.id, f.fact.info().name), citation);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 0);
}

/// Regions whose catalog is complete: their item count per area must equal the source's.
/// A region joins this list when its catalog issue lands.
const COMPLETE: &[&str] = &["hebei", "jinan", "yanbian", "qinghai", "haidong"];

#[test]
fn item_counts_per_area_match_the_source() {
    let l = common::loaded();
    for r in &l.catalog.regions {
        let mut items: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for rule in &r.rules {
            items
                .entry(rule.area.as_str())
                .or_default()
                .insert(rule.citation.item.as_str());
        }
        for a in &r.areas {
            let n = items.get(a.id.as_str()).map_or(0, |s| s.len()) as u32;
            assert!(
                n <= a.items,
                "{} area {}: {n} items encoded, source has {}",
                r.id,
                a.id,
                a.items
            );
            if COMPLETE.contains(&r.id.as_str()) {
                assert_eq!(n, a.items, "{} area {}: item count", r.id, a.id);
            }
        }
    }
}

/// Issue 20, cause 1: an amount whose own words waive or reduce a fee, or provide
/// something free at a stated value, is never counted as cash paid. Rules whose
/// content also mentions a waiver but whose amount is money paid out are listed here
/// with the reason.
#[test]
fn no_waived_fee_is_counted_as_cash() {
    use estimator::domain::rule::{Amount, Paid};
    const CASH_ALTHOUGH_A_WAIVER_IS_MENTIONED: &[(&str, &str)] = &[];
    let l = common::loaded();
    let mut wrong = Vec::new();
    for region in &l.catalog.regions {
        for rule in &region.rules {
            let leaves: Vec<_> = match &rule.amount {
                Amount::InKind => continue,
                Amount::Cash(l) => vec![l],
                Amount::Tiers(ts) => ts.iter().map(|t| &t.leaf).collect(),
            };
            let text = format!("{}{}", rule.content.zh, rule.name.zh);
            let waives = [
                "免除",
                "减免",
                "免收",
                "免费",
                "免学费",
                "免缴",
                "营养膳食补助",
                "代缴",
            ]
            .iter()
            .any(|w| text.contains(w));
            let cash = leaves.iter().any(|l| l.paid == Paid::Cash);
            let listed = CASH_ALTHOUGH_A_WAIVER_IS_MENTIONED
                .iter()
                .any(|(id, _)| *id == rule.id);
            if waives && cash && !listed {
                wrong.push(format!("{}: {}", rule.id, rule.content.zh));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "waivers counted as cash:\n{}",
        wrong.join("\n")
    );
}

/// Issue 20, cause 6: a rule whose target names a status civil affairs recognises
/// (低保, 特困) reads the resident's answer to it, so a household that already holds the
/// status is never asked to prove it again through income, assets or the three 特困
/// conditions. Rules whose target names the status only as a source of another test
/// (e.g. "低保标准") are not caught: the words below name the people.
#[test]
fn a_recognised_status_named_by_the_target_is_read() {
    use estimator::domain::facts::fact_by_name;
    const GROUPS: &[(&[&str], &[&str])] = &[
        (
            &[
                "低保对象",
                "低保家庭",
                "最低生活保障对象",
                "最低生活保障家庭",
                "低保户",
            ],
            &["dibao"],
        ),
        (
            &["特困人员", "特困供养", "特困救助对象"],
            &["tekun", "household_tekun"],
        ),
    ];
    // The status is one case of a wider condition the rule reads.
    const STATUS_IS_ONE_CASE: &[(&str, &str)] = &[
        (
            "hebei.49",
            "低保家庭 whose necessary spending jumps: one case of temporary_hardship",
        ),
        (
            "jinan.51-household",
            "低保家庭 whose necessary spending jumps: one case of temporary_hardship",
        ),
    ];
    let l = common::loaded();
    let mut wrong = Vec::new();
    for region in &l.catalog.regions {
        for rule in &region.rules {
            if STATUS_IS_ONE_CASE.iter().any(|(id, _)| *id == rule.id) {
                continue;
            }
            let mut read = Vec::new();
            rule.when.facts(&mut read);
            for (words, facts) in GROUPS {
                let named = words.iter().find(|w| rule.target.contains(*w));
                let reads = facts
                    .iter()
                    .any(|f| read.contains(&fact_by_name(f).expect("a known fact")));
                if let Some(w) = named
                    && !reads
                {
                    wrong.push(format!(
                        "{}: target names {w} but `when` reads none of {facts:?}: {}",
                        rule.id, rule.target
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} rules:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Issue 20, cause 2: where a rule's note states its reading of an age ("儿童按未满 18 周岁
/// 理解", "老年人按 60 周岁及以上理解"), its condition compares age at that number, so the
/// condition (and with it every worked example) cannot drift from the stated reading.
#[test]
fn an_age_the_note_states_is_the_age_the_condition_reads() {
    let l = common::loaded();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for region in &l.catalog.regions {
        for rule in &region.rules {
            let mut edges = Vec::new();
            int_edges(&rule.when, &mut edges);
            if let estimator::domain::rule::Amount::Tiers(ts) = &rule.amount {
                for t in ts {
                    int_edges(&t.when, &mut edges);
                }
            }
            let ages: Vec<i64> = edges
                .iter()
                .filter(|(f, _, _)| *f == "age")
                .flat_map(|(_, a, b)| [*a, *b])
                .collect();
            let note = rule.note.as_ref().map_or("", |n| n.zh.as_str());
            for sentence in note.split(['。', '；']) {
                if !sentence.contains("理解") {
                    continue;
                }
                for n in stated_ages(sentence) {
                    checked += 1;
                    if !ages.contains(&n) {
                        wrong.push(format!(
                            "{}: the note reads {n} 周岁 but the condition compares age at {ages:?}: “{sentence}”",
                            rule.id
                        ));
                    }
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} rules:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    eprintln!("{checked} stated ages checked");
    assert!(
        checked >= 20,
        "only {checked} stated ages found: is the note format still read?"
    );
}

/// The numbers written just before "周岁" in a sentence.
fn stated_ages(s: &str) -> Vec<i64> {
    let mut out = Vec::new();
    for (i, _) in s.match_indices("周岁") {
        let digits: String = s[..i]
            .trim_end()
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if let Ok(n) = digits.parse() {
            out.push(n);
        }
    }
    out
}
