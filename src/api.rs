//! The stable JSON interface shared by the CLI and the JavaScript API.
//!
//! Input: `{"region": "hebei", "date": "2020-06-01"?, "household": {…}, "members": […]}`.
//! Output: schema `benefit-estimate/2` (documented in the README), the questions that
//! still matter, the regions and a region's catalog (schema `benefit-catalog/1`).
//! Money is always a decimal string, never a float. Errors are [`ApiError`], which
//! names the field as a JSON path.

use crate::catalog::{self, CatalogError};
use crate::domain::Totals;
use crate::domain::Tri;
use crate::domain::condition::{ParamId, Reason, atom_text};
use crate::domain::engine::Engine;
use crate::domain::error::echo;
use crate::domain::explain::Explanation;
use crate::domain::facts::{Choice, FactInfo, Kind};
use crate::domain::figures::Figure;
use crate::domain::money::{MoneyRange, Per, Period};
use crate::domain::near_miss::{NearMiss, near_miss_text};
use crate::domain::rule::Region;
use crate::domain::rule::{Amount, Applicability, Catalog, Paid, Rule, Text};
use crate::domain::{
    Date, Household, InputError, Report, Settings, SettingsError, evaluate_in, explain,
    near_misses, questions,
};
use serde::Serialize;
use serde_json::{Value as Json, json};
use std::collections::BTreeMap;
use std::fmt;

/// Schema name and version of [`estimate`]'s output.
pub const SCHEMA: &str = "benefit-estimate/2";

/// Schema name and version of [`catalog_json`]'s output.
pub const CATALOG_SCHEMA: &str = "benefit-catalog/1";

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
            ApiError::UnknownRegion { .. } => Some("region".into()),
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
        match self {
            ApiError::Input(InputError::Syntax(_)) => "syntax",
            ApiError::Input(_) => "invalid_household",
            ApiError::UnknownRegion { .. } => "unknown_region",
            ApiError::BadDate { .. } => "bad_date",
            ApiError::UnknownField { .. } => "unknown_field",
            ApiError::TooLarge { .. } => "too_large",
            ApiError::NotJson { .. } => "not_json",
            ApiError::Catalog(_) => "catalog",
            ApiError::Settings(_) => "invalid_settings",
        }
    }

    /// As the JS API's failure value:
    /// `{"ok": false, "error": {"code", "path", "message_zh", "message_en"}}`.
    pub fn to_json(&self) -> Json {
        json!({"ok": false, "error": {"code": self.code(), "path": self.path(),
               "message_zh": self.zh(), "message_en": self.to_string()}})
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

fn text(t: &Text) -> Json {
    json!({"zh": t.zh, "en": t.en})
}

/// Regions with their documents (for pickers and the JS API).
pub fn regions_json(catalog: &Catalog) -> Json {
    Json::Array(
        catalog
            .regions
            .iter()
            .map(|r| {
                json!({"id": r.id, "name": text(&r.name), "parent": r.parent,
                       "document": r.document, "rules": r.rules.len(),
                       "areas": r.areas.iter().map(|a| json!({"id": a.id, "name": text(&a.name), "items": a.items})).collect::<Vec<_>>()})
            })
            .collect(),
    )
}

/// Evaluates a request and renders the result in schema [`SCHEMA`] (see
/// [`estimate_text`], which this parses back).
pub fn estimate(catalog: &Engine, req: &Request, today: Date) -> Result<Json, ApiError> {
    Ok(serde_json::from_str(&estimate_text(catalog, req, today)?).unwrap_or(Json::Null))
}

/// Evaluates a request and writes the result in schema [`SCHEMA`] as compact JSON text:
/// what the JS API hands to `JSON.parse` and the CLI prints.
///
/// What a rule is (its name, area, content, payer, citation…) is the same for every
/// member, so it is written once, in `rules`; each distinct list of reasons once, in
/// `explanations`; `results` hold what differs per member and point at those. An
/// outcome that is `no` and has no near miss is left out of `results` and counted in
/// `omitted`. For a household of 30 the first schema repeated all of it per member and
/// outcome: 4 to 11 MB and 100–180 ms per estimate in the browser (issue 25). The text
/// is written straight from borrowed structs, not through a `serde_json::Value`, whose
/// thousands of small maps were most of the time.
///
/// A request for a region the catalog does not have (one built by hand rather than by
/// [`parse_request`]) is refused with [`ApiError::UnknownRegion`].
pub fn estimate_text(catalog: &Engine, req: &Request, today: Date) -> Result<String, ApiError> {
    let region = region_of_request(catalog, req)?;
    let date = req.date.unwrap_or(today);
    let hh = &req.household;
    let report = evaluate_in(catalog, region, hh, date, req.settings.as_ref());
    let misses = near_misses(&report, hh);
    let chain = catalog.chain(region);

    // Each rule once; `rule_of[i]`: the index in `rules` of outcome i's rule.
    let mut seen: Vec<*const Rule> = Vec::new();
    let mut rule_of: Vec<usize> = Vec::with_capacity(report.outcomes.len());
    let mut rules: Vec<RuleOut> = Vec::new();
    for o in &report.outcomes {
        let ptr: *const Rule = o.rule;
        if let Some(k) = seen.iter().position(|&p| p == ptr) {
            rule_of.push(k);
            continue;
        }
        rule_of.push(seen.len());
        seen.push(ptr);
        rules.push(RuleOut {
            rule: &o.rule.id,
            region: &o.region.id,
            item: &o.rule.citation.item,
            area: o
                .region
                .areas
                .iter()
                .find(|a| a.id == o.rule.area)
                .map(|a| AreaOut {
                    id: &a.id,
                    zh: &a.name.zh,
                    en: &a.name.en,
                }),
            name: &o.rule.name,
            universal: o.rule.is_universal(),
            target: &o.rule.target,
            content: &o.rule.content,
            payer: &o.rule.payer,
            department: &o.rule.department,
            note: o.rule.note.as_ref(),
            source: &o.rule.citation,
            document: &o.region.document.title,
        });
    }

    let mut omitted = 0usize;
    let mut results: Vec<ResultOut> = Vec::new();
    let mut explanations: Vec<Vec<Reason>> = Vec::new();
    let mut explanation_ids: BTreeMap<Vec<Reason>, usize> = BTreeMap::new();
    // A member's explanations depend only on the member's facts as evaluated (answers
    // and what was assumed): the first member with the same ones stands for each.
    let class: Vec<usize> = (0..report.member_facts.len())
        .map(|i| {
            (0..i)
                .find(|&j| {
                    report.member_facts[j] == report.member_facts[i]
                        && report.assumed.get(j) == report.assumed.get(i)
                })
                .unwrap_or(i)
        })
        .collect();
    // (rule, member class or the household) → (explanation index, computation).
    let classes = class.len() + 1;
    type Done = (usize, Option<Text>, Vec<Json>);
    let mut memo: Vec<Option<Done>> = vec![None; rules.len() * classes];
    for (i, o) in report.outcomes.iter().enumerate() {
        let miss: Option<&NearMiss> = misses.iter().find(|n| n.outcome == i);
        if o.status == Tri::No && miss.is_none() {
            omitted += 1;
            continue;
        }
        // Members evaluated alike are explained alike: explained once per rule.
        let key = rule_of[i] * classes + o.member_index().map_or(class.len(), |m| class[m]);
        let (explanation, computation, figures) = match &memo[key] {
            Some(done) => done.clone(),
            None => {
                let Explanation {
                    reasons,
                    computation,
                    figures,
                } = explain(&report, o, hh);
                // Where each local figure the rule uses comes from (deployment, document).
                let figures: Vec<Json> = figures
                    .iter()
                    .map(|(f, t)| json!({"fact": f.info().name, "zh": t.zh, "en": t.en}))
                    .collect();
                let k = match explanation_ids.get(&reasons) {
                    Some(&k) => k,
                    None => {
                        explanations.push(reasons.clone());
                        explanation_ids.insert(reasons, explanations.len() - 1);
                        explanations.len() - 1
                    }
                };
                memo[key] = Some((k, computation.clone(), figures.clone()));
                (k, computation, figures)
            }
        };
        let tier = match (&o.rule.amount, o.cash.as_ref().and_then(|c| c.tier_index())) {
            (Amount::Tiers(ts), Some(t)) => ts.get(t).map(|t| &t.label),
            _ => None,
        };
        results.push(ResultOut {
            rule: &o.rule.id,
            member: o.member,
            status: o.status,
            cash: o.cash.as_ref().map(|c| CashJson {
                paid: c.paid,
                stated: c.stated,
                period: c.period,
                per: c.per,
                yearly: c.yearly(),
                once: c.once(),
                tier,
            }),
            missing: report.missing(o).iter().map(|f| f.info().name).collect(),
            explanation,
            computation,
            figures,
            near_miss: miss.map(near_miss_text),
        });
    }

    let out = EstimateOut {
        schema: SCHEMA,
        region: json!({"id": region.id, "name": text(&region.name)}),
        date,
        documents: chain.iter().map(|r| json!({
            "region": r.id, "file": r.document.file, "title": r.document.title, "number": r.document.number,
            "valid_from": r.document.valid_from, "valid_to": r.document.valid_to, "dated": date > r.document.valid_to,
        })).collect(),
        rounding: json!({"zh": "金额按元精确计算；月度折算四舍五入到分。按天计算的补助仅在填写天数后计入。",
                         "en": "Amounts are exact in yuan; monthly equivalents are rounded to the fen, half away from zero. Per-day aid is counted only once the number of days is given."}),
        totals: json!({
            "household": totals_json(&report.total),
            "members": report.members.iter().map(totals_json).collect::<Vec<_>>(),
            "household_rules": totals_json(&report.household_rules),
        }),
        deployment: report.deployment.as_deref(),
        figures: report
            .figures
            .iter()
            .map(|f| {
                let mut j = f.to_json();
                let t = f.text(&region_of(catalog, region, f).document.title);
                if let Some(o) = j.as_object_mut() {
                    o.insert("zh".into(), t.zh.into());
                    o.insert("en".into(), t.en.into());
                }
                j
            })
            .collect(),
        rules,
        results,
        omitted,
        explanations,
        questions: questions_of(&report, hh),
        not_resident_facing: report.not_resident_facing.iter().map(|r| json!({
            "rule": r.id, "name": text(&r.name),
            "reason": match &r.applicability { Applicability::NotResidentFacing { reason } => text(reason), _ => Json::Null },
        })).collect(),
    };
    Ok(serde_json::to_string(&out).unwrap_or_default())
}

/// Schema [`SCHEMA`] (the README's Output section; `EstimateResult` in `js_api.d.ts`).
#[derive(Serialize)]
struct EstimateOut<'a> {
    schema: &'static str,
    region: Json,
    date: Date,
    documents: Vec<Json>,
    rounding: Json,
    totals: Json,
    /// The deployment whose settings answered a fact, if any.
    deployment: Option<&'a str>,
    /// Every figure that answered a fact the resident left open, with its source.
    figures: Vec<Json>,
    rules: Vec<RuleOut<'a>>,
    results: Vec<ResultOut<'a>>,
    omitted: usize,
    explanations: Vec<Vec<Reason>>,
    questions: Vec<QuestionOut<'a>>,
    not_resident_facing: Vec<Json>,
}

/// What a rule is, once per rule (`RuleInfo`).
#[derive(Serialize)]
struct RuleOut<'a> {
    rule: &'a str,
    region: &'a str,
    item: &'a str,
    area: Option<AreaOut<'a>>,
    name: &'a Text,
    universal: bool,
    target: &'a str,
    content: &'a Text,
    payer: &'a Text,
    department: &'a Text,
    note: Option<&'a Text>,
    source: &'a crate::domain::rule::Citation,
    document: &'a str,
}

#[derive(Serialize)]
struct AreaOut<'a> {
    id: &'a str,
    zh: &'a str,
    en: &'a str,
}

/// One rule for one member (`Outcome`).
#[derive(Serialize)]
struct ResultOut<'a> {
    rule: &'a str,
    member: Option<u16>,
    status: Tri,
    cash: Option<CashJson<'a>>,
    missing: Vec<&'static str>,
    explanation: usize,
    computation: Option<Text>,
    /// Local figures the result used, with where they come from.
    figures: Vec<Json>,
    near_miss: Option<Text>,
}

#[derive(Serialize)]
struct CashJson<'a> {
    /// Money paid, or the value of a fee waived (never in the cash totals).
    paid: Paid,
    stated: Option<MoneyRange>,
    period: Period,
    per: Per,
    yearly: Option<MoneyRange>,
    once: Option<MoneyRange>,
    tier: Option<&'a Text>,
}

/// An unanswered fact that can still change an outcome (`Question`).
#[derive(Serialize)]
struct QuestionOut<'a> {
    fact: &'static str,
    member: Option<usize>,
    rules: u32,
    amount: String,
    zh: &'static str,
    en: &'static str,
    hint_zh: &'static str,
    hint_en: &'static str,
    kind: Json,
    choices: Option<&'a [Choice]>,
}

/// The region whose document states a figure (the region itself for a deployment's).
fn region_of<'c>(catalog: &'c Catalog, region: &'c Region, f: &Figure) -> &'c Region {
    catalog
        .chain(region)
        .into_iter()
        .find(|r| r.figures.contains(f))
        .unwrap_or(region)
}

/// The unanswered facts that can still change an outcome, most cash at stake first.
fn questions_of<'a>(report: &Report, household: &Household) -> Vec<QuestionOut<'a>> {
    questions(report, household)
        .iter()
        .map(|q| {
            let info = q.fact.info();
            QuestionOut {
                fact: info.name,
                member: q.member,
                rules: q.rules,
                amount: q.amount.normalize().to_string(),
                zh: info.zh,
                en: info.en,
                hint_zh: info.hint_zh,
                hint_en: info.hint_en,
                kind: kind_json(info),
                choices: match &info.kind {
                    Kind::Choice { choices } => Some(choices),
                    _ => None,
                },
            }
        })
        .collect()
}

/// A fact's kind; a money bound is a decimal string like every amount.
fn kind_json(info: &FactInfo) -> Json {
    match info.kind {
        Kind::Money { max } => json!({"type": "money", "max": max.to_string()}),
        ref k => serde_json::to_value(k).unwrap_or(Json::Null),
    }
}

/// Only the questions of a request: what [`estimate`] puts under `questions`, without
/// rendering every result.
pub fn questions_json(catalog: &Engine, req: &Request, today: Date) -> Result<Json, ApiError> {
    Ok(serde_json::from_str(&questions_text(catalog, req, today)?).unwrap_or(Json::Null))
}

/// [`questions_json`] as compact JSON text (what the JS API hands to `JSON.parse`).
pub fn questions_text(catalog: &Engine, req: &Request, today: Date) -> Result<String, ApiError> {
    let region = region_of_request(catalog, req)?;
    let report = evaluate_in(
        catalog,
        region,
        &req.household,
        req.date.unwrap_or(today),
        req.settings.as_ref(),
    );
    Ok(serde_json::to_string(&questions_of(&report, &req.household)).unwrap_or_default())
}

/// The region a request names ([`ApiError::UnknownRegion`] if the catalog has none).
fn region_of_request<'c>(catalog: &'c Catalog, req: &Request) -> Result<&'c Region, ApiError> {
    catalog
        .region(&req.region)
        .ok_or_else(|| ApiError::UnknownRegion {
            got: echo(&req.region),
            known: catalog.regions.iter().map(|r| r.id.clone()).collect(),
        })
}

/// A region's catalog (schema [`CATALOG_SCHEMA`]): its documents and areas and every
/// rule in force there — its own and its ancestors' that none replaces — with who it is
/// for in plain words and the source it is cited from.
pub fn catalog_json(catalog: &Catalog, region: &str) -> Result<Json, ApiError> {
    let reg = catalog
        .region(region)
        .ok_or_else(|| ApiError::UnknownRegion {
            got: echo(region),
            known: catalog.regions.iter().map(|r| r.id.clone()).collect(),
        })?;
    let chain = catalog.chain(reg);
    let rules: Vec<Json> = catalog
        .effective_rules(reg)
        .into_iter()
        .map(|(r, rule)| {
            let label = |p: ParamId| {
                r.params
                    .get(p.0 as usize)
                    .map(|d| (d.label.zh.clone(), d.label.en.clone()))
                    .unwrap_or_default()
            };
            let (zh, en) = atom_text(&rule.when, &label);
            json!({
                "rule": rule.id, "region": r.id, "item": rule.citation.item, "area": rule.area,
                "name": text(&rule.name), "scope": rule.scope, "who": {"zh": zh, "en": en},
                "universal": rule.is_universal(), "cash": rule.has_cash(),
                "applicability": rule.applicability, "target": rule.target,
                "content": text(&rule.content), "payer": text(&rule.payer),
                "department": text(&rule.department), "note": rule.note.as_ref().map(text),
                "valid_from": rule.valid_from, "valid_to": rule.valid_to, "replaces": rule.replaces,
                "source": rule.citation, "document": r.document.title,
            })
        })
        .collect();
    Ok(json!({
        "schema": CATALOG_SCHEMA,
        "region": {"id": reg.id, "name": text(&reg.name), "parent": reg.parent},
        "documents": chain.iter().map(|r| json!({
            "region": r.id, "file": r.document.file, "title": r.document.title, "number": r.document.number,
            "valid_from": r.document.valid_from, "valid_to": r.document.valid_to,
        })).collect::<Vec<_>>(),
        "areas": chain.iter().flat_map(|r| r.areas.iter().map(|a| json!({
            "region": r.id, "id": a.id, "name": text(&a.name), "items": a.items,
        }))).collect::<Vec<_>>(),
        "rules": rules,
    }))
}

/// Totals with their monthly equivalent (see [`MoneyRange::monthly_equivalent`]).
fn totals_json(t: &Totals) -> Json {
    let month = t.yearly.monthly_equivalent();
    let mut v = serde_json::to_value(t).unwrap_or(Json::Null);
    if let Some(o) = v.as_object_mut() {
        o.insert(
            "monthly".into(),
            serde_json::to_value(month).unwrap_or(Json::Null),
        );
    }
    v
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

/// The embedded catalog, or why it cannot be used.
pub fn embedded() -> Result<&'static Engine, ApiError> {
    catalog::embedded().map_err(ApiError::from)
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
