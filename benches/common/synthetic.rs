//! The synthetic catalog and households of the engine benchmarks: `benches/evaluate.rs`
//! (native) and `tests/wasm_bench.rs` (the same work in the browser).

use estimator::catalog::{SourceFile, load};
use estimator::domain::{Engine, Household};
use serde_json::json;

/// A catalog of `n` rules cycling through the shapes real lists use.
pub fn synthetic(n: usize) -> Engine {
    let region = json!({
        "region": {"id": "s", "zh": "合成", "en": "Synthetic"},
        "document": {"file": "s.txt", "title": "t", "valid_from": "2016-01-01", "valid_to": "2020-12-31"},
        "areas": [{"id": "a", "zh": "甲", "en": "A", "items": n}],
        "params": [{"id": "p", "zh": "标准", "en": "std", "schedule": [{"from": "2016-01-01", "value": "60"}, {"from": "2018-01-01", "value": "80"}],
                    "source": {"file": "s.txt", "item": "0", "lines": [1, 1], "quote": ["x"]}}],
    });
    let shapes = [
        (None, json!(null)),
        (Some("age >= 65"), json!(null)),
        (
            Some("student_stage in [primary, junior] and boarding and economic_hardship"),
            json!({"period": "year", "per": "student", "tiers": [
             {"zh": "小", "en": "p", "when": "student_stage == primary", "fixed": "1000"},
             {"zh": "初", "en": "j", "when": "student_stage == junior", "fixed": "1250"}]}),
        ),
        (
            Some("disability_certificate and disability_grade <= 2 and (dibao or low_income)"),
            json!({"period": "month", "per": "person", "fixed": "$p"}),
        ),
        (
            Some("age >= 80 and hukou_local"),
            json!({"period": "month", "per": "person", "range": ["100", "300"], "decided_by": "县定"}),
        ),
        (
            Some("income_per_capita_month < local_dibao_standard_month"),
            json!({"period": "month", "per": "person", "gap": {"standard": "@local_dibao_standard_month", "income": "@income_per_capita_month"}}),
        ),
        (
            Some("student_stage == primary and hukou_type == rural and nutrition_pilot_area"),
            json!({"period": "year", "per": "student", "rate": "4", "count": "school_days"}),
        ),
        (
            Some("tekun or (orphan and age < 18)"),
            json!({"period": "month", "per": "person", "fixed": "1.5 * @urban_dibao_standard_month"}),
        ),
    ];
    let rules: Vec<_> = (0..n)
        .map(|i| {
            let (when, amount) = &shapes[i % shapes.len()];
            let mut r = json!({"id": format!("s.{i}"), "item": i.to_string(), "area": "a", "zh": "项", "en": "item", "target": "t",
                               "content": "c", "content_en": "c", "payer": "p", "department": "d",
                               "source": {"file": "s.txt", "item": i.to_string(), "lines": [1, 1], "quote": ["x"]}});
            if let Some(w) = when { r["when"] = json!(w); }
            if !amount.is_null() { r["amount"] = amount.clone(); }
            r
        })
        .collect();
    let files = vec![
        SourceFile {
            path: "s/region.toml".into(),
            content: region,
        },
        SourceFile {
            path: "s/rules.toml".into(),
            content: json!({"rules": rules}),
        },
    ];
    Engine::new(load(files).expect("synthetic catalog validates").catalog)
}

pub fn household_json(members: usize) -> serde_json::Value {
    let templates = [
        json!({"relation": "self", "age": 45, "hukou_local": true, "hukou_type": "rural", "student_stage": "none", "disability_certificate": false}),
        json!({"relation": "spouse", "age": 43, "disability_certificate": true, "disability_grade": 2}),
        json!({"relation": "child", "age": 13, "student_stage": "junior", "boarding": true}),
        json!({"relation": "parent", "age": 82, "hukou_local": true}),
        json!({"relation": "child", "age": 9, "student_stage": "primary", "school_days": 200}),
        json!({"relation": "parent"}),
    ];
    let ms: Vec<_> = (0..members)
        .map(|i| templates[i % templates.len()].clone())
        .collect();
    json!({"household": {"economic_hardship": true, "income_per_capita_month": "400", "local_dibao_standard_month": "650", "nutrition_pilot_area": true}, "members": ms})
}

pub fn household(members: usize) -> Household {
    Household::from_json(&household_json(members)).unwrap()
}
