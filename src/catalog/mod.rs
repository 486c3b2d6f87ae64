//! The catalog layer: turns the rule files in `rules/` into validated domain values.
//!
//! Layout: one folder per region, holding `region.toml` (region, document, areas,
//! parameters) and any number of rule files (`[[rules]]`). `build.rs` checks their
//! format and embeds them packed ([`pack`]); [`embedded`] unpacks and validates once at
//! start-up. The same validation runs in the native tests (on the files read from disk
//! by [`load`], which names the JSON path of a bad field), so an invalid rule fails CI
//! before it can reach the app.

pub mod error;
pub mod expr;
pub mod pack;
pub mod raw;
pub mod version;

pub use error::{CatalogError, Location};

use crate::domain::condition::{Cond, Ctx, ParamId, Tri};
use crate::domain::date::Date;
use crate::domain::facts::{FactId, Kind, Scope, Value, fact_by_name};
use crate::domain::figures::{self, Figure, Origin};
use crate::domain::household::Facts;
use crate::domain::money::{Per, Period};
use crate::domain::plan::Plan;
use crate::domain::rule::{
    Amount, Applicability, Area, Catalog, Citation, Document, Leaf, LeafKind, Paid, Param,
    ParamDef, Region, Rule, Text, Tier, ValueRef,
};
use raw::*;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde_json::Value as Json;
use std::sync::OnceLock;

/// One rule file as bundled: its path under `rules/` and its content as JSON.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct SourceFile {
    pub path: String,
    pub content: Json,
}

/// A worked example found in a rule file, kept for the example runner.
#[derive(Debug, Clone)]
pub struct ExampleRef {
    pub file: String,
    pub region: String,
    pub rule: String,
    pub example: RawExample,
}

/// A validated catalog and the worked examples of its rule files.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub catalog: Catalog,
    pub examples: Vec<ExampleRef>,
}

/// The catalog embedded at compile time, validated on first use.
pub fn embedded() -> Result<&'static Catalog, &'static CatalogError> {
    static CAT: OnceLock<Result<Catalog, CatalogError>> = OnceLock::new();
    CAT.get_or_init(|| {
        let files = pack::decompress(include_bytes!(concat!(env!("OUT_DIR"), "/rules.bin")))
            .and_then(|b| pack::unpack(&b))
            .map_err(|detail| CatalogError::Layout {
                at: loc("rules.bin", None, ""),
                detail: detail.into(),
            })?;
        assemble(files).map(|l| l.catalog)
    })
    .as_ref()
}

fn loc(file: &str, rule: Option<&str>, field: &str) -> Location {
    Location {
        file: file.to_string(),
        rule: rule.map(str::to_string),
        field: field.to_string(),
    }
}

fn de<T: DeserializeOwned>(v: &Json, file: &str, rule: Option<&str>) -> Result<T, CatalogError> {
    serde_path_to_error::deserialize(v).map_err(|e| CatalogError::Format {
        at: loc(file, rule, &e.path().to_string()),
        detail: e.inner().to_string(),
    })
}

fn decimal(s: &str, at: impl Fn() -> Location) -> Result<Decimal, CatalogError> {
    s.trim()
        .parse::<Decimal>()
        .ok()
        .filter(|d| !d.is_sign_negative())
        .ok_or_else(|| CatalogError::Decimal {
            at: at(),
            got: s.to_string(),
        })
}

fn date(s: &str, at: impl Fn() -> Location) -> Result<Date, CatalogError> {
    Date::parse(s).ok_or_else(|| CatalogError::Date {
        at: at(),
        got: s.to_string(),
    })
}

/// Checks the format of bundled files (naming the JSON path of a bad field) and
/// validates them into a catalog.
pub fn load(mut files: Vec<SourceFile>) -> Result<Loaded, CatalogError> {
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut parsed = Vec::with_capacity(files.len());
    for f in files {
        let file = if f.path.ends_with("/region.toml") {
            RawFile::Region(Box::new(de(&f.content, &f.path, None)?))
        } else {
            let file: RawRulesFile = de(&f.content, &f.path, None)?;
            let mut rules = Vec::with_capacity(file.rules.len());
            for (i, v) in file.rules.iter().enumerate() {
                let hint = v
                    .get("id")
                    .and_then(Json::as_str)
                    .map(str::to_string)
                    .unwrap_or(format!("#{i}"));
                rules.push(de(v, &f.path, Some(&hint))?);
            }
            RawFile::Rules(rules)
        };
        parsed.push((f.path, file));
    }
    assemble(parsed)
}

/// Validates format-checked files (`(path under rules/, content)`, sorted by path as
/// [`load`] and `build.rs` give them) into a catalog. Not sorting here keeps a sort
/// instantiation out of the wasm.
pub fn assemble(files: Vec<(String, RawFile)>) -> Result<Loaded, CatalogError> {
    if !files.is_sorted_by(|a, b| a.0 < b.0) {
        return Err(CatalogError::Layout {
            at: loc("", None, ""),
            detail: "rule files out of path order (or one path twice)".into(),
        });
    }
    let mut regions: Vec<Region> = Vec::new();
    let mut rule_files = Vec::new();
    // Region headers first, so rule files can be checked against them.
    for (path, file) in files {
        let raw = match file {
            RawFile::Region(raw) => raw,
            RawFile::Rules(rules) => {
                rule_files.push((path, rules));
                continue;
            }
        };
        let dir = path.trim_end_matches("/region.toml");
        let region = region_header(*raw, &path)?;
        if region.id != dir {
            return Err(CatalogError::Layout {
                at: loc(&path, None, "region.id"),
                detail: format!("region id `{}` must match its folder `{dir}`", region.id),
            });
        }
        if regions.iter().any(|r| r.id == region.id) {
            return Err(CatalogError::Duplicate {
                at: loc(&path, None, "region.id"),
                id: region.id,
            });
        }
        regions.push(region);
    }
    let mut examples = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (path, rules) in rule_files {
        let Some((dir, _)) = path.split_once('/') else {
            return Err(CatalogError::Layout {
                at: loc(&path, None, ""),
                detail: "rule files belong in a region folder".into(),
            });
        };
        let Some(ri) = regions.iter().position(|r| r.id == dir) else {
            return Err(CatalogError::Layout {
                at: loc(&path, None, ""),
                detail: format!("folder `{dir}` has no region.toml"),
            });
        };
        for raw in rules {
            if !ids.insert(raw.id.clone()) {
                return Err(CatalogError::Duplicate {
                    at: loc(&path, Some(&raw.id), "id"),
                    id: raw.id,
                });
            }
            for ex in &raw.examples {
                examples.push(ExampleRef {
                    file: path.clone(),
                    region: dir.to_string(),
                    rule: raw.id.clone(),
                    example: ex.clone(),
                });
            }
            let rule = rule(raw, &regions[ri], &path)?;
            regions[ri].rules.push(rule);
        }
    }
    let catalog = Catalog::new(regions);
    check_tree(&catalog)?;
    Ok(Loaded { catalog, examples })
}

fn region_header(raw: RawRegionFile, file: &str) -> Result<Region, CatalogError> {
    let d = &raw.document;
    let document = Document {
        file: d.file.clone(),
        title: d.title.clone(),
        number: d.number.clone(),
        valid_from: date(&d.valid_from, || loc(file, None, "document.valid_from"))?,
        valid_to: date(&d.valid_to, || loc(file, None, "document.valid_to"))?,
    };
    if document.valid_to < document.valid_from {
        return Err(CatalogError::Date {
            at: loc(file, None, "document.valid_to"),
            got: d.valid_to.clone(),
        });
    }
    let mut areas: Vec<Area> = Vec::new();
    for (i, a) in raw.areas.into_iter().enumerate() {
        if areas.iter().any(|x| x.id == a.id) {
            return Err(CatalogError::Duplicate {
                at: loc(file, None, &format!("areas[{i}].id")),
                id: a.id,
            });
        }
        areas.push(Area {
            id: a.id,
            name: Text::new(a.zh, a.en),
            items: a.items,
        });
    }
    let mut params: Vec<Param> = Vec::new();
    for (i, p) in raw.params.into_iter().enumerate() {
        let at = |field: &str| loc(file, Some(&p.id), &format!("params[{i}].{field}"));
        if params.iter().any(|x| x.id == p.id) {
            return Err(CatalogError::Duplicate {
                at: at("id"),
                id: p.id.clone(),
            });
        }
        let def = match (&p.schedule, &p.scaled) {
            (Some(s), None) if !s.is_empty() => {
                let mut out: Vec<(Date, Decimal)> = Vec::new();
                for (j, e) in s.iter().enumerate() {
                    let d = date(&e.from, || at(&format!("schedule[{j}].from")))?;
                    if out.last().is_some_and(|(prev, _)| *prev >= d) {
                        return Err(CatalogError::Date {
                            at: at(&format!("schedule[{j}].from")),
                            got: e.from.clone(),
                        });
                    }
                    out.push((
                        d,
                        decimal(&e.value, || at(&format!("schedule[{j}].value")))?,
                    ));
                }
                ParamDef::Schedule(out)
            }
            (None, Some(sc)) => {
                let of = params.iter().position(|x| x.id == sc.of).ok_or_else(|| {
                    CatalogError::Unknown {
                        at: at("scaled.of"),
                        what: "parameter (declare it before)",
                        name: sc.of.clone(),
                    }
                })?;
                ParamDef::Scaled {
                    factor: decimal(&sc.factor, || at("scaled.factor"))?,
                    of: ParamId(of as u16),
                    of_name: sc.of.clone(),
                }
            }
            _ => {
                return Err(CatalogError::Format {
                    at: at("schedule"),
                    detail: "give exactly one of `schedule` (non-empty) or `scaled`".into(),
                });
            }
        };
        let citation = match &p.source {
            Some(s) => Some(citation(s, file, &p.id, "source", &document)?),
            None if matches!(def, ParamDef::Scaled { .. }) => None,
            None => {
                return Err(CatalogError::Citation {
                    at: at("source"),
                    detail: "a scheduled parameter needs a source".into(),
                });
            }
        };
        params.push(Param {
            id: p.id.clone(),
            label: Text::new(p.zh.clone(), p.en.clone()),
            def,
            citation,
        });
    }
    let mut figures: Vec<Figure> = Vec::new();
    for (i, g) in raw.figures.iter().enumerate() {
        let at = |field: &str| loc(file, Some(&g.fact), &format!("figures[{i}].{field}"));
        let fact = fact_by_name(&g.fact).ok_or_else(|| CatalogError::Unknown {
            at: at("fact"),
            what: "fact",
            name: g.fact.clone(),
        })?;
        if !figures::is_deployment_wide(fact) {
            return Err(CatalogError::Format {
                at: at("fact"),
                detail: format!(
                    "only a deployment-wide fact ({}) can be a document figure",
                    figures::DEPLOYMENT_WIDE.join(", ")
                ),
            });
        }
        if figures.iter().any(|f| f.fact == fact) {
            return Err(CatalogError::Duplicate {
                at: at("fact"),
                id: g.fact.clone(),
            });
        }
        let value = crate::domain::answer::parse_answer(fact, &g.value)
            .ok()
            .flatten()
            .ok_or_else(|| CatalogError::Format {
                at: at("value"),
                detail: format!("`{}` is not a value of {}", g.value, g.fact),
            })?;
        if !(1990..=2100).contains(&g.year) {
            return Err(CatalogError::Format {
                at: at("year"),
                detail: format!("{} is not a year", g.year),
            });
        }
        let citation = citation(
            &g.source,
            file,
            &g.fact,
            &format!("figures[{i}].source"),
            &document,
        )?;
        figures.push(Figure {
            fact,
            value,
            year: g.year as u16,
            origin: Origin::Document { citation },
        });
    }
    Ok(Region {
        id: raw.region.id,
        name: Text::new(raw.region.zh, raw.region.en),
        parent: raw.region.parent.filter(|p| !p.is_empty()),
        document,
        areas,
        params,
        figures,
        rules: Vec::new(),
    })
}

fn citation(
    s: &RawSource,
    file: &str,
    rule: &str,
    field: &str,
    doc: &Document,
) -> Result<Citation, CatalogError> {
    let at = |f: &str| loc(file, Some(rule), &format!("{field}.{f}"));
    if s.file != doc.file {
        return Err(CatalogError::Citation {
            at: at("file"),
            detail: format!(
                "cites `{}` but the region's document is `{}`",
                s.file, doc.file
            ),
        });
    }
    if s.lines[0] == 0 || s.lines[0] > s.lines[1] {
        return Err(CatalogError::Citation {
            at: at("lines"),
            detail: format!("bad line range {:?}", s.lines),
        });
    }
    if s.quote.is_empty() || s.quote.iter().any(|q| q.trim().is_empty()) {
        return Err(CatalogError::Citation {
            at: at("quote"),
            detail: "quote the words the rule encodes".into(),
        });
    }
    if s.item.trim().is_empty() {
        return Err(CatalogError::Citation {
            at: at("item"),
            detail: "item is empty".into(),
        });
    }
    Ok(Citation {
        file: s.file.clone(),
        item: s.item.clone(),
        lines: (s.lines[0], s.lines[1]),
        quotes: s.quote.clone(),
    })
}

fn rule(raw: RawRule, region: &Region, file: &str) -> Result<Rule, CatalogError> {
    let id = raw.id.clone();
    let at = |field: &str| loc(file, Some(&id), field);
    if !region.areas.iter().any(|a| a.id == raw.area) {
        return Err(CatalogError::Unknown {
            at: at("area"),
            what: "area",
            name: raw.area.clone(),
        });
    }
    let scope = match raw.scope.as_deref() {
        None | Some("member") => Scope::Member,
        Some("household") => Scope::Household,
        Some(other) => {
            return Err(CatalogError::Format {
                at: at("scope"),
                detail: format!("`{other}`: use member or household"),
            });
        }
    };
    let params = |name: &str| region.param_id(name);
    let when = match raw.when.as_deref() {
        None => Cond::True,
        Some(src) => {
            expr::parse(src, scope, &params).map_err(|detail| CatalogError::Condition {
                at: at("when"),
                detail,
            })?
        }
    };
    let amount = match &raw.amount {
        None => Amount::InKind,
        Some(a) => amount(a, scope, region, &at)?,
    };
    let source = raw.source.as_ref().ok_or_else(|| CatalogError::Citation {
        at: at("source"),
        detail: "missing".into(),
    })?;
    let citation = citation(source, file, &id, "source", &region.document)?;
    let valid_from = raw
        .valid_from
        .as_deref()
        .map(|d| date(d, || at("valid_from")))
        .transpose()?;
    let valid_to = raw
        .valid_to
        .as_deref()
        .map(|d| date(d, || at("valid_to")))
        .transpose()?;
    if let (Some(f), Some(t)) = (valid_from, valid_to)
        && t < f
    {
        return Err(CatalogError::Date {
            at: at("valid_to"),
            got: t.to_string(),
        });
    }
    let applicability = match raw.not_resident_facing {
        Some(reason) => Applicability::NotResidentFacing {
            reason: Text::new(reason, raw.not_resident_facing_en.unwrap_or_default()),
        },
        None => Applicability::Resident,
    };
    Ok(Rule {
        id: raw.id,
        area: raw.area,
        name: Text::new(raw.zh, raw.en),
        target: raw.target,
        content: Text::new(raw.content, raw.content_en),
        scope,
        plan: Plan::new(&when, &amount),
        when,
        amount,
        payer: Text::new(raw.payer, raw.payer_en),
        department: Text::new(raw.department, raw.department_en),
        note: raw
            .note
            .map(|n| Text::new(n, raw.note_en.unwrap_or_default())),
        applicability,
        citation,
        replaces: raw.replaces,
        valid_from,
        valid_to,
    })
}

struct LeafFields<'a> {
    paid: Option<&'a str>,
    period: Option<&'a str>,
    per: Option<&'a str>,
    fixed: &'a Option<String>,
    range: &'a Option<[String; 2]>,
    at_least: &'a Option<String>,
    up_to: &'a Option<String>,
    rate: &'a Option<String>,
    count: &'a Option<String>,
    gap: &'a Option<RawGap>,
    decided_by: &'a Option<String>,
    decided_by_en: &'a Option<String>,
}

fn amount(
    a: &RawAmount,
    scope: Scope,
    region: &Region,
    at: &dyn Fn(&str) -> Location,
) -> Result<Amount, CatalogError> {
    let own = LeafFields {
        paid: a.kind.as_deref(),
        period: a.period.as_deref(),
        per: a.per.as_deref(),
        fixed: &a.fixed,
        range: &a.range,
        at_least: &a.at_least,
        up_to: &a.up_to,
        rate: &a.rate,
        count: &a.count,
        gap: &a.gap,
        decided_by: &a.decided_by,
        decided_by_en: &a.decided_by_en,
    };
    let Some(tiers) = &a.tiers else {
        return Ok(Amount::Cash(leaf(&own, scope, region, &|f| {
            at(&format!("amount.{f}"))
        })?));
    };
    if own.fixed.is_some()
        || own.range.is_some()
        || own.at_least.is_some()
        || own.up_to.is_some()
        || own.rate.is_some()
        || own.gap.is_some()
    {
        return Err(CatalogError::Amount {
            at: at("amount"),
            detail: "give either tiers or one shape, not both".into(),
        });
    }
    if tiers.is_empty() {
        return Err(CatalogError::Amount {
            at: at("amount.tiers"),
            detail: "no tiers".into(),
        });
    }
    let params = |name: &str| region.param_id(name);
    let mut out: Vec<Tier> = Vec::new();
    for (i, t) in tiers.iter().enumerate() {
        let tat = |f: &str| at(&format!("amount.tiers[{i}].{f}"));
        let fields = LeafFields {
            paid: own.paid,
            period: t.period.as_deref().or(own.period),
            per: t.per.as_deref().or(own.per),
            fixed: &t.fixed,
            range: &t.range,
            at_least: &t.at_least,
            up_to: &t.up_to,
            rate: &t.rate,
            count: &t.count,
            gap: &t.gap,
            decided_by: if t.decided_by.is_some() {
                &t.decided_by
            } else {
                own.decided_by
            },
            decided_by_en: if t.decided_by_en.is_some() {
                &t.decided_by_en
            } else {
                own.decided_by_en
            },
        };
        let when =
            expr::parse(&t.when, scope, &params).map_err(|detail| CatalogError::Condition {
                at: tat("when"),
                detail,
            })?;
        let tier = Tier {
            label: Text::new(t.zh.clone(), t.en.clone()),
            when,
            leaf: leaf(&fields, scope, region, &tat)?,
        };
        // An authoring check, not needed to build the catalog: the native tests run it on
        // the very files the app embeds (and check the two catalogs are equal), so the
        // app skips its search and ~5 KB gzip of wasm.
        for prev in out.iter().filter(|_| cfg!(not(target_arch = "wasm32"))) {
            if overlap(&prev.when, &tier.when, region) {
                return Err(CatalogError::OverlappingTiers {
                    at: tat("when"),
                    first: prev.label.zh.clone(),
                    second: tier.label.zh.clone(),
                });
            }
        }
        out.push(tier);
    }
    Ok(Amount::Tiers(out))
}

fn value_ref(
    s: &str,
    scope: Scope,
    region: &Region,
    at: &dyn Fn() -> Location,
) -> Result<ValueRef, CatalogError> {
    // `1.5 * 1.1 * @fact`: constant factors times one reference.
    if s.contains('*') {
        let parts: Vec<&str> = s.split('*').map(str::trim).collect();
        let (refs, nums): (Vec<&str>, Vec<&str>) = parts
            .iter()
            .partition(|p| p.starts_with('$') || p.starts_with('@'));
        if refs.len() != 1 {
            return Err(CatalogError::Amount {
                at: at(),
                detail: format!("`{s}`: a product needs exactly one $param or @fact"),
            });
        }
        let mut k = Decimal::ONE;
        for n in nums {
            k *= decimal(n, at)?;
        }
        return Ok(ValueRef::Scaled(
            k,
            Box::new(value_ref(refs[0], scope, region, at)?),
        ));
    }
    if let Some(p) = s.strip_prefix('$') {
        return region
            .param_id(p)
            .map(ValueRef::Param)
            .ok_or_else(|| CatalogError::Unknown {
                at: at(),
                what: "parameter",
                name: p.into(),
            });
    }
    if let Some(f) = s.strip_prefix('@') {
        let id = fact_by_name(f).ok_or_else(|| CatalogError::Unknown {
            at: at(),
            what: "fact",
            name: f.into(),
        })?;
        let info = id.info();
        if !matches!(info.kind, Kind::Money { .. } | Kind::Int { .. })
            || (info.scope == Scope::Member && scope == Scope::Household)
        {
            return Err(CatalogError::Amount {
                at: at(),
                detail: format!("`{f}` cannot be used as an amount here"),
            });
        }
        return Ok(ValueRef::Fact(id));
    }
    Ok(ValueRef::Lit(decimal(s, at)?))
}

fn leaf(
    f: &LeafFields,
    scope: Scope,
    region: &Region,
    at: &dyn Fn(&str) -> Location,
) -> Result<Leaf, CatalogError> {
    let v = |s: &str, field: &str| value_ref(s, scope, region, &|| at(field));
    let shapes = [
        f.fixed.is_some(),
        f.range.is_some(),
        f.at_least.is_some(),
        f.up_to.is_some(),
        f.rate.is_some(),
        f.gap.is_some(),
    ];
    if shapes.iter().filter(|b| **b).count() != 1 {
        return Err(CatalogError::Amount {
            at: at("fixed"),
            detail: "give exactly one of fixed, range, at_least, up_to, rate, gap".into(),
        });
    }
    if f.count.is_some() && f.rate.is_none() {
        return Err(CatalogError::Amount {
            at: at("count"),
            detail: "`count` goes with `rate`".into(),
        });
    }
    let kind = if let Some(x) = f.fixed {
        LeafKind::Fixed(v(x, "fixed")?)
    } else if let Some([a, b]) = f.range {
        let (min, max) = (v(a, "range[0]")?, v(b, "range[1]")?);
        if let (ValueRef::Lit(x), ValueRef::Lit(y)) = (&min, &max)
            && x >= y
        {
            return Err(CatalogError::Amount {
                at: at("range"),
                detail: "range min must be below max".into(),
            });
        }
        LeafKind::Range { min, max }
    } else if let Some(x) = f.at_least {
        LeafKind::AtLeast(v(x, "at_least")?)
    } else if let Some(x) = f.up_to {
        LeafKind::UpTo(v(x, "up_to")?)
    } else if let Some(x) = f.rate {
        let c = f.count.as_deref().ok_or_else(|| CatalogError::Amount {
            at: at("count"),
            detail: "a rate needs `count` (a fact)".into(),
        })?;
        let count = fact_by_name(c).ok_or_else(|| CatalogError::Unknown {
            at: at("count"),
            what: "fact",
            name: c.into(),
        })?;
        if !matches!(count.info().kind, Kind::Int { .. }) {
            return Err(CatalogError::Amount {
                at: at("count"),
                detail: format!("`{c}` is not a count"),
            });
        }
        LeafKind::Rate {
            rate: v(x, "rate")?,
            count,
        }
    } else if let Some(g) = f.gap {
        LeafKind::Gap {
            standard: v(&g.standard, "gap.standard")?,
            income: v(&g.income, "gap.income")?,
            times_household: g.times_household,
        }
    } else {
        unreachable!("exactly one shape was checked above")
    };
    let period = f.period.ok_or_else(|| CatalogError::Amount {
        at: at("period"),
        detail: "missing period".into(),
    })?;
    let period = Period::parse(period).ok_or_else(|| CatalogError::Amount {
        at: at("period"),
        detail: format!("`{period}`: use day, month, year or once"),
    })?;
    let per = f.per.ok_or_else(|| CatalogError::Amount {
        at: at("per"),
        detail: "missing per".into(),
    })?;
    let per = Per::parse(per).ok_or_else(|| CatalogError::Amount {
        at: at("per"),
        detail: format!("`{per}`: use person, student or household"),
    })?;
    if matches!(kind, LeafKind::Range { .. }) && f.decided_by.is_none() {
        return Err(CatalogError::Amount {
            at: at("decided_by"),
            detail: "a range must say who sets the exact figure".into(),
        });
    }
    let paid = match f.paid {
        None | Some("cash") => Paid::Cash,
        Some("waived") => Paid::Waived,
        Some(other) => {
            return Err(CatalogError::Amount {
                at: at("kind"),
                detail: format!("`{other}`: use cash or waived"),
            });
        }
    };
    Ok(Leaf {
        kind,
        paid,
        period,
        per,
        decided_by: f
            .decided_by
            .as_ref()
            .map(|z| Text::new(z.clone(), f.decided_by_en.clone().unwrap_or_default())),
    })
}

/// Whether some household meets both conditions: tries every combination of the
/// values that matter (yes/no, each choice, each threshold ±1 step) of the facts the
/// two conditions mention. Gives up (no overlap reported) above 20 000 combinations.
fn overlap(a: &Cond, b: &Cond, region: &Region) -> bool {
    let mut facts = Vec::new();
    a.facts(&mut facts);
    b.facts(&mut facts);
    facts.sort_unstable();
    facts.dedup();
    let params = region.params_at(region.document.valid_to);
    let mut domains: Vec<(FactId, Vec<Option<Value>>)> = Vec::new();
    for f in &facts {
        let info = f.info();
        let mut vals: Vec<Option<Value>> = vec![None];
        match &info.kind {
            Kind::Bool => vals.extend([Some(Value::Bool(true)), Some(Value::Bool(false))]),
            Kind::Choice { choices } => {
                vals.extend((0..choices.len()).map(|i| Some(Value::Choice(i as u8))))
            }
            Kind::Int { min, max, .. } => {
                let mut ts = Vec::new();
                a.thresholds(*f, &params, &|_| None, &mut ts);
                b.thresholds(*f, &params, &|_| None, &mut ts);
                let mut ns: Vec<i64> = vec![*min, *max];
                for t in ts {
                    if let Ok(t) = i64::try_from(t.trunc()) {
                        ns.extend([t - 1, t, t + 1]);
                    }
                }
                ns.retain(|n| (*min..=*max).contains(n));
                ns.sort_unstable();
                ns.dedup();
                vals.extend(ns.into_iter().map(|n| Some(Value::Int(n))));
            }
            Kind::Money { .. } => {
                let mut ts = Vec::new();
                a.thresholds(*f, &params, &|_| None, &mut ts);
                b.thresholds(*f, &params, &|_| None, &mut ts);
                let step = Decimal::new(1, 2);
                let mut ns = vec![Decimal::ZERO];
                for t in ts {
                    ns.extend([(t - step).max(Decimal::ZERO), t, t + step]);
                }
                ns.sort_unstable();
                ns.dedup();
                vals.extend(ns.into_iter().map(|n| Some(Value::Money(n))));
            }
        }
        domains.push((*f, vals));
    }
    let combos: usize = domains
        .iter()
        .map(|(_, v)| v.len())
        .try_fold(1usize, |acc, n| acc.checked_mul(n))
        .unwrap_or(usize::MAX);
    if combos > 20_000 {
        return false;
    }
    let mut idx = vec![0usize; domains.len()];
    loop {
        let mut member = Facts::default();
        let mut household = Facts::default();
        for (k, (f, vals)) in domains.iter().enumerate() {
            match f.info().scope {
                Scope::Member => member.set(*f, vals[idx[k]]),
                Scope::Household => household.set(*f, vals[idx[k]]),
            }
        }
        let members = [member];
        let ctx = Ctx {
            member: Some(&members[0]),
            household: &household,
            members: &members,
            params: &params,
        };
        if a.eval(&ctx, &mut Vec::new()) == Tri::Yes && b.eval(&ctx, &mut Vec::new()) == Tri::Yes {
            return true;
        }
        // Next combination (odometer).
        let mut k = 0;
        loop {
            if k == idx.len() {
                return false;
            }
            idx[k] += 1;
            if idx[k] < domains[k].1.len() {
                break;
            }
            idx[k] = 0;
            k += 1;
        }
    }
}

fn check_tree(c: &Catalog) -> Result<(), CatalogError> {
    for r in &c.regions {
        let file = format!("{}/region.toml", r.id);
        if let Some(p) = &r.parent
            && c.region(p).is_none()
        {
            return Err(CatalogError::Unknown {
                at: loc(&file, None, "region.parent"),
                what: "region",
                name: p.clone(),
            });
        }
        let chain = c.chain(r);
        if chain.len() > 8 || chain.iter().skip(1).any(|x| x.id == r.id) {
            return Err(CatalogError::Layout {
                at: loc(&file, None, "region.parent"),
                detail: "parent chain loops".into(),
            });
        }
        for rule in &r.rules {
            for rep in &rule.replaces {
                if !chain[1..]
                    .iter()
                    .any(|anc| anc.rules.iter().any(|x| &x.id == rep))
                {
                    return Err(CatalogError::Unknown {
                        at: loc(&file, Some(&rule.id), "replaces"),
                        what: "rule of a parent region",
                        name: rep.clone(),
                    });
                }
            }
        }
    }
    Ok(())
}
