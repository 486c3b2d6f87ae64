//! A rule's amount: tiers, shapes (fixed, range, at least, up to, rate, gap), the
//! values they are computed from, period, unit and kind (cash or waived).

use super::raw::{RawAmount, RawGap};
use super::{CatalogError, Location, decimal, expr};
use crate::domain::facts::{Kind, Scope, fact_by_name};
use crate::domain::money::{Per, Period};
use crate::domain::rule::{Amount, Leaf, LeafKind, Paid, Region, Text, Tier, ValueRef};
use rust_decimal::Decimal;

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

pub(super) fn amount(
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
            if super::lint::overlap(&prev.when, &tier.when, region) {
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
        // Exactly one shape was checked above.
        return Err(CatalogError::Amount {
            at: at("fixed"),
            detail: "no shape".into(),
        });
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
