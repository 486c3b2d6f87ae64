//! A region's header (`region.toml`: the region, its document, areas, parameters and
//! figures), citations, and the checks of the region tree (parents, replaced rules).

use super::raw::{RawRegionFile, RawSource};
use super::{CatalogError, date, decimal, loc};
use crate::domain::condition::ParamId;
use crate::domain::date::Date;
use crate::domain::facts::fact_by_name;
use crate::domain::figures::{self, Figure, Origin};
use crate::domain::rule::{Area, Catalog, Citation, Document, Param, ParamDef, Region, Text};
use rust_decimal::Decimal;

pub(super) fn header(raw: RawRegionFile, file: &str) -> Result<Region, CatalogError> {
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

pub(super) fn citation(
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

pub(super) fn check_tree(c: &Catalog) -> Result<(), CatalogError> {
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
