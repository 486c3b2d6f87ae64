//! What the JS API returns, checked on real output: no number is a float (money is a
//! decimal string). Its TypeScript types are generated from the view's Rust types and
//! checked against the committed `src/js_api.d.ts` by `src/view/ts.rs`.
#![cfg(not(target_arch = "wasm32"))]

use estimator::api;
use estimator::domain::Date;
use serde_json::Value as Json;

/// Every number in `v` is a whole number; returns how many there were.
fn assert_no_floats(v: &Json, path: &str) -> usize {
    match v {
        Json::Number(n) => {
            assert!(n.is_i64() || n.is_u64(), "{path} is a float: {n}");
            1
        }
        Json::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, x)| assert_no_floats(x, &format!("{path}[{i}]")))
            .sum(),
        Json::Object(o) => o
            .iter()
            .map(|(k, x)| assert_no_floats(x, &format!("{path}.{k}")))
            .sum(),
        _ => 0,
    }
}

fn example() -> Json {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/hebei-family.json"
    ))
    .unwrap();
    api::estimate_str(&text, None, Date::new(2026, 1, 1).unwrap()).unwrap()
}

#[test]
fn no_output_number_is_a_float_and_money_is_a_string() {
    let est = example();
    assert!(assert_no_floats(&est, "estimate") > 0);
    let cat = api::embedded().unwrap();
    for r in cat.regions.iter() {
        assert_no_floats(&api::catalog_json(cat, &r.id).unwrap(), &r.id);
    }
    assert_no_floats(&api::regions_json(cat), "regions");
    let t = &est["totals"]["household"];
    for k in ["yearly", "once", "possible_yearly", "monthly"] {
        assert!(t[k]["min"].is_string(), "{k}.min");
    }
    for q in est["questions"].as_array().unwrap() {
        assert!(q["amount"].is_string());
        if q["kind"]["type"] == "money" {
            assert!(q["kind"]["max"].is_string(), "money bound {q}");
        }
    }
}
