//! One rule of a rule file (`[[rules]]`), validated against its region.

use super::raw::RawRule;
use super::region::citation;
use super::{CatalogError, amount, date, expr, loc};
use crate::domain::condition::Cond;
use crate::domain::facts::Scope;
use crate::domain::rule::{Amount, Applicability, Region, Rule, Text};

pub(super) fn rule(raw: RawRule, region: &Region, file: &str) -> Result<Rule, CatalogError> {
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
        Some(a) => amount::amount(a, scope, region, &at)?,
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
