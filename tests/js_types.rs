//! The TypeScript types of the JavaScript API (`src/js_api.d.ts`) say what the API
//! really returns: the member and household fact interfaces are generated from `FACTS`,
//! and every hand-written interface has exactly the keys of real output. Also: no
//! number in any output is a float (money is a decimal string).
//!
//! After changing `FACTS`: `UPDATE_TS=1 cargo test --test js_types`.
#![cfg(not(target_arch = "wasm32"))]

use estimator::api;
use estimator::domain::Date;
use estimator::domain::facts::{FACTS, Kind, Scope};
use serde_json::Value as Json;
use std::collections::{BTreeMap, BTreeSet};

const TS_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/js_api.d.ts");
const BEGIN: &str = "// <generated facts>";
const END: &str = "// </generated facts>";

/// `Member` and `HouseholdFacts`, one optional property per askable fact.
fn facts_ts() -> String {
    let doc = |s: &str| s.replace("*/", "* /");
    let mut out = String::new();
    for (scope, name, what) in [
        (
            Scope::Member,
            "Member",
            "一位家庭成员的情况 · Facts about one member.",
        ),
        (
            Scope::Household,
            "HouseholdFacts",
            "家庭整体的情况 · Facts about the household as a whole.",
        ),
    ] {
        out += &format!("/** {what} Leave out or null what is not known. */\n");
        out += &format!("export interface {name} {{\n");
        for f in FACTS.iter().filter(|f| f.scope == scope && !f.is_derived()) {
            let (ty, bounds) = match &f.kind {
                Kind::Bool => ("boolean".to_string(), String::new()),
                Kind::Int { min, max, .. } => {
                    ("number".into(), format!(" (whole number {min}–{max})"))
                }
                Kind::Money { max } => ("Money".into(), format!(" (yuan, 0–{max})")),
                Kind::Choice { choices } => (
                    choices
                        .iter()
                        .map(|c| format!("\"{}\"", c.code))
                        .collect::<Vec<_>>()
                        .join(" | "),
                    String::new(),
                ),
            };
            let comment = format!("{} · {}{bounds}. {}", f.zh, f.en, f.hint_en);
            out += &format!(
                "  /** {} */\n  {}?: {ty} | null;\n",
                doc(comment.trim_end()),
                f.name
            );
        }
        out += "}\n";
    }
    out
}

#[test]
fn fact_interfaces_are_generated_from_facts() {
    let text = std::fs::read_to_string(TS_FILE).unwrap();
    let start = text.find(BEGIN).expect("begin marker") + BEGIN.len();
    let start = start + text[start..].find('\n').expect("marker line ends") + 1;
    let end = text.find(END).expect("end marker");
    let want = facts_ts();
    if text[start..end] != want {
        if std::env::var_os("UPDATE_TS").is_some() {
            std::fs::write(TS_FILE, format!("{}{want}{}", &text[..start], &text[end..])).unwrap();
        } else {
            panic!(
                "src/js_api.d.ts is out of date with FACTS: run `UPDATE_TS=1 cargo test --test js_types`"
            );
        }
    }
}

/// Interface name → property names (own and inherited by `extends`).
fn interfaces() -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(TS_FILE).unwrap();
    let mut own: BTreeMap<String, (Option<String>, BTreeSet<String>)> = BTreeMap::new();
    let mut cur: Option<String> = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("export interface ") {
            let mut words = rest.split_whitespace();
            let name = words.next().unwrap().to_string();
            let parent = match words.next() {
                Some("extends") => Some(words.next().unwrap().to_string()),
                _ => None,
            };
            own.insert(name.clone(), (parent, BTreeSet::new()));
            cur = Some(name);
        } else if line == "}" {
            cur = None;
        } else if let (Some(c), Some(prop)) = (&cur, line.strip_prefix("  "))
            && let Some((key, _)) = prop.split_once(':')
            && !key.starts_with(['/', '*', ' '])
        {
            let key = key.trim_end_matches('?').to_string();
            own.get_mut(c).unwrap().1.insert(key);
        }
    }
    own.keys()
        .map(|name| {
            let mut keys = BTreeSet::new();
            let mut at = Some(name.clone());
            while let Some(n) = at {
                let (parent, k) = &own[&n];
                keys.extend(k.iter().cloned());
                at = parent.clone();
            }
            (name.clone(), keys)
        })
        .collect()
}

fn keys(v: &Json) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect()
}

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

fn all(v: &Json) -> Vec<&Json> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .collect()
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
fn every_interface_has_exactly_the_keys_of_real_output() {
    let ifaces = interfaces();
    let check = |name: &str, samples: Vec<&Json>| {
        let want = ifaces
            .get(name)
            .unwrap_or_else(|| panic!("no interface {name}"));
        assert!(!samples.is_empty(), "no sample for {name}");
        for s in samples {
            assert_eq!(&keys(s), want, "{name} vs {s}");
        }
    };

    let est = example();
    check("EstimateResult", vec![&est]);
    check("DocumentUsed", all(&est["documents"]));
    let t = &est["totals"];
    let mut totals = vec![&t["household"], &t["household_rules"]];
    totals.extend(all(&t["members"]));
    check("Totals", totals);
    check("MoneyRange", vec![&t["household"]["yearly"]]);
    let results = all(&est["results"]);
    check("Outcome", results.clone());
    let rules = all(&est["rules"]);
    check("RuleInfo", rules.clone());
    // Every result's rule is in `rules`, every explanation index in `explanations`.
    let explanations = all(&est["explanations"]);
    for r in &results {
        assert!(rules.iter().any(|x| x["rule"] == r["rule"]), "{r}");
        assert!((r["explanation"].as_u64().unwrap() as usize) < explanations.len());
    }
    assert!(
        est["omitted"].as_u64().unwrap() > 0,
        "the example has outcomes left out"
    );
    check(
        "Cash",
        results
            .iter()
            .map(|r| &r["cash"])
            .filter(|c| !c.is_null())
            .collect(),
    );
    check("Reason", explanations.iter().flat_map(|r| all(r)).collect());
    check("Citation", rules.iter().map(|r| &r["source"]).collect());
    check("Question", all(&est["questions"]));
    check(
        "Choice",
        all(&est["questions"])
            .iter()
            .filter_map(|q| q["choices"].as_array())
            .flatten()
            .collect(),
    );
    check("NotResidentFacing", all(&est["not_resident_facing"]));

    // A deployment's figures and a document's own, with the settings that gave them.
    let cat = api::embedded().unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/settings/");
    let read = |f: &str| std::fs::read_to_string(format!("{dir}{f}")).unwrap();
    let settings: Json = serde_json::from_str(&read("haidong.json")).unwrap();
    check("Settings", vec![&settings]);
    check(
        "SettingsFigure",
        settings["regions"]["haidong"]
            .as_object()
            .unwrap()
            .values()
            .collect(),
    );
    let mut with_figures = Vec::new();
    for s in [Some(&settings), None] {
        let mut req = api::parse_request(
            &serde_json::from_str(&read("haidong-household.json")).unwrap(),
            None,
            cat,
        )
        .unwrap();
        req.settings = s.map(|s| api::parse_settings(s, cat).unwrap());
        with_figures.push(api::estimate(cat, &req, Date::new(2026, 1, 1).unwrap()).unwrap());
    }
    check("EstimateResult", with_figures.iter().collect());
    let used: Vec<&Json> = with_figures
        .iter()
        .flat_map(|e| all(&e["figures"]))
        .collect();
    assert!(used.iter().any(|f| f["origin"] == "deployment"));
    assert!(used.iter().any(|f| f["origin"] == "document"));
    check("FigureUsed", used);
    check(
        "FigureNote",
        with_figures
            .iter()
            .flat_map(|e| all(&e["results"]))
            .flat_map(|r| all(&r["figures"]))
            .collect(),
    );

    let cat = api::embedded().unwrap();
    let regions = api::regions_json(cat);
    check("Region", all(&regions));
    check(
        "Area",
        all(&regions)
            .iter()
            .flat_map(|r| all(&r["areas"]))
            .collect(),
    );
    check(
        "PolicyDocument",
        all(&regions).iter().map(|r| &r["document"]).collect(),
    );

    // Haidong inherits Qinghai's rules: the catalog carries both documents.
    let c = api::catalog_json(cat, "haidong").unwrap();
    check("Catalog", vec![&c]);
    check("CatalogDocument", all(&c["documents"]));
    check("CatalogArea", all(&c["areas"]));
    check("CatalogRule", all(&c["rules"]));

    let e = api::estimate_str(
        "{\"members\": 3}",
        Some("hebei"),
        Date::new(2026, 1, 1).unwrap(),
    )
    .unwrap_err()
    .to_json();
    check("ApiError", vec![&e["error"]]);

    let req: Json = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/hebei-family.json"
        ))
        .unwrap(),
    )
    .unwrap();
    check("Household", vec![&req]);
    assert_eq!(
        ifaces["Household"],
        api::REQUEST_KEYS.iter().map(|k| k.to_string()).collect()
    );
    // The fact interfaces list exactly the askable facts.
    let askable = |s: Scope| -> BTreeSet<String> {
        FACTS
            .iter()
            .filter(|f| f.scope == s && !f.is_derived())
            .map(|f| f.name.to_string())
            .collect()
    };
    assert_eq!(ifaces["Member"], askable(Scope::Member));
    assert_eq!(ifaces["HouseholdFacts"], askable(Scope::Household));
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
