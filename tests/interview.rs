//! The resident's interview, simulated: start from who is in the household (relation
//! and age, what the form asks first), then answer the first question that has cash at
//! stake, from a "truth" the resident knows, until no question with cash at stake is left.
//! Issue 19's target: a median of at most 8 questions over realistic households, and no
//! question implausible for the member it is put to.

#![cfg(not(target_arch = "wasm32"))]

use estimator::catalog;
use estimator::domain::facts::{FACTS, FactId, Kind, Scope, Value, fact_by_name};
use estimator::domain::household::Facts;
use estimator::domain::plausible::is_local_figure;
use estimator::domain::{Household, evaluate, questions};
use serde_json::{Value as Json, json};

struct Case {
    region: &'static str,
    name: &'static str,
    truth: Json,
}

fn cases() -> Vec<Case> {
    let mut v = Vec::new();
    for region in ["haidong", "qinghai", "hebei", "jinan", "yanbian"] {
        v.push(Case {
            region,
            name: "85-year-old living alone",
            truth: json!({"household": {"economic_hardship": false, "dibao": false},
                "members": [{"relation": "self", "age": 85, "sex": "female", "hukou_local": true,
                    "hukou_type": "rural", "hukou_province": true, "lives_alone": true,
                    "pension_scheme": "resident", "medical_scheme": "resident",
                    "employment": "not_working", "incapacity_level": "mild",
                    "marital_status": "widowed"}]}),
        });
        v.push(Case {
            region,
            name: "family of five with pupils",
            truth: json!({"household": {"economic_hardship": false, "dibao": false,
                    "income_per_capita_month": "1800"},
                "members": [
                    {"relation": "self", "age": 38, "sex": "male", "hukou_local": true, "hukou_type": "rural",
                     "hukou_province": true, "employment": "employed", "pension_scheme": "employee",
                     "medical_scheme": "employee", "marital_status": "married"},
                    {"relation": "spouse", "age": 36, "sex": "female", "hukou_local": true, "hukou_type": "rural",
                     "hukou_province": true, "employment": "farmer", "pension_scheme": "resident",
                     "medical_scheme": "resident", "marital_status": "married"},
                    {"relation": "child", "age": 14, "sex": "male", "hukou_local": true, "hukou_type": "rural",
                     "hukou_province": true, "student_stage": "junior", "boarding": true, "public_school": true,
                     "medical_scheme": "resident"},
                    {"relation": "child", "age": 8, "sex": "female", "hukou_local": true, "hukou_type": "rural",
                     "hukou_province": true, "student_stage": "primary", "public_school": true,
                     "medical_scheme": "resident"},
                    {"relation": "parent", "age": 70, "sex": "female", "hukou_local": true, "hukou_type": "rural",
                     "hukou_province": true, "pension_scheme": "resident", "medical_scheme": "resident",
                     "employment": "farmer", "incapacity_level": "none"}]}),
        });
        v.push(Case {
            region,
            name: "dibao household with a disabled member",
            truth: json!({"household": {"dibao": true, "economic_hardship": true,
                    "income_per_capita_month": "300", "assets_within_dibao_rules": true},
                "members": [
                    {"relation": "self", "age": 52, "sex": "male", "hukou_local": true, "hukou_type": "urban",
                     "hukou_province": true, "disability_certificate": true, "disability_grade": 2,
                     "disability_type": "physical", "employment": "not_working", "able_to_work": false,
                     "pension_scheme": "resident", "medical_scheme": "resident", "needs_rehabilitation": true,
                     "incapacity_level": "moderate"},
                    {"relation": "spouse", "age": 49, "sex": "female", "hukou_local": true, "hukou_type": "urban",
                     "hukou_province": true, "employment": "flexible", "pension_scheme": "resident",
                     "medical_scheme": "resident"},
                    {"relation": "child", "age": 16, "sex": "female", "hukou_local": true, "hukou_type": "urban",
                     "hukou_province": true, "student_stage": "senior", "public_school": true,
                     "medical_scheme": "resident"}]}),
        });
        v.push(Case {
            region,
            name: "orphan living with a grandparent",
            truth: json!({"household": {"economic_hardship": true, "income_per_capita_month": "500"},
                "members": [
                    {"relation": "self", "age": 67, "sex": "female", "hukou_local": true, "hukou_type": "rural",
                     "hukou_province": true, "pension_scheme": "resident", "medical_scheme": "resident",
                     "employment": "farmer"},
                    {"relation": "grandchild", "age": 10, "sex": "male", "hukou_local": true, "hukou_type": "rural",
                     "hukou_province": true, "orphan": true, "student_stage": "primary", "public_school": true,
                     "medical_scheme": "resident"}]}),
        });
        v.push(Case {
            region,
            name: "young family with a newborn",
            truth: json!({"household": {"income_per_capita_month": "3000"},
                "members": [
                    {"relation": "self", "age": 29, "sex": "female", "hukou_local": true, "hukou_type": "urban",
                     "hukou_province": true, "postpartum": true, "employment": "employed",
                     "pension_scheme": "employee", "medical_scheme": "employee", "maternity_insured": true,
                     "marital_status": "married"},
                    {"relation": "spouse", "age": 31, "sex": "male", "hukou_local": true, "hukou_type": "urban",
                     "hukou_province": true, "employment": "employed", "pension_scheme": "employee",
                     "medical_scheme": "employee", "marital_status": "married"},
                    {"relation": "child", "age": 0, "hukou_local": true, "hukou_type": "urban",
                     "hukou_province": true, "newborn": true, "student_stage": "none"}]}),
        });
    }
    v
}

/// What the resident answers: the truth, else "no" to a yes/no question and "none"
/// where the choice has it (a resident knows what does not apply to them), else
/// "don't know" (`None`).
fn answer(truth: &Household, fact: FactId, member: Option<usize>) -> Option<Value> {
    let info = fact.info();
    // Figures no resident can state as a fact (local standards): "don't know".
    if is_local_figure(fact) {
        return None;
    }
    // The household's gate questions, from what the members are.
    let any = |f: &str, yes: &dyn Fn(Value) -> bool| {
        let id = fact_by_name(f).unwrap();
        Some(Value::Bool(
            truth.members.iter().any(|m| m.get(id).is_some_and(yes)),
        ))
    };
    match info.name {
        "household_student" => {
            let none = fact_by_name("student_stage").unwrap().info().choice("none");
            return any("student_stage", &|v| v != Value::Choice(none.unwrap()));
        }
        "household_disability" => {
            return any("disability_certificate", &|v| v == Value::Bool(true));
        }
        "household_tekun" => {
            return any("tekun", &|v| v == Value::Bool(true));
        }
        "household_special_child" => {
            return Some(Value::Bool(
                ["orphan", "de_facto_unsupported", "hiv"]
                    .iter()
                    .any(|f| any(f, &|v| v == Value::Bool(true)) == Some(Value::Bool(true))),
            ));
        }
        "household_family_planning" => {
            let none = fact_by_name("family_planning")
                .unwrap()
                .info()
                .choice("none");
            let fp = any("family_planning", &|v| v != Value::Choice(none.unwrap()));
            let sc = any("sterilization_complication", &|v| v == Value::Bool(true));
            return Some(Value::Bool(
                fp == Some(Value::Bool(true)) || sc == Some(Value::Bool(true)),
            ));
        }
        _ => {}
    }
    let known = match member {
        Some(m) => truth.members[m].get(fact),
        None => truth.facts.get(fact),
    };
    known.or(match &info.kind {
        Kind::Bool => Some(Value::Bool(false)),
        Kind::Choice { .. } => info.choice("none").map(Value::Choice),
        _ => None,
    })
}

struct Interview {
    asked: Vec<(FactId, Option<usize>)>,
}

fn interview(case: &Case) -> Interview {
    let cat = catalog::embedded().expect("catalog");
    let region = cat.region(case.region).expect("region");
    let date = region.document.valid_to;
    let truth = Household::from_json(&case.truth).expect("truth parses");
    let (relation, age) = (
        fact_by_name("relation").unwrap(),
        fact_by_name("age").unwrap(),
    );
    let mut h = Household {
        facts: Facts::default(),
        members: truth
            .members
            .iter()
            .map(|m| {
                let mut f = Facts::default();
                f.set(relation, m.get(relation));
                f.set(age, m.get(age));
                f
            })
            .collect(),
    };
    let mut dont_know: Vec<(FactId, Option<usize>)> = Vec::new();
    let mut asked = Vec::new();
    for _ in 0..400 {
        let r = evaluate(cat, region, &h, date);
        let qs = questions(&r, &h);
        let Some(q) = qs.iter().find(|q| {
            q.amount > rust_decimal::Decimal::ZERO && !dont_know.contains(&(q.fact, q.member))
        }) else {
            break;
        };
        asked.push((q.fact, q.member));
        // A member fact asked of the household (the bug of issue 19) is answered as the
        // first member would.
        let m = match (q.member, q.fact.info().scope) {
            (None, Scope::Member) => Some(0),
            (m, _) => m,
        };
        match answer(&truth, q.fact, m) {
            Some(v) => match q.member {
                Some(i) => h.members[i].set(q.fact, Some(v)),
                None => h.facts.set(q.fact, Some(v)),
            },
            None => dont_know.push((q.fact, q.member)),
        }
    }
    Interview { asked }
}

/// Questions no one should put to a member of this age, whatever the catalog: an
/// independent list, not the engine's own table.
fn implausible(fact: &str, age: i64) -> bool {
    const CHILD_ONLY: &[&str] = &[
        "orphan",
        "de_facto_unsupported",
        "parents_migrant",
        "plight_child",
        "child_welfare_institution",
        "child_welfare_certificate",
        "kindergarten_year",
        "newborn",
        "inclusive_kindergarten",
    ];
    const NOT_FOR_THE_OLD: &[&str] = &[
        "student_stage",
        "boarding",
        "public_school",
        "vocational_year",
        "postgraduate_admitted",
        "pregnant",
        "postpartum",
        "planning_pregnancy",
        "school_days",
        "graduate_within_year",
        "graduate_within_two_years",
        "youth",
        "childbearing_age",
    ];
    const ADULT_ONLY: &[&str] = &[
        "employment",
        "pension_scheme",
        "family_planning",
        "sterilization_complication",
        "veteran",
        "pregnant",
        "postpartum",
        "marital_status",
        "unemployment_insured",
        "wants_job",
        "pension_age_reached",
        "school_teacher",
    ];
    (age >= 18 && CHILD_ONLY.contains(&fact))
        || (age >= 60 && NOT_FOR_THE_OLD.contains(&fact))
        || (age < 16 && ADULT_ONLY.contains(&fact))
        || (age >= 1 && fact == "newborn")
}

#[test]
fn a_short_interview_with_no_implausible_question() {
    let age = fact_by_name("age").unwrap();
    let mut counts = Vec::new();
    let mut wrong = Vec::new();
    for c in cases() {
        let i = interview(&c);
        let truth = Household::from_json(&c.truth).unwrap();
        let names: Vec<String> = i
            .asked
            .iter()
            .map(|(f, m)| {
                let name = FACTS[f.index()].name;
                match m {
                    Some(m) => format!("{name}@{m}"),
                    None => name.to_string(),
                }
            })
            .collect();
        for (f, m) in &i.asked {
            let info = f.info();
            match (info.scope, m) {
                (Scope::Member, None) => {
                    wrong.push(format!("{}: {} asked of the household", c.name, info.name))
                }
                (_, Some(m)) => {
                    if let Some(Value::Int(a)) = truth.members[*m].get(age)
                        && implausible(info.name, a)
                    {
                        wrong.push(format!(
                            "{} ({}): {} asked of a member aged {a}",
                            c.name, c.region, info.name
                        ));
                    }
                }
                _ => {}
            }
        }
        println!(
            "{:8} {:40} {:3}  {}",
            c.region,
            c.name,
            i.asked.len(),
            names.join(" ")
        );
        counts.push(i.asked.len());
    }
    assert!(counts.len() >= 20);
    counts.sort();
    let median = counts[counts.len() / 2];
    println!(
        "households {}, median {median}, most {}",
        counts.len(),
        counts[counts.len() - 1]
    );
    assert!(wrong.is_empty(), "implausible questions: {wrong:#?}");
    assert!(
        median <= 8,
        "median interview of {median} questions (target: at most 8)"
    );
}
