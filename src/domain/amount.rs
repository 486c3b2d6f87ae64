//! A rule's amount for one member: the cash shape of an outcome not met, and the figure
//! of one met or undetermined (tiers, ranges, rates, gaps), computed exactly.

use super::condition::{Source, Tri, cmp_decimal};
use super::facts::{FactId, Value, id};
use super::money::{MoneyRange, mul_exact, sub_exact};
use super::outcome::CashOut;
use super::rule::{Amount, Leaf, LeafKind, Tier, ValueRef};
use rust_decimal::Decimal;

/// The cash shape without computing (for outcomes that are not met).
pub(crate) fn cash_shape(a: &Amount) -> Option<CashOut> {
    let leaf = match a {
        Amount::InKind => return None,
        Amount::Cash(l) => l,
        Amount::Tiers(t) => &t.first()?.leaf,
    };
    Some(CashOut {
        stated: None,
        period: leaf.period,
        per: leaf.per,
        tier: None,
        over_count: matches!(leaf.kind, LeafKind::Rate { .. }),
        paid: leaf.paid,
    })
}

/// The amount of a rule whose condition is met or undetermined. `tier` gives a
/// tier's condition (`Cond::eval_in`, or a compiled plan) and records what it misses.
#[inline(always)]
pub(crate) fn cash<S: Source>(
    a: &Amount,
    ctx: &S,
    missing: &mut Vec<FactId>,
    mut tier: impl FnMut(usize, &Tier, &mut Vec<FactId>) -> Tri,
) -> Option<CashOut> {
    match a {
        Amount::InKind => None,
        Amount::Cash(leaf) => Some(leaf_out(leaf, None, ctx, missing)),
        Amount::Tiers(tiers) => {
            // The first tier that holds applies; if earlier tiers are undetermined, the
            // amount is the hull of every tier still possible.
            let mut possible: Option<CashOut> = None;
            for (i, t) in tiers.iter().enumerate() {
                let st = tier(i, t, missing);
                match st {
                    Tri::No => continue,
                    Tri::Yes if possible.is_none() => {
                        return Some(leaf_out(&t.leaf, u16::try_from(i).ok(), ctx, missing));
                    }
                    _ => {
                        let o = leaf_out(&t.leaf, u16::try_from(i).ok(), ctx, missing);
                        possible = Some(match possible {
                            None => CashOut { tier: None, ..o },
                            Some(p) => hull(p, o),
                        });
                        if st == Tri::Yes {
                            break;
                        }
                    }
                }
            }
            // No tier applies although the rule does: the document gives no amount for
            // this case; keep the shape with no figure.
            possible.or_else(|| cash_shape(a))
        }
    }
}

fn hull(a: CashOut, b: CashOut) -> CashOut {
    let h = |x: Option<MoneyRange>, y: Option<MoneyRange>| match (x, y) {
        (Some(x), Some(y)) => Some(x.hull(y)),
        _ => None,
    };
    CashOut {
        stated: if a.period == b.period && a.over_count == b.over_count {
            h(a.stated, b.stated)
        } else {
            None
        },
        period: a.period,
        per: a.per,
        tier: None,
        over_count: a.over_count,
        paid: a.paid,
    }
}

#[inline]
fn value<S: Source>(v: &ValueRef, ctx: &S, missing: &mut Vec<FactId>) -> Option<Decimal> {
    match v {
        ValueRef::Lit(d) => Some(*d),
        ValueRef::Param(p) => ctx.param(*p),
        ValueRef::Fact(f) => {
            let x = ctx.fact(*f).and_then(Value::number);
            if x.is_none() {
                missing.push(*f);
            }
            x
        }
        ValueRef::Scaled(k, inner) => value(inner, ctx, missing).map(|v| mul_exact(v, *k)),
    }
}

#[inline(always)]
fn leaf_out<S: Source>(
    leaf: &Leaf,
    tier: Option<u16>,
    ctx: &S,
    missing: &mut Vec<FactId>,
) -> CashOut {
    let stated = match &leaf.kind {
        LeafKind::Fixed(v) => value(v, ctx, missing).map(MoneyRange::exact),
        LeafKind::Range { min, max } => {
            match (value(min, ctx, missing), value(max, ctx, missing)) {
                // As `a.min(b)` and `a.max(b)`, by the cheaper comparison: on a tie
                // both return `a` (so both ends keep its scale).
                (Some(a), Some(b)) => {
                    let (min, max) = match cmp_decimal(a, b) {
                        std::cmp::Ordering::Greater => (b, a),
                        std::cmp::Ordering::Less => (a, b),
                        std::cmp::Ordering::Equal => (a, a),
                    };
                    Some(MoneyRange {
                        min,
                        max: Some(max),
                    })
                }
                _ => None,
            }
        }
        LeafKind::AtLeast(v) => value(v, ctx, missing).map(|m| MoneyRange { min: m, max: None }),
        LeafKind::UpTo(v) => value(v, ctx, missing).map(|m| MoneyRange {
            min: Decimal::ZERO,
            max: Some(m),
        }),
        LeafKind::Rate { rate, count } => {
            let r = value(rate, ctx, missing);
            let n = value(&ValueRef::Fact(*count), ctx, missing);
            r.zip(n).map(|(r, n)| MoneyRange::exact(mul_exact(r, n)))
        }
        LeafKind::Gap {
            standard,
            income,
            times_household,
        } => {
            let s = value(standard, ctx, missing);
            let i = value(income, ctx, missing);
            let n = if *times_household {
                value(&ValueRef::Fact(id::HOUSEHOLD_SIZE), ctx, missing)
            } else {
                Some(Decimal::ONE)
            };
            match (s, i, n) {
                (Some(s), Some(i), Some(n)) => {
                    // `(s - i).max(0) * n`, through the mantissas where they fit.
                    let gap = sub_exact(s, i);
                    let gap = if cmp_decimal(gap, Decimal::ZERO).is_gt() {
                        gap
                    } else {
                        Decimal::ZERO
                    };
                    Some(MoneyRange::exact(mul_exact(gap, n)))
                }
                _ => None,
            }
        }
    };
    CashOut {
        stated,
        period: leaf.period,
        per: leaf.per,
        tier,
        over_count: matches!(leaf.kind, LeafKind::Rate { .. }),
        paid: leaf.paid,
    }
}
