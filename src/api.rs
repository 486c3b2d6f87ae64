//! The stable JSON interface shared by the CLI and the JavaScript API.
//!
//! Input: `{"region": "hebei", "date": "2020-06-01"?, "household": {…}, "members": […]}`.
//! Output: schema `benefit-estimate/1` (documented in the README). Money is always a
//! decimal string, never a float.

use crate::catalog::{self, CatalogError};
use crate::domain::evaluate::Totals;
use crate::domain::evaluate::{Explanation, NearMiss, near_miss_text};
use crate::domain::facts::Kind;
use crate::domain::money::MoneyRange;
use crate::domain::rule::{Amount, Applicability, Catalog, Region, Text};
use crate::domain::{Date, Household, InputError, evaluate, explain, near_misses, questions};
use serde_json::{Value as Json, json};
use std::fmt;

/// Schema name and version of [`estimate`]'s output.
pub const SCHEMA: &str = "benefit-estimate/1";

/// Largest input accepted, in bytes: far above any real household, far below a hang.
pub const MAX_INPUT_BYTES: usize = 256 * 1024;

/// Why an API call was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The household part is invalid (names the field).
    Input(InputError),
    /// `region` is missing or names no region.
    UnknownRegion { got: String, known: Vec<String> },
    /// `date` is not `YYYY-MM-DD`.
    BadDate { got: String },
    /// The input is larger than [`MAX_INPUT_BYTES`].
    TooLarge { bytes: usize },
    /// The embedded catalog failed validation (a build that should never ship).
    Catalog(String),
}

impl ApiError {
    /// The field the error is about, as a JSON path.
    pub fn path(&self) -> Option<String> {
        match self {
            ApiError::Input(e) => e.path().map(str::to_string),
            ApiError::UnknownRegion { .. } => Some("region".into()),
            ApiError::BadDate { .. } => Some("date".into()),
            _ => None,
        }
    }
    /// As a JSON object `{"error": {"code", "path", "message", "message_zh"}}`.
    pub fn to_json(&self) -> Json {
        let code = match self {
            ApiError::Input(_) => "invalid_household",
            ApiError::UnknownRegion { .. } => "unknown_region",
            ApiError::BadDate { .. } => "bad_date",
            ApiError::TooLarge { .. } => "too_large",
            ApiError::Catalog(_) => "catalog",
        };
        json!({"error": {"code": code, "path": self.path(), "message": self.to_string(), "message_zh": self.zh()}})
    }
    pub fn zh(&self) -> String {
        match self {
            ApiError::Input(e) => e.zh(),
            ApiError::UnknownRegion { got, .. } => format!("未知地区“{got}”"),
            ApiError::BadDate { got } => format!("日期“{got}”格式应为 YYYY-MM-DD"),
            ApiError::TooLarge { bytes } => format!("输入过大（{bytes} 字节）"),
            ApiError::Catalog(e) => format!("规则库错误：{e}"),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Input(e) => write!(f, "{e}"),
            ApiError::UnknownRegion { got, known } => {
                write!(
                    f,
                    "region: unknown region `{got}` (known: {})",
                    known.join(", ")
                )
            }
            ApiError::BadDate { got } => write!(f, "date: `{got}` is not YYYY-MM-DD"),
            ApiError::TooLarge { bytes } => {
                write!(f, "input of {bytes} bytes is larger than {MAX_INPUT_BYTES}")
            }
            ApiError::Catalog(e) => write!(f, "catalog: {e}"),
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
}

/// Parses a request object. `region` may be given by the caller instead (CLI flag).
pub fn parse_request(
    v: &Json,
    region: Option<&str>,
    catalog: &Catalog,
) -> Result<Request, ApiError> {
    let known = || catalog.regions.iter().map(|r| r.id.clone()).collect();
    let region = match (region, v.get("region")) {
        (Some(r), _) => r.to_string(),
        (None, Some(Json::String(r))) => r.clone(),
        (None, other) => {
            return Err(ApiError::UnknownRegion {
                got: other.map(|o| o.to_string()).unwrap_or_default(),
                known: known(),
            });
        }
    };
    if catalog.region(&region).is_none() {
        return Err(ApiError::UnknownRegion {
            got: region.chars().take(40).collect(),
            known: known(),
        });
    }
    let date = match v.get("date") {
        None | Some(Json::Null) => None,
        Some(Json::String(s)) => Some(Date::parse(s).ok_or_else(|| ApiError::BadDate {
            got: s.chars().take(40).collect(),
        })?),
        Some(other) => {
            return Err(ApiError::BadDate {
                got: other.to_string().chars().take(40).collect(),
            });
        }
    };
    Ok(Request {
        region,
        date,
        household: Household::from_json(v)?,
    })
}

fn text(t: &Text) -> Json {
    json!({"zh": t.zh, "en": t.en})
}

fn range(r: Option<MoneyRange>) -> Json {
    serde_json::to_value(r).unwrap_or(Json::Null)
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

/// Evaluates a request and renders the full result in schema [`SCHEMA`].
pub fn estimate(catalog: &Catalog, req: &Request, today: Date) -> Json {
    let region = catalog
        .region(&req.region)
        .expect("checked by parse_request");
    let date = req.date.unwrap_or(today);
    let hh = &req.household;
    let report = evaluate(catalog, region, hh, date);
    let misses = near_misses(&report, hh);
    let chain = catalog.chain(region);
    let area_of = |reg: &Region, id: &str| {
        reg.areas
            .iter()
            .find(|a| a.id == id)
            .map(|a| json!({"id": a.id, "zh": a.name.zh, "en": a.name.en}))
    };
    let results: Vec<Json> = report
        .outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let Explanation {
                reasons,
                computation,
            } = explain(&report, o, hh);
            let miss: Option<&NearMiss> = misses.iter().find(|n| n.outcome == i);
            let tier = match (&o.rule.amount, o.cash.as_ref().and_then(|c| c.tier)) {
                (Amount::Tiers(ts), Some(t)) => ts.get(t).map(|t| text(&t.label)),
                _ => None,
            };
            json!({
                "rule": o.rule.id,
                "region": o.region.id,
                "item": o.rule.citation.item,
                "area": area_of(o.region, &o.rule.area),
                "name": text(&o.rule.name),
                "member": o.member,
                "status": o.status,
                "universal": o.rule.is_universal(),
                "cash": o.cash.as_ref().map(|c| json!({
                    "stated": range(c.stated), "period": c.period, "per": c.per,
                    "yearly": range(c.yearly()), "once": range(c.once()), "tier": tier,
                })),
                "missing": report.missing(o).iter().map(|f| f.info().name).collect::<Vec<_>>(),
                "reasons": reasons,
                "computation": computation.as_ref().map(text),
                "near_miss": miss.map(|n| text(&near_miss_text(n))),
                "target": o.rule.target,
                "content": text(&o.rule.content),
                "payer": text(&o.rule.payer),
                "department": text(&o.rule.department),
                "note": o.rule.note.as_ref().map(text),
                "source": o.rule.citation,
                "document": o.region.document.title,
            })
        })
        .collect();
    let qs: Vec<Json> = questions(&report)
        .iter()
        .map(|q| {
            let info = q.fact.info();
            let choices = match &info.kind {
                Kind::Choice { choices } => Some(choices.iter().map(|c| json!({"code": c.code, "zh": c.zh, "en": c.en})).collect::<Vec<_>>()),
                _ => None,
            };
            json!({"fact": info.name, "member": q.member, "rules": q.rules, "amount": q.amount.normalize().to_string(),
                   "zh": info.zh, "en": info.en, "hint_zh": info.hint_zh, "hint_en": info.hint_en,
                   "kind": info.kind, "choices": choices})
        })
        .collect();
    json!({
        "schema": SCHEMA,
        "region": {"id": region.id, "name": text(&region.name)},
        "date": date,
        "documents": chain.iter().map(|r| json!({
            "region": r.id, "file": r.document.file, "title": r.document.title, "number": r.document.number,
            "valid_from": r.document.valid_from, "valid_to": r.document.valid_to, "dated": date > r.document.valid_to,
        })).collect::<Vec<_>>(),
        "rounding": {"zh": "金额按元精确计算；月度折算四舍五入到分。按天计算的补助仅在填写天数后计入。",
                     "en": "Amounts are exact in yuan; monthly equivalents are rounded to the fen, half away from zero. Per-day aid is counted only once the number of days is given."},
        "totals": {
            "household": totals_json(&report.total),
            "members": report.members.iter().map(totals_json).collect::<Vec<_>>(),
            "household_rules": totals_json(&report.household_rules),
        },
        "results": results,
        "questions": qs,
        "not_resident_facing": report.not_resident_facing.iter().map(|r| json!({
            "rule": r.id, "name": text(&r.name),
            "reason": match &r.applicability { Applicability::NotResidentFacing { reason } => text(reason), _ => Json::Null },
        })).collect::<Vec<_>>(),
    })
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

/// Parses text, evaluates against the embedded catalog, returns the output or an error.
pub fn estimate_str(input: &str, region: Option<&str>, today: Date) -> Result<Json, ApiError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(ApiError::TooLarge { bytes: input.len() });
    }
    let catalog = catalog::embedded().map_err(ApiError::from)?;
    let v: Json = serde_json::from_str(input)
        .map_err(|e| ApiError::Input(InputError::Syntax(e.to_string())))?;
    let req = parse_request(&v, region, catalog)?;
    Ok(estimate(catalog, &req, today))
}
