//! The stable JSON interface shared by the CLI and the JavaScript API.
//!
//! Input: `{"region": "hebei", "date": "2020-06-01"?, "household": {…}, "members": […]}`.
//! Output: schema `benefit-estimate/2` (documented in the README), the questions that
//! still matter, the regions and a region's catalog (schema `benefit-catalog/1`).
//! Money is always a decimal string, never a float. Errors are [`ApiError`], which
//! names the field as a JSON path.

use crate::catalog::{self, CatalogError};
use crate::domain::engine::Engine;
use crate::domain::error::echo;
use crate::domain::rule::{Catalog, Region};
use crate::domain::{Date, Household, InputError, Report, Settings, SettingsError, evaluate_in};
use crate::view::{self, ApiErrorCode};
use serde_json::Value as Json;
use std::fmt;

pub use crate::view::{CATALOG_SCHEMA, SCHEMA};

/// Largest input accepted, in bytes (for a JS object: characters of its strings and
/// keys): far above any real household, far below a hang.
pub const MAX_INPUT_BYTES: usize = 256 * 1024;

/// Deepest nesting of a structured (JS object) request. A request is three levels deep
/// (`members[0].age`); the bound keeps a hostile object off the wasm stack.
pub const MAX_DEPTH: usize = 16;

/// Most values (objects, arrays, scalars) in a structured request. Thirty members with
/// every fact answered stay far below it; a 10⁶-element array is refused before it is
/// read.
pub const MAX_VALUES: usize = 10_000;

/// The top-level keys of a request; any other key is refused, so a typo is not
/// silently ignored.
pub const REQUEST_KEYS: [&str; 4] = ["region", "date", "household", "members"];

/// Which bound an input went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Text (or a JS object's strings and keys) longer than [`MAX_INPUT_BYTES`].
    Bytes(usize),
    /// Nested deeper than [`MAX_DEPTH`].
    Depth,
    /// More than [`MAX_VALUES`] values; the count reached (or an array's length).
    Values(usize),
}

/// Why an API call was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The household part is invalid (names the field).
    Input(InputError),
    /// `region` is missing or names no region.
    UnknownRegion { got: String, known: Vec<String> },
    /// `date` is not `YYYY-MM-DD`.
    BadDate { got: String },
    /// A top-level key that is not one of [`REQUEST_KEYS`].
    UnknownField { path: String },
    /// The input, or the value at `path`, is past a [`Limit`].
    TooLarge { path: String, limit: Limit },
    /// A JS value JSON cannot carry (NaN, Infinity, a BigInt, a function, a cycle…).
    NotJson { path: String, what: &'static str },
    /// The embedded catalog failed validation (a build that should never ship).
    Catalog(String),
    /// The region's rules are not loaded yet (in the browser, `await ready(region)`), or
    /// could not be (`detail`).
    NotLoaded {
        region: String,
        detail: Option<String>,
    },
    /// The deployment settings were refused (names the key inside them).
    Settings(SettingsError),
}

impl ApiError {
    /// The field the error is about, as a JSON path such as `members[1].age`; `""` is
    /// the input as a whole. `None` only for errors not caused by the input.
    pub fn path(&self) -> Option<String> {
        match self {
            ApiError::Input(InputError::Syntax(_)) => Some(String::new()),
            ApiError::Input(e) => e.path().map(str::to_string),
            ApiError::UnknownRegion { .. } | ApiError::NotLoaded { .. } => Some("region".into()),
            ApiError::BadDate { .. } => Some("date".into()),
            ApiError::UnknownField { path }
            | ApiError::TooLarge { path, .. }
            | ApiError::NotJson { path, .. } => Some(path.clone()),
            ApiError::Catalog(_) => None,
            ApiError::Settings(e) if e.path.is_empty() => Some("settings".into()),
            ApiError::Settings(e) => Some(format!("settings.{}", e.path)),
        }
    }

    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self.kind() {
            ApiErrorCode::Syntax => "syntax",
            ApiErrorCode::InvalidHousehold => "invalid_household",
            ApiErrorCode::UnknownRegion => "unknown_region",
            ApiErrorCode::BadDate => "bad_date",
            ApiErrorCode::UnknownField => "unknown_field",
            ApiErrorCode::TooLarge => "too_large",
            ApiErrorCode::NotJson => "not_json",
            ApiErrorCode::Catalog => "catalog",
            ApiErrorCode::NotLoaded => "not_loaded",
            ApiErrorCode::InvalidSettings => "invalid_settings",
        }
    }

    fn kind(&self) -> ApiErrorCode {
        match self {
            ApiError::Input(InputError::Syntax(_)) => ApiErrorCode::Syntax,
            ApiError::Input(_) => ApiErrorCode::InvalidHousehold,
            ApiError::UnknownRegion { .. } => ApiErrorCode::UnknownRegion,
            ApiError::BadDate { .. } => ApiErrorCode::BadDate,
            ApiError::UnknownField { .. } => ApiErrorCode::UnknownField,
            ApiError::TooLarge { .. } => ApiErrorCode::TooLarge,
            ApiError::NotJson { .. } => ApiErrorCode::NotJson,
            ApiError::Catalog(_) => ApiErrorCode::Catalog,
            ApiError::NotLoaded { .. } => ApiErrorCode::NotLoaded,
            ApiError::Settings(_) => ApiErrorCode::InvalidSettings,
        }
    }

    /// As the view gives it to callers.
    pub fn view(&self) -> view::ApiError {
        view::ApiError {
            code: self.kind(),
            path: self.path(),
            message_zh: self.zh(),
            message_en: self.to_string(),
        }
    }

    /// As the JS API's failure value:
    /// `{"ok": false, "error": {"code", "path", "message_zh", "message_en"}}`.
    pub fn to_json(&self) -> Json {
        serde_json::json!({"ok": false, "error": self.view()})
    }

    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            ApiError::Input(e) => e.zh(),
            ApiError::UnknownRegion { got, .. } if got.is_empty() => "region：缺少地区".into(),
            ApiError::UnknownRegion { got, .. } => format!("region：未知地区“{got}”"),
            ApiError::BadDate { got } => format!("date：日期“{got}”格式应为 YYYY-MM-DD"),
            ApiError::UnknownField { path } => format!("{path}：未知的字段"),
            ApiError::TooLarge { path, limit } => {
                let what = match limit {
                    Limit::Bytes(n) => format!("输入过大（{n} 字节，上限 {MAX_INPUT_BYTES}）"),
                    Limit::Depth => format!("嵌套超过 {MAX_DEPTH} 层"),
                    Limit::Values(n) => format!("条目过多（{n} 个，上限 {MAX_VALUES}）"),
                };
                format!("{}{what}", prefix(path, "："))
            }
            ApiError::NotJson { path, what } => {
                format!("{}不是可用的 JSON 值（{what}）", prefix(path, "："))
            }
            ApiError::Catalog(e) => format!("规则库错误：{e}"),
            ApiError::NotLoaded {
                region,
                detail: None,
            } => {
                format!("region：地区“{region}”的规则尚未载入，请先调用 await ready(\"{region}\")")
            }
            ApiError::NotLoaded {
                region,
                detail: Some(d),
            } => format!("region：地区“{region}”的规则无法载入：{d}"),
            ApiError::Settings(e) => format!("本站设置有误：{}", e.zh()),
        }
    }
}

/// `path` and a separator, or nothing for the input as a whole.
fn prefix(path: &str, sep: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("{path}{sep}")
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Input(e) => write!(f, "{e}"),
            ApiError::UnknownRegion { got, known } if got.is_empty() => {
                write!(f, "region: missing (known: {})", known.join(", "))
            }
            ApiError::UnknownRegion { got, known } => {
                write!(
                    f,
                    "region: unknown region `{got}` (known: {})",
                    known.join(", ")
                )
            }
            ApiError::BadDate { got } => write!(f, "date: `{got}` is not YYYY-MM-DD"),
            ApiError::UnknownField { path } => write!(
                f,
                "{path}: unknown field (a request has {})",
                REQUEST_KEYS.join(", ")
            ),
            ApiError::TooLarge { path, limit } => {
                write!(f, "{}", prefix(path, ": "))?;
                match limit {
                    Limit::Bytes(n) => {
                        write!(f, "input of {n} bytes is larger than {MAX_INPUT_BYTES}")
                    }
                    Limit::Depth => write!(f, "nested more than {MAX_DEPTH} levels deep"),
                    Limit::Values(n) => write!(f, "{n} values are more than {MAX_VALUES}"),
                }
            }
            ApiError::NotJson { path, what } => {
                write!(f, "{}not a JSON value ({what})", prefix(path, ": "))
            }
            ApiError::Catalog(e) => write!(f, "catalog: {e}"),
            ApiError::NotLoaded {
                region,
                detail: None,
            } => write!(
                f,
                "region: the rules of `{region}` are not loaded yet: `await ready(\"{region}\")` first"
            ),
            ApiError::NotLoaded {
                region,
                detail: Some(d),
            } => write!(
                f,
                "region: the rules of `{region}` could not be loaded: {d}"
            ),
            ApiError::Settings(e) => write!(f, "settings: {e}"),
        }
    }
}

impl std::error::Error for ApiError {}

impl From<InputError> for ApiError {
    fn from(e: InputError) -> Self {
        ApiError::Input(e)
    }
}

impl From<&CatalogError> for ApiError {
    fn from(e: &CatalogError) -> Self {
        ApiError::Catalog(e.to_string())
    }
}

/// A parsed request.
#[derive(Debug, Clone)]
pub struct Request {
    pub region: String,
    pub date: Option<Date>,
    pub household: Household,
    /// The deployment's settings (CLI `--settings`, the JS API's `{settings}`), if any.
    pub settings: Option<Settings>,
}

/// Parses deployment settings (JSON text or a parsed value) against the catalog's regions.
pub fn parse_settings(v: &Json, catalog: &Catalog) -> Result<Settings, ApiError> {
    Settings::from_json(v, |r| catalog.region(r).is_some()).map_err(ApiError::Settings)
}

/// [`parse_settings`] of text, with the same size bound as a request.
pub fn parse_settings_str(text: &str, catalog: &Catalog) -> Result<Settings, ApiError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ApiError::TooLarge {
            path: "settings".into(),
            limit: Limit::Bytes(text.len()),
        });
    }
    Settings::from_json_str(text, |r| catalog.region(r).is_some()).map_err(ApiError::Settings)
}

/// Parses a request object. `region` may be given by the caller instead (CLI flag).
pub fn parse_request(
    v: &Json,
    region: Option<&str>,
    catalog: &Catalog,
) -> Result<Request, ApiError> {
    let obj = v.as_object().ok_or(InputError::NotAnObject {
        path: String::new(),
    })?;
    if let Some(k) = obj.keys().find(|k| !REQUEST_KEYS.contains(&k.as_str())) {
        return Err(ApiError::UnknownField { path: echo(k) });
    }
    let known = || catalog.regions.iter().map(|r| r.id.clone()).collect();
    let region = match (region, v.get("region")) {
        (Some(r), _) => r.to_string(),
        (None, Some(Json::String(r))) => r.clone(),
        (None, other) => {
            return Err(ApiError::UnknownRegion {
                got: other.map(|o| echo(&o.to_string())).unwrap_or_default(),
                known: known(),
            });
        }
    };
    if catalog.region(&region).is_none() {
        return Err(ApiError::UnknownRegion {
            got: echo(&region),
            known: known(),
        });
    }
    let date = match v.get("date") {
        None | Some(Json::Null) => None,
        Some(Json::String(s)) => {
            Some(Date::parse(s).ok_or_else(|| ApiError::BadDate { got: echo(s) })?)
        }
        Some(other) => {
            return Err(ApiError::BadDate {
                got: echo(&other.to_string()),
            });
        }
    };
    Ok(Request {
        region,
        date,
        household: Household::from_json(v)?,
        settings: None,
    })
}

/// Regions with their documents (for pickers and the JS API).
pub fn regions_json(catalog: &Catalog) -> Json {
    serde_json::to_value(view::regions(catalog)).unwrap_or(Json::Null)
}

/// The region a request names ([`ApiError::UnknownRegion`] if the catalog has none: a
/// request built by hand rather than by [`parse_request`]), once its rules are loaded.
fn region_of_request<'c>(catalog: &'c Catalog, req: &Request) -> Result<&'c Region, ApiError> {
    loaded(catalog, &req.region)
}

/// `region` of `catalog`, if its rules are loaded ([`catalog::is_loaded`]: natively
/// always; in the browser once `ready` has fetched them).
fn loaded<'c>(catalog: &'c Catalog, region: &str) -> Result<&'c Region, ApiError> {
    let r = catalog
        .region(region)
        .ok_or_else(|| ApiError::UnknownRegion {
            got: echo(region),
            known: catalog.regions.iter().map(|r| r.id.clone()).collect(),
        })?;
    if !catalog::is_loaded(region) {
        return Err(ApiError::NotLoaded {
            region: region.to_string(),
            detail: None,
        });
    }
    Ok(r)
}

/// Evaluates a request.
pub fn report<'c>(engine: &'c Engine, req: &Request, today: Date) -> Result<Report<'c>, ApiError> {
    let region = region_of_request(engine, req)?;
    let date = req.date.unwrap_or(today);
    Ok(evaluate_in(
        engine,
        region,
        &req.household,
        date,
        req.settings.as_ref(),
    ))
}

/// Evaluates a request and shapes the result (see [`view::Estimate`]).
pub fn estimate_view<'c>(
    engine: &'c Engine,
    req: &Request,
    today: Date,
) -> Result<view::Estimate<'c>, ApiError> {
    let report = report(engine, req, today)?;
    Ok(view::Estimate::new(engine, &report, &req.household))
}

/// Evaluates a request and renders the result in schema [`SCHEMA`] (see
/// [`estimate_text`], which this parses back).
pub fn estimate(engine: &Engine, req: &Request, today: Date) -> Result<Json, ApiError> {
    Ok(serde_json::from_str(&estimate_text(engine, req, today)?).unwrap_or(Json::Null))
}

/// Evaluates a request and writes the result in schema [`SCHEMA`] as compact JSON text:
/// what the JS API hands to `JSON.parse` and the CLI prints. Written straight from the
/// view's borrowed structs, not through a `serde_json::Value`, whose thousands of small
/// maps were most of the time (issue 25).
pub fn estimate_text(engine: &Engine, req: &Request, today: Date) -> Result<String, ApiError> {
    let e = estimate_view(engine, req, today)?;
    Ok(serde_json::to_string(&e).unwrap_or_default())
}

/// Only the questions of a request: what [`estimate`] puts under `questions`, without
/// rendering every result.
pub fn questions_json(engine: &Engine, req: &Request, today: Date) -> Result<Json, ApiError> {
    Ok(serde_json::from_str(&questions_text(engine, req, today)?).unwrap_or(Json::Null))
}

/// [`questions_json`] as compact JSON text (what the JS API hands to `JSON.parse`).
pub fn questions_text(engine: &Engine, req: &Request, today: Date) -> Result<String, ApiError> {
    let report = report(engine, req, today)?;
    Ok(
        serde_json::to_string(&view::shape::questions_of(&report, &req.household))
            .unwrap_or_default(),
    )
}

/// A region's catalog (schema [`CATALOG_SCHEMA`]): see [`view::catalog`].
pub fn catalog_json(catalog: &Catalog, region: &str) -> Result<Json, ApiError> {
    let reg = loaded(catalog, region)?;
    Ok(serde_json::to_value(view::catalog(catalog, reg)).unwrap_or(Json::Null))
}

/// Parses request text, refusing more than [`MAX_INPUT_BYTES`] and a key given twice;
/// serde_json's own recursion limit refuses deep nesting.
pub fn parse_text(input: &str) -> Result<Json, ApiError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(ApiError::TooLarge {
            path: String::new(),
            limit: Limit::Bytes(input.len()),
        });
    }
    crate::domain::json::parse(input).map_err(ApiError::Input)
}

/// The rules in use ([`catalog::engine`]: natively every region; in the browser those
/// loaded so far), or why they cannot be used.
pub fn embedded() -> Result<&'static Engine, ApiError> {
    catalog::engine().map_err(ApiError::from)
}

/// Parses text, evaluates against the embedded catalog, returns the output or an error.
pub fn estimate_str(input: &str, region: Option<&str>, today: Date) -> Result<Json, ApiError> {
    let v = parse_text(input)?;
    let catalog = embedded()?;
    let req = parse_request(&v, region, catalog)?;
    estimate(catalog, &req, today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Tri;
    use serde_json::json;

    fn day() -> Date {
        Date::new(2020, 6, 1).unwrap()
    }

    fn request(v: Json) -> Result<Request, ApiError> {
        parse_request(&v, None, embedded().unwrap())
    }

    #[test]
    fn a_request_is_an_object_with_known_keys_only() {
        let e = request(json!([1])).unwrap_err();
        assert_eq!(e.path().as_deref(), Some(""));
        assert_eq!(e.code(), "invalid_household");
        let e = request(json!({"region": "hebei", "member": [{}]})).unwrap_err();
        assert_eq!(
            e,
            ApiError::UnknownField {
                path: "member".into()
            }
        );
        let e = request(json!({"region": "hebei", "__proto__": {}, "members": [{}]})).unwrap_err();
        assert_eq!(e.path().as_deref(), Some("__proto__"));
        let e = request(json!({"members": [{}]})).unwrap_err();
        assert_eq!(e.path().as_deref(), Some("region"));
        assert!(e.to_string().contains("missing"), "{e}");
        assert!(
            request(json!({"region": "hebei", "date": null, "household": null, "members": [{}]}))
                .is_ok()
        );
    }

    #[test]
    fn errors_serialise_with_code_path_and_both_languages() {
        let e = estimate_str(
            r#"{"region": "hebei", "members": [{"age": -1}]}"#,
            None,
            day(),
        )
        .unwrap_err()
        .to_json();
        assert_eq!(e["ok"], false);
        assert_eq!(e["error"]["code"], "invalid_household");
        assert_eq!(e["error"]["path"], "members[0].age");
        assert!(
            e["error"]["message_zh"]
                .as_str()
                .unwrap()
                .contains("超出范围")
        );
        assert!(
            e["error"]["message_en"]
                .as_str()
                .unwrap()
                .starts_with("members[0].age:")
        );
        let big = format!("{{\"members\": [{}]}}", " ".repeat(MAX_INPUT_BYTES));
        let e = estimate_str(&big, Some("hebei"), day()).unwrap_err();
        assert_eq!(e.code(), "too_large");
        assert_eq!(e.path().as_deref(), Some(""));
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(
            estimate_str(&deep, Some("hebei"), day())
                .unwrap_err()
                .code(),
            "syntax"
        );
    }

    #[test]
    fn dates_are_exactly_yyyy_mm_dd() {
        for bad in ["2020-6-1", "2014-03-031", " 2020-06-01", "2020-06-01 "] {
            let e = request(json!({"region": "hebei", "date": bad, "members": [{}]})).unwrap_err();
            assert_eq!(e.code(), "bad_date", "{bad}");
        }
        let r = request(json!({"region": "hebei", "date": "2020-06-01", "members": [{}]}));
        assert_eq!(r.unwrap().date, Date::new(2020, 6, 1));
    }

    #[test]
    fn a_key_given_twice_is_refused_naming_its_path() {
        let e = estimate_str(
            r#"{"region": "hebei", "members": [{"age": 70, "age": 7}]}"#,
            None,
            day(),
        )
        .unwrap_err();
        assert_eq!(e.code(), "invalid_household");
        assert_eq!(e.path().as_deref(), Some("members[0].age"));
        assert!(e.to_string().starts_with("members[0].age: "), "{e}");
        let e = estimate_str(
            r#"{"region": "hebei", "region": "x", "members": [{}]}"#,
            None,
            day(),
        )
        .unwrap_err();
        assert_eq!(e.path().as_deref(), Some("region"));
    }

    #[test]
    fn no_message_repeats_a_long_piece_of_input() {
        let long = "x".repeat(200_000);
        for v in [
            json!({"region": "hebei", "members": [{ long.clone(): 1 }]}),
            json!({"region": "hebei", long.clone(): 1, "members": [{}]}),
            json!({"region": long.clone(), "members": [{}]}),
            json!({"region": [long.clone()], "members": [{}]}),
            json!({"region": "hebei", "date": long.clone(), "members": [{}]}),
            json!({"region": "hebei", "date": [long.clone()], "members": [{}]}),
            json!({"region": "hebei", "members": [{"student_stage": long.clone()}]}),
        ] {
            let e = request(v).unwrap_err();
            let all = e.to_json().to_string();
            assert!(all.len() < 2_000, "{}: {} bytes", e.code(), all.len());
        }
        let e = catalog_json(embedded().unwrap(), &long).unwrap_err();
        assert!(e.to_json().to_string().len() < 2_000);
    }

    /// Issue 25: 30 members made 4–11 MB of JSON (every rule's text once per member and
    /// outcome) and 100–180 ms per estimate in the browser.
    #[test]
    fn a_large_household_estimate_says_each_thing_once() {
        let cat = embedded().unwrap();
        let members = vec![json!({}); 30];
        let req = request(json!({"region": "hebei", "members": members})).unwrap();
        let text = estimate_text(cat, &req, day()).unwrap();
        assert!(text.len() < 1_500_000, "{} bytes", text.len());
        let out: Json = serde_json::from_str(&text).unwrap();
        assert_eq!(out["schema"], SCHEMA);
        let rules = out["rules"].as_array().unwrap();
        let mut ids: Vec<&str> = rules.iter().map(|r| r["rule"].as_str().unwrap()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "each rule once");
        // Thirty members with no answers have the same reasons: written once per rule.
        assert!(out["explanations"].as_array().unwrap().len() <= n);

        // Nothing is lost: every outcome is in `results` or counted in `omitted`, and
        // only "no" outcomes without a near miss are left out.
        let fam = request(
            json!({"region": "hebei", "household": {"economic_hardship": true},
            "members": [{"age": 14, "student_stage": "junior", "boarding": true}, {"age": 40}]}),
        )
        .unwrap();
        let out = estimate(cat, &fam, day()).unwrap();
        let report =
            crate::domain::evaluate(cat, cat.region("hebei").unwrap(), &fam.household, day());
        let results = out["results"].as_array().unwrap();
        let omitted = out["omitted"].as_u64().unwrap() as usize;
        assert!(omitted > 0);
        assert_eq!(results.len() + omitted, report.outcomes.len());
        for o in &report.outcomes {
            let kept = results
                .iter()
                .any(|r| r["rule"] == o.rule.id.as_str() && r["member"] == json!(o.member));
            assert!(kept || o.status == Tri::No, "{} {:?}", o.rule.id, o.member);
        }
        let explanations = out["explanations"].as_array().unwrap();
        for r in results {
            let e = &explanations[r["explanation"].as_u64().unwrap() as usize];
            assert!(e.is_array());
            if r["status"] == "no" {
                assert!(!r["near_miss"].is_null(), "{r}");
            }
        }
    }

    #[test]
    fn questions_are_the_estimates_questions() {
        let cat = embedded().unwrap();
        let req = request(
            json!({"region": "hebei", "household": {"economic_hardship": true},
                                 "members": [{"age": 14}, {"age": 40}]}),
        )
        .unwrap();
        let qs = questions_json(cat, &req, day()).unwrap();
        assert!(!qs.as_array().unwrap().is_empty());
        assert_eq!(qs, estimate(cat, &req, day()).unwrap()["questions"]);
    }

    /// A request built by hand (not by `parse_request`) for a region the catalog does
    /// not have is refused, not a panic.
    #[test]
    fn a_hand_built_request_for_an_unknown_region_is_refused() {
        let cat = embedded().unwrap();
        let req = Request {
            region: "atlantis".into(),
            date: None,
            household: Household::default(),
            settings: None,
        };
        for e in [
            estimate(cat, &req, day()).unwrap_err(),
            questions_json(cat, &req, day()).unwrap_err(),
        ] {
            assert_eq!(e.code(), "unknown_region");
        }
    }

    #[test]
    fn a_catalog_has_every_rule_in_force_with_its_citation() {
        let cat = embedded().unwrap();
        let hebei = catalog_json(cat, "hebei").unwrap();
        assert_eq!(hebei["schema"], CATALOG_SCHEMA);
        let rules = hebei["rules"].as_array().unwrap();
        assert_eq!(rules.len(), cat.region("hebei").unwrap().rules.len());
        for r in rules {
            let lines = &r["source"]["lines"];
            assert!(
                lines[0].as_u64().unwrap() >= 1 && lines[0].as_u64() <= lines[1].as_u64(),
                "{r}"
            );
            assert!(!r["source"]["quotes"].as_array().unwrap().is_empty(), "{r}");
            assert!(!r["who"]["zh"].as_str().unwrap().is_empty(), "{r}");
        }
        let item3 = rules.iter().find(|r| r["rule"] == "hebei.3").unwrap();
        assert!(
            item3["source"]["quotes"]
                .to_string()
                .contains("初中生每生每年 1250 元")
        );
        assert_eq!(item3["cash"], true);

        // A city inherits its province's rules that it does not replace.
        let haidong = cat.region("haidong").unwrap();
        let c = catalog_json(cat, "haidong").unwrap();
        let ids: Vec<&str> = c["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["rule"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), cat.effective_rules(haidong).len());
        assert!(ids.iter().any(|id| id.starts_with("haidong.")));
        let replaced: Vec<&String> = haidong.rules.iter().flat_map(|r| &r.replaces).collect();
        assert!(!replaced.is_empty());
        assert!(replaced.iter().all(|id| !ids.contains(&id.as_str())));
        assert_eq!(
            c["documents"].as_array().unwrap().len(),
            cat.chain(haidong).len()
        );

        let e = catalog_json(cat, "atlantis").unwrap_err();
        assert_eq!(e.path().as_deref(), Some("region"));
        assert!(
            e.to_string().contains("hebei"),
            "lists the known regions: {e}"
        );
    }
}
