//! The catalog layer: turns the rule files in `rules/` into validated domain values.
//!
//! Layout: one folder per region, holding `region.toml` (region, document, areas,
//! parameters) and any number of rule files (`[[rules]]`). `build.rs` checks their
//! format and packs them ([`pack`]): natively all are embedded and [`embedded`] unpacks
//! and validates them once at start-up; in the browser only the region headers are, and
//! each region's rules arrive as a pack of its own ([`packs`]). [`engine`] is either. The same validation runs in the native tests (on the files read from disk
//! by [`load`], which names the JSON path of a bad field), so an invalid rule fails CI
//! before it can reach the app.

pub mod error;
pub mod expr;
pub mod pack;
pub mod packs;
pub mod raw;
pub mod version;

pub use error::{CatalogError, Location};

mod amount;
mod lint;
mod region;
mod rule;

use crate::domain::date::Date;
use crate::domain::engine::Engine;
use crate::domain::rule::{Catalog, Region};
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

/// The catalog embedded at compile time, validated and compiled on first use: every
/// region (native builds and tests only; the browser's build embeds the region headers
/// alone).
#[cfg(any(not(target_arch = "wasm32"), test))]
pub fn embedded() -> Result<&'static Engine, &'static CatalogError> {
    static CAT: OnceLock<Result<Engine, CatalogError>> = OnceLock::new();
    CAT.get_or_init(|| {
        let files = pack::decompress(include_bytes!(concat!(env!("OUT_DIR"), "/rules.bin")))
            .and_then(|b| pack::unpack(&b))
            .map_err(|detail| CatalogError::Layout {
                at: loc("rules.bin", None, ""),
                detail: detail.into(),
            })?;
        assemble(files).map(|l| Engine::new(l.catalog))
    })
    .as_ref()
}

/// The rules in use: natively the [`embedded`] catalog; in the browser every region's
/// header and the rules of the regions loaded so far ([`add_packs`]). A region listed but
/// not [`is_loaded`] has no rules in it yet: nothing is to be estimated there.
#[cfg(not(target_arch = "wasm32"))]
pub fn engine() -> Result<&'static Engine, &'static CatalogError> {
    embedded()
}

/// Whether `region`'s rules are in [`engine`] (natively, always).
#[cfg(not(target_arch = "wasm32"))]
pub fn is_loaded(_region: &str) -> bool {
    true
}

/// The pack files still to fetch before `region` can be estimated, its parents' first:
/// empty once loaded (natively, always); `None` for a region nobody knows.
#[cfg(not(target_arch = "wasm32"))]
pub fn missing(region: &str) -> Option<Vec<&'static str>> {
    embedded().ok()?.region(region).map(|_| Vec::new())
}

#[cfg(target_arch = "wasm32")]
fn browser() -> Result<&'static std::sync::Mutex<packs::Packs>, &'static CatalogError> {
    static PACKS: OnceLock<Result<std::sync::Mutex<packs::Packs>, CatalogError>> = OnceLock::new();
    PACKS
        .get_or_init(|| packs::Packs::new().map(std::sync::Mutex::new))
        .as_ref()
}

#[cfg(target_arch = "wasm32")]
fn with_packs<T>(f: impl FnOnce(&mut packs::Packs) -> T) -> Result<T, &'static CatalogError> {
    let m = browser()?;
    let mut p = m.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    Ok(f(&mut p))
}

/// The rules in use: every region's header and the rules of the regions loaded so far
/// ([`add_packs`]). A region listed but not [`is_loaded`] has no rules in it yet: nothing
/// is to be estimated there.
#[cfg(target_arch = "wasm32")]
pub fn engine() -> Result<&'static Engine, &'static CatalogError> {
    with_packs(|p| p.engine())
}

/// Whether `region`'s rules (its own and its parents') are in [`engine`].
#[cfg(target_arch = "wasm32")]
pub fn is_loaded(region: &str) -> bool {
    with_packs(|p| p.is_loaded(region)).unwrap_or(false)
}

/// The pack files still to fetch before `region` can be estimated, its parents' first:
/// empty once loaded; `None` for a region nobody knows.
#[cfg(target_arch = "wasm32")]
pub fn missing(region: &str) -> Option<Vec<&'static str>> {
    with_packs(|p| p.missing(region)).ok().flatten()
}

/// Adds fetched packs (`(file name, bytes)`), validated with those loaded before: the new
/// [`engine`], or why not (then nothing changes).
#[cfg(target_arch = "wasm32")]
pub fn add_packs(files: &[(&str, &[u8])]) -> Result<&'static Engine, CatalogError> {
    with_packs(|p| p.add(files)).map_err(Clone::clone)?
}

pub(crate) fn loc(file: &str, rule: Option<&str>, field: &str) -> Location {
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

pub(crate) fn decimal(s: &str, at: impl Fn() -> Location) -> Result<Decimal, CatalogError> {
    s.trim()
        .parse::<Decimal>()
        .ok()
        .filter(|d| !d.is_sign_negative())
        .ok_or_else(|| CatalogError::Decimal {
            at: at(),
            got: s.to_string(),
        })
}

pub(crate) fn date(s: &str, at: impl Fn() -> Location) -> Result<Date, CatalogError> {
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
        let region = region::header(*raw, &path)?;
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
            let rule = rule::rule(raw, &regions[ri], &path)?;
            regions[ri].rules.push(rule);
        }
    }
    let catalog = Catalog::new(regions);
    region::check_tree(&catalog)?;
    Ok(Loaded { catalog, examples })
}
