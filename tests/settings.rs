//! Deployment settings and the documents' own figures, end to end through the CLI and
//! the JSON API: precedence (resident > deployment > document > unknown), validation of
//! every bad settings file with a message naming the key, and the example settings files
//! of the README (one per region) each valid and each answering what it sets.

#![cfg(not(target_arch = "wasm32"))]

use estimator::api::{self, ApiError};
use estimator::domain::Date;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_estimate"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the CLI runs")
}

fn tmp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("estimator-settings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// An amount `{min, max}` as numbers (the engine keeps a product's scale: 1.5 × 672 is "1008.0").
fn amount(v: &Value) -> Option<(Decimal, Decimal)> {
    let d = |x: &Value| x.as_str().and_then(|s| s.parse::<Decimal>().ok());
    Some((d(&v["min"])?, d(&v["max"])?))
}

fn exactly(n: i64) -> Option<(Decimal, Decimal)> {
    Some((n.into(), n.into()))
}

fn day() -> Date {
    Date::new(2025, 6, 1).unwrap()
}

/// Runs the API as the CLI and the JS API do: request and settings JSON in, output out.
fn estimate(request: Value, settings: Option<Value>) -> Result<Value, ApiError> {
    let catalog = api::embedded()?;
    let mut req = api::parse_request(&request, None, catalog)?;
    req.settings = settings
        .map(|s| api::parse_settings(&s, catalog))
        .transpose()?;
    api::estimate(catalog, &req, day())
}

fn result<'a>(out: &'a Value, rule: &str, member: Option<u64>) -> &'a Value {
    out["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == rule && r["member"].as_u64() == member)
        .unwrap_or_else(|| panic!("no result {rule} {member:?}"))
}

/// An old man supported at home as 特困 in Haidong (items 56 and 56-care).
fn tekun(household: Value) -> Value {
    json!({"region": "haidong", "date": "2025-06-01", "household": household,
           "members": [{"age": 72, "able_to_work": false, "has_income_source": false,
                        "no_legal_supporter": true, "tekun_institutional": false,
                        "incapacity_level": "moderate"}]})
}

fn haidong_settings() -> Value {
    json!({"deployment": "海东市平安区政务服务中心", "regions": {"haidong": {
        "urban_dibao_standard_month": {"value": "750", "year": 2025, "source": "海东市民政局 2025 年第 3 号通知"},
        "provincial_min_wage_month": {"value": "1880", "year": 2025, "source": "青海省人社厅通知"}}}})
}

#[test]
fn the_documents_own_figure_is_the_default_and_says_so() {
    let out = estimate(tekun(json!({})), None).unwrap();
    // Item 63's 2021 urban standard, 672 a month: 特困 basic support is 1.5 × it.
    let r = result(&out, "haidong.56", Some(0));
    assert_eq!(r["status"], "yes");
    assert_eq!(amount(&r["cash"]["stated"]), exactly(1008));
    let label = r["figures"][0]["zh"].as_str().unwrap();
    assert!(
        label.starts_with("文件所载 2021 年标准：当地城市低保标准"),
        "{label}"
    );
    assert!(
        label.contains("672 元") && label.contains("第 63 项"),
        "{label}"
    );
    let f = &out["figures"][0];
    assert_eq!(f["fact"], "urban_dibao_standard_month");
    assert_eq!(f["origin"], "document");
    assert_eq!(f["value"], "672");
    assert_eq!(f["year"], 2021);
    assert_eq!(f["citation"]["item"], "63");
    assert_eq!(out["deployment"], Value::Null);
    // The care allowance reads the minimum wage, which the document does not state.
    let care = result(&out, "haidong.56-care", Some(0));
    assert_eq!(care["cash"]["stated"], Value::Null);
    assert_eq!(care["missing"], json!(["provincial_min_wage_month"]));
    // Not asked any more: the document answers it; the minimum wage still is.
    let asked: Vec<&str> = out["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["fact"].as_str().unwrap())
        .collect();
    assert!(!asked.contains(&"urban_dibao_standard_month"), "{asked:?}");
    assert!(asked.contains(&"provincial_min_wage_month"), "{asked:?}");
}

#[test]
fn a_deployment_setting_beats_the_document_and_the_residents_answer_beats_both() {
    let out = estimate(tekun(json!({})), Some(haidong_settings())).unwrap();
    let r = result(&out, "haidong.56", Some(0));
    assert_eq!(amount(&r["cash"]["stated"]), exactly(1125));
    let label = r["figures"][0]["zh"].as_str().unwrap();
    assert_eq!(
        label,
        "按本站设定：当地城市低保标准（每人每月） 750 元（2025 年，海东市民政局 2025 年第 3 号通知）"
    );
    let care = result(&out, "haidong.56-care", Some(0));
    assert_eq!(amount(&care["cash"]["stated"]), exactly(564));
    assert_eq!(out["deployment"], "海东市平安区政务服务中心");
    assert_eq!(out["totals"]["household"]["cash_pending"], 0);
    let origins: Vec<&str> = out["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["origin"].as_str().unwrap())
        .collect();
    assert_eq!(origins, ["deployment", "deployment"]);

    // The resident's own answer wins, and no figure is said to be used for it.
    let out = estimate(
        tekun(json!({"urban_dibao_standard_month": "800"})),
        Some(haidong_settings()),
    )
    .unwrap();
    let r = result(&out, "haidong.56", Some(0));
    assert_eq!(amount(&r["cash"]["stated"]), exactly(1200));
    assert_eq!(r["figures"], json!([]));
    assert!(
        out["figures"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["fact"] != "urban_dibao_standard_month")
    );

    // Settings for another region change nothing here.
    let other = json!({"deployment": "x", "regions": {"hebei": {
        "local_dibao_standard_month": {"value": "580", "year": 2020, "source": "s"}}}});
    let out = estimate(tekun(json!({})), Some(other)).unwrap();
    assert_eq!(out["deployment"], Value::Null);
    assert_eq!(out["figures"][0]["origin"], "document");
}

#[test]
fn settings_change_no_rule() {
    // A 40-year-old who can work, in a household with no recognised 特困 person, is no
    // 特困 person, whatever the standard.
    let req = json!({"region": "haidong", "household": {"household_tekun": false},
                     "members": [{"age": 40, "able_to_work": true}]});
    let with = estimate(req.clone(), Some(haidong_settings())).unwrap();
    let without = estimate(req, None).unwrap();
    let statuses = |o: &Value| {
        o["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["rule"].clone(), r["member"].clone(), r["status"].clone()))
            .filter(|(_, _, s)| s != "unknown")
            .collect::<Vec<_>>()
    };
    // Every rule decided without the settings is decided the same with them.
    let w = statuses(&with);
    for s in statuses(&without) {
        assert!(w.contains(&s), "{s:?} changed");
    }
    // Not met: left out of the results (plain "no"s are), or there as "no" with a near miss.
    let r = with["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "haidong.56" && r["member"] == 0);
    assert!(r.is_none_or(|r| r["status"] == "no"), "{r:?}");
}

#[test]
fn every_bad_settings_file_is_refused_naming_the_key() {
    let good = json!({"value": "750", "year": 2025, "source": "通知"});
    let cases = [
        (
            json!({"deployment": "x", "regions": {"haidong": {"income_per_capita_month": good}}}),
            "settings.regions.haidong.income_per_capita_month",
        ),
        (
            json!({"deployment": "x", "regions": {"haidong": {"shoe_size": good}}}),
            "settings.regions.haidong.shoe_size",
        ),
        (
            json!({"deployment": "x", "regions": {"haidong": {"urban_dibao_standard_month": {"value": true, "year": 2025, "source": "s"}}}}),
            "settings.regions.haidong.urban_dibao_standard_month.value",
        ),
        (
            json!({"deployment": "x", "regions": {"narnia": {}}}),
            "settings.regions.narnia",
        ),
        (
            json!({"regions": {"haidong": {"school_days": {"value": 200, "year": 2025, "source": "s"}}}}),
            "settings.deployment",
        ),
    ];
    for (settings, path) in cases {
        let e = estimate(tekun(json!({})), Some(settings)).unwrap_err();
        assert_eq!(e.code(), "invalid_settings");
        assert_eq!(e.path().as_deref(), Some(path), "{e}");
        let j = e.to_json();
        assert!(
            j["error"]["message_zh"]
                .as_str()
                .unwrap()
                .contains("本站设置有误")
        );
    }
}

#[test]
fn the_cli_takes_settings_and_refuses_a_bad_file_with_the_key() {
    let hh = tmp("household.json", &tekun(json!({})).to_string());
    let good = tmp("settings.json", &haidong_settings().to_string());
    let out = cli(&[
        "--settings",
        good.to_str().unwrap(),
        "--format",
        "table",
        hh.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("按本站设定：当地城市低保标准（每人每月） 750 元（2025 年，海东市民政局 2025 年第 3 号通知）"),
        "{table}"
    );
    // `--settings FILE` alone checks the file.
    let out = cli(&["--settings", good.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("设置有效"));

    let bad = [
        ("{\"deployment\": ", "not valid JSON"),
        (
            r#"{"deployment": "x", "regions": {"haidong": {"urban_dibao_standard_month": {"value": "seven hundred", "year": 2025, "source": "s"}}}}"#,
            "regions.haidong.urban_dibao_standard_month.value",
        ),
        (
            r#"{"deployment": "x", "regions": {"haidong": {}}, "colour": "red"}"#,
            "colour: unknown key",
        ),
        (
            r#"{"deployment": "x", "regions": {"haidong": {"age": {"value": 70, "year": 2025, "source": "s"}}}}"#,
            "regions.haidong.age: “Age” differs from one resident to the next",
        ),
    ];
    for (text, want) in bad {
        let f = tmp("bad.json", text);
        let out = cli(&["--settings", f.to_str().unwrap(), hh.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{text}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{text}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // The file a build ships, which sets nothing, is valid.
    let empty = tmp(
        "empty.json",
        r#"{"schema": "benefit-settings/1", "regions": {}}"#,
    );
    let out = cli(&["--settings", empty.to_str().unwrap(), hh.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let out = cli(&[
        "--settings",
        "/nonexistent/settings.json",
        hh.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
}

/// The README's example settings files: each valid, each setting only facts its region's
/// rules read, and each answering what it sets for the example household next to it.
#[test]
fn the_example_settings_files_are_valid_and_used() {
    let dir = root().join("examples/settings");
    let catalog = api::embedded().unwrap();
    for region in ["haidong", "qinghai", "hebei", "jinan", "yanbian"] {
        let read = |p: &Path| std::fs::read_to_string(p).unwrap();
        let settings = read(&dir.join(format!("{region}.json")));
        let s =
            api::parse_settings_str(&settings, catalog).unwrap_or_else(|e| panic!("{region}: {e}"));
        assert_eq!(s.regions.len(), 1);
        assert_eq!(s.regions[0].0, region);
        let req: Value =
            serde_json::from_str(&read(&dir.join(format!("{region}-household.json")))).unwrap();
        let out = estimate(req, Some(serde_json::from_str(&settings).unwrap())).unwrap();
        let used: Vec<&str> = out["figures"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["origin"] == "deployment")
            .map(|f| f["fact"].as_str().unwrap())
            .collect();
        assert_eq!(used.len(), s.regions[0].1.len(), "{region}: {used:?}");
    }
}
