//! What would change: the household's yearly cash as its income per head runs from 0
//! past the highest income threshold in force, and over the next years as its members
//! age. Both re-run the engine on altered copies of the household (nothing is
//! interpolated): the income curve at every threshold and a fen either side of it,
//! so every cliff is found exactly; the years at each birthday to come.

use super::condition::Tri;
use super::date::Date;
use super::engine::Engine;
use super::evaluate::evaluate_in;
use super::facts::{FactId, Value, id};
use super::figures::Settings;
use super::household::Household;
use super::money::MoneyRange;
use super::outcome::Report;
use super::plausible;
use super::rule::{Amount, Leaf, LeafKind, Paid, Region, Text, ValueRef};
use rust_decimal::Decimal;

/// One outcome whose status or cash differs between two evaluations.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub rule: String,
    pub name: Text,
    /// `None`: a household rule.
    pub member: Option<usize>,
    pub before: State,
    pub after: State,
}

/// An outcome as a resident sees it: whether it applies and its cash per year (or, for
/// a one-off payment, once).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct State {
    pub status: Tri,
    /// Cash paid per year while eligible; `None` for services, waivers and one-offs.
    pub yearly: Option<MoneyRange>,
    /// Cash paid per month, where the amount is monthly (for "120 → 140 元/月").
    pub monthly: Option<MoneyRange>,
}

/// One evaluated point of the income curve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IncomePoint {
    /// Monthly income per head, yuan.
    pub income: Decimal,
    /// Cash paid per year at that income.
    pub yearly: MoneyRange,
}

/// Where the yearly cash jumps: from `at` on, `changes` hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Cliff {
    /// The lowest income (to the fen) at which the new state holds.
    pub at: Decimal,
    pub before: MoneyRange,
    pub after: MoneyRange,
    pub changes: Vec<Change>,
}

/// The household's yearly cash along its monthly income per head.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomeCurve {
    /// Points in increasing income, exact at every threshold.
    pub points: Vec<IncomePoint>,
    pub cliffs: Vec<Cliff>,
    /// The household's own answer, if given.
    pub current: Option<Decimal>,
    /// The household receives 低保 today: along the curve its 低保 is decided by income
    /// (the assets it was admitted with taken as still within the rules).
    pub dibao_by_income: bool,
    /// Figures a threshold compares income with that nobody has given yet (the local 低保
    /// standard): until they are known, the cliffs they make cannot be placed.
    pub unknown_thresholds: Vec<FactId>,
}

/// The income fact the curve moves.
fn income_fact() -> FactId {
    id::INCOME_PER_CAPITA_MONTH
}

/// Whether any rule in force in `region` on `date` reads the monthly income per head (in
/// its condition, a tier or its amount): whether an income curve has anything to show.
/// Cheap: no evaluation.
pub fn reads_income(catalog: &Engine, region: &Region, date: Date) -> bool {
    let income = income_fact();
    catalog
        .effective_rules(region)
        .into_iter()
        .any(|(_, rule)| {
            if !rule.in_force(date) {
                return false;
            }
            let mut facts = Vec::new();
            rule.when.facts(&mut facts);
            if let Amount::Tiers(ts) = &rule.amount {
                ts.iter().for_each(|t| t.when.facts(&mut facts));
            }
            facts.contains(&income) || rule_amount_reads(rule, income)
        })
}

/// The yearly cash of `household` as its monthly income per head varies, or `None` when
/// no rule in force reads that income (there is nothing to draw).
pub fn income_curve(
    catalog: &Engine,
    region: &Region,
    household: &Household,
    date: Date,
    settings: Option<&Settings>,
) -> Option<IncomeCurve> {
    if !reads_income(catalog, region, date) {
        return None;
    }
    let income = income_fact();
    let base = evaluate_in(catalog, region, household, date, settings);
    let mut unknown = Vec::new();
    let mut thresholds = Vec::new();
    // Thresholds are compared with the figures as the evaluation saw them (the
    // deployment's or the document's standard where the resident gave none).
    let other = |g: FactId| base.household_facts.get(g);
    for (r, rule) in catalog.effective_rules(region) {
        if !rule.in_force(date) {
            continue;
        }
        let params = base.params_of(r);
        let mut conds = vec![&rule.when];
        if let Amount::Tiers(ts) = &rule.amount {
            conds.extend(ts.iter().map(|t| &t.when));
        }
        for c in conds {
            let mut facts = Vec::new();
            c.facts(&mut facts);
            if !facts.contains(&income) {
                continue;
            }
            let before = thresholds.len();
            c.thresholds(income, params, &other, &mut thresholds);
            if thresholds.len() == before {
                // Compared with a figure nobody gave: name it.
                unknown.extend(
                    facts
                        .into_iter()
                        .filter(|f| *f != income && other(*f).is_none()),
                );
            }
        }
    }
    unknown.sort_unstable();
    unknown.dedup();
    thresholds.retain(|t| *t >= Decimal::ZERO);
    thresholds.sort_unstable();
    thresholds.dedup();

    let fen = Decimal::new(1, 2);
    let top = thresholds.last().copied().unwrap_or(Decimal::ZERO);
    // Beyond the highest threshold by a quarter, on a round hundred; at least 1000.
    let end = ((top * Decimal::new(125, 2) / Decimal::ONE_HUNDRED).ceil() * Decimal::ONE_HUNDRED)
        .max(Decimal::from(1000));
    let current = household
        .facts
        .get(income)
        .and_then(Value::number)
        .filter(|v| *v >= Decimal::ZERO);
    let mut at: Vec<Decimal> = vec![Decimal::ZERO, end];
    for t in &thresholds {
        at.extend([*t - fen, *t, *t + fen]);
    }
    at.extend(current);
    at.retain(|v| *v >= Decimal::ZERO);
    at.sort_unstable();
    at.dedup();

    let dibao = id::DIBAO;
    let assets = id::ASSETS_WITHIN_DIBAO_RULES;
    let dibao_by_income = household.facts.get(dibao) == Some(Value::Bool(true));
    let mut h = household.clone();
    if dibao_by_income && h.facts.get(assets).is_none() {
        h.facts.set(assets, Some(Value::Bool(true)));
    }
    // The region's 低保 rules: they read the status and the income. Along the curve the
    // household keeps its 低保 where they still grant it by income, loses it where they
    // refuse it, and has it undecided where they cannot tell; what follows from the status
    // (a 低保 family is 家庭经济困难) follows with it, so the point at the household's own
    // income is the estimate on screen.
    let dibao_rules: Vec<&str> = catalog
        .effective_rules(region)
        .into_iter()
        .filter(|(_, r)| r.in_force(date))
        .filter(|(_, r)| {
            let mut facts = Vec::new();
            r.when.facts(&mut facts);
            facts.contains(&dibao) && facts.contains(&income)
        })
        .map(|(_, r)| r.id.as_str())
        .collect();
    let evaluate_at = |h: &mut Household, v: Decimal| {
        h.facts.set(income, Some(Value::Money(v)));
        if !dibao_by_income {
            return evaluate_in(catalog, region, h, date, settings);
        }
        // Not unanswered: "unknown" would keep every 低保 rule open at any income.
        h.facts.set(dibao, Some(Value::Bool(false)));
        let by_income = evaluate_in(catalog, region, h, date, settings);
        let status = by_income
            .outcomes
            .iter()
            .filter(|o| dibao_rules.contains(&o.rule.id.as_str()))
            .map(|o| o.status)
            .fold(Tri::No, |a, b| match (a, b) {
                (Tri::Yes, _) | (_, Tri::Yes) => Tri::Yes,
                (Tri::Unknown, _) | (_, Tri::Unknown) => Tri::Unknown,
                _ => Tri::No,
            });
        match status {
            Tri::No => by_income,
            Tri::Yes => {
                h.facts.set(dibao, Some(Value::Bool(true)));
                evaluate_in(catalog, region, h, date, settings)
            }
            Tri::Unknown => {
                h.facts.set(dibao, None);
                evaluate_in(catalog, region, h, date, settings)
            }
        }
    };

    let mut points = Vec::with_capacity(at.len());
    let mut cliffs = Vec::new();
    let mut prev: Option<(Vec<State>, MoneyRange)> = None;
    for v in at {
        let r = evaluate_at(&mut h, v);
        let states = states(&r);
        let yearly = r.total.yearly;
        if let Some((ps, py)) = &prev {
            let changes = diff(&r, ps, &states);
            if changes.iter().any(|c| c.before.status != c.after.status) {
                cliffs.push(Cliff {
                    at: v,
                    before: *py,
                    after: yearly,
                    changes,
                });
            }
        }
        points.push(IncomePoint { income: v, yearly });
        prev = Some((states, yearly));
    }
    Some(IncomeCurve {
        points,
        cliffs,
        current,
        dibao_by_income,
        unknown_thresholds: unknown,
    })
}

/// Whether a rule's amount is computed from `fact` (a 低保 gap reads the income per head).
fn rule_amount_reads(rule: &super::rule::Rule, fact: FactId) -> bool {
    fn value(v: &ValueRef, fact: FactId) -> bool {
        match v {
            ValueRef::Fact(f) => *f == fact,
            ValueRef::Scaled(_, v) => value(v, fact),
            ValueRef::Lit(_) | ValueRef::Param(_) => false,
        }
    }
    let leaf = |l: &Leaf| match &l.kind {
        LeafKind::Fixed(v) | LeafKind::AtLeast(v) | LeafKind::UpTo(v) => value(v, fact),
        LeafKind::Range { min, max } => value(min, fact) || value(max, fact),
        LeafKind::Rate { rate, count } => value(rate, fact) || *count == fact,
        LeafKind::Gap {
            standard, income, ..
        } => value(standard, fact) || value(income, fact),
    };
    match &rule.amount {
        Amount::InKind => false,
        Amount::Cash(l) => leaf(l),
        Amount::Tiers(ts) => ts.iter().any(|t| leaf(&t.leaf)),
    }
}

/// One year of the household's future.
#[derive(Debug, Clone, PartialEq)]
pub struct Year {
    /// Calendar year (the estimate's year + the offset).
    pub year: i32,
    /// Years from now (0 = this year).
    pub offset: u8,
    /// Cash paid per year, with the members that many years older.
    pub yearly: MoneyRange,
    /// What changed from the year before, each with the member's new age.
    pub changes: Vec<(Change, Option<i64>)>,
}

/// The household's yearly cash this year and each of the next `years`, only its members'
/// ages moving. An answer that no longer fits a member's new age (in school at 36, a
/// newborn at 1) is dropped, so the age-based assumption takes over. Members of unknown
/// age stay as they are.
pub fn over_time(
    catalog: &Engine,
    region: &Region,
    household: &Household,
    date: Date,
    settings: Option<&Settings>,
    years: u8,
) -> Vec<Year> {
    let age = id::AGE;
    let mut out: Vec<Year> = Vec::with_capacity(usize::from(years) + 1);
    let mut prev: Option<Vec<State>> = None;
    for k in 0..=years {
        let mut h = household.clone();
        for m in &mut h.members {
            let Some(Value::Int(a)) = m.get(age) else {
                continue;
            };
            let now = (a + i64::from(k)).min(130);
            m.set(age, Some(Value::Int(now)));
            let answered: Vec<FactId> = m.answered().map(|(f, _)| f).collect();
            for f in answered {
                if f != age
                    && plausible::outside_age_band(f, now)
                    && !plausible::outside_age_band(f, a)
                {
                    m.set(f, None);
                }
            }
        }
        let r = evaluate_in(catalog, region, &h, date, settings);
        let states = states(&r);
        let changes = match &prev {
            Some(p) => diff(&r, p, &states)
                .into_iter()
                .map(|c| {
                    let a =
                        c.member
                            .and_then(|i| h.members.get(i))
                            .and_then(|m| match m.get(age) {
                                Some(Value::Int(a)) => Some(a),
                                _ => None,
                            });
                    (c, a)
                })
                .collect(),
            None => Vec::new(),
        };
        out.push(Year {
            year: date.year + i32::from(k),
            offset: k,
            yearly: r.total.yearly,
            changes,
        });
        prev = Some(states);
    }
    out
}

/// Each outcome's state, in the report's order.
fn states(r: &Report) -> Vec<State> {
    r.outcomes
        .iter()
        .map(|o| {
            let cash = o.cash.filter(|c| c.paid == Paid::Cash);
            let live = o.status != Tri::No;
            State {
                status: o.status,
                yearly: cash.and_then(|c| c.yearly()).filter(|_| live),
                monthly: cash
                    .filter(|c| c.period == super::money::Period::Month)
                    .and_then(|c| c.stated)
                    .filter(|_| live),
            }
        })
        .collect()
}

/// The outcomes whose status or cash differ. Both evaluations are of the same region and
/// the same members, so outcomes line up one for one.
fn diff(r: &Report, before: &[State], after: &[State]) -> Vec<Change> {
    r.outcomes
        .iter()
        .zip(before.iter().zip(after))
        .filter(|(_, (b, a))| b.status != a.status || b.yearly != a.yearly)
        // A change nobody can see: an undetermined service becoming another undetermined.
        .filter(|(o, (b, a))| o.cash.is_some() || (b.status == Tri::Yes) != (a.status == Tri::Yes))
        .map(|(o, (b, a))| Change {
            rule: o.rule.id.clone(),
            name: o.rule.name.clone(),
            member: o.member_index(),
            before: *b,
            after: *a,
        })
        .collect()
}
