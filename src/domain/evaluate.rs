//! `evaluate`: a household against a region's rules, at a date.
//!
//! Evaluation is kept allocation-light (the UI re-runs it on every keystroke): outcomes
//! hold references and numbers; the sentences of an explanation are built only when
//! asked for, by [`explain`].

use super::condition::{
    Ctx, Flat, ParamId, Reason, Source, Tri, cmp_decimal, explain as explain_cond, value_text,
};
use super::date::Date;
use super::facts::{FactId, Kind, Scope, Value, fact_count, well_known};
use super::figures::{self, Figure, Settings};
use super::household::{Facts, Household};
use super::money::{MoneyRange, Per, Period, fmt_yuan, mul_exact, sub_exact};
use super::plan::{MEMO, Program, Tables};
use super::plausible::{self, Basis};
use super::rule::{Amount, Catalog, Leaf, LeafKind, Paid, Region, Rule, Text, Tier, ValueRef};
use rust_decimal::Decimal;
use serde::Serialize;

/// The cash side of an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CashOut {
    /// Amount per the stated period; `None` until the facts it needs are answered.
    pub stated: Option<MoneyRange>,
    pub period: Period,
    pub per: Per,
    /// Index of the tier that applies, for tiered amounts (see [`CashOut::tier_index`];
    /// `u16` keeps outcomes small: evaluate writes thousands per keystroke).
    pub tier: Option<u16>,
    /// A rate over a yearly count (days at school): `stated` is already a yearly figure.
    pub over_count: bool,
    /// Money paid, or the value of a fee waived: summed apart, never together.
    pub paid: Paid,
}

impl CashOut {
    /// Index of the tier that applies, for tiered amounts.
    pub fn tier_index(&self) -> Option<usize> {
        self.tier.map(usize::from)
    }
    /// Yearly equivalent (monthly × 12, yearly as is, a rate over days in the year);
    /// `None` for one-off and per-day amounts and until the amount is known.
    pub fn yearly(&self) -> Option<MoneyRange> {
        let s = self.stated?;
        Some(s.scale(Decimal::from(self.yearly_factor()?)))
    }
    /// The whole factor [`CashOut::yearly`] scales by (12 for monthly amounts, 1 for
    /// yearly ones and rates over a yearly count); `None` for one-off and per-day
    /// amounts, which are never silently annualised. The totals scale mantissas by it
    /// instead of building the yearly range.
    #[inline]
    pub fn yearly_factor(&self) -> Option<i128> {
        match self.period {
            Period::Month => Some(12),
            Period::Year => Some(1),
            Period::Day | Period::Once if self.over_count => Some(1),
            Period::Day | Period::Once => None,
        }
    }
    /// Most cash that hangs on this outcome, for ranking (yearly, or the one-off sum;
    /// an open range counted at its minimum); zero while the amount is unknown.
    pub fn at_stake(&self) -> Decimal {
        self.yearly()
            .or(self.once())
            .map_or(Decimal::ZERO, |r| r.max.unwrap_or(r.min))
    }
    /// The one-off amount, for `Period::Once`.
    pub fn once(&self) -> Option<MoneyRange> {
        if self.period == Period::Once {
            self.stated
        } else {
            None
        }
    }
}

/// The result of one rule for one member (or for the household).
#[derive(Debug, Clone)]
pub struct Outcome<'c> {
    pub region: &'c Region,
    pub rule: &'c Rule,
    /// Member index for member-scope rules (see [`Outcome::member_index`]; a household
    /// parsed from JSON has at most 30 members, and a narrow field keeps outcomes small;
    /// `evaluate` considers at most the first 65 535).
    pub member: Option<u16>,
    /// Eligible (yes), not eligible (no) or undetermined (unknown).
    pub status: Tri,
    /// Unanswered facts that could still decide the status or the amount, as a range
    /// of [`Report::missing_pool`] (one shared buffer: no allocation per outcome).
    pub missing: (u32, u32),
    /// `None` for services in kind.
    pub cash: Option<CashOut>,
}

impl Outcome<'_> {
    /// Member index for member-scope rules.
    pub fn member_index(&self) -> Option<usize> {
        self.member.map(usize::from)
    }
}

/// Sums over eligible outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Totals {
    /// Cash per year: monthly and yearly amounts, exact, ranges kept.
    pub yearly: MoneyRange,
    /// One-off cash.
    pub once: MoneyRange,
    /// Cash benefits whose amount still needs an answer (or is per day without a count).
    pub cash_pending: u32,
    /// Cash benefits counted.
    pub cash: u32,
    /// Services in kind.
    pub in_kind: u32,
    /// What undetermined outcomes could add per year, if they turn out eligible.
    pub possible_yearly: MoneyRange,
    /// Fees waived and services in kind at a stated value, per year (never cash).
    pub waived_yearly: MoneyRange,
    /// One-off fees waived.
    pub waived_once: MoneyRange,
    /// Waivers counted (not among `cash`).
    pub waived: u32,
}

impl Default for Totals {
    fn default() -> Self {
        Totals {
            yearly: MoneyRange::ZERO,
            once: MoneyRange::ZERO,
            cash_pending: 0,
            cash: 0,
            in_kind: 0,
            possible_yearly: MoneyRange::ZERO,
            waived_yearly: MoneyRange::ZERO,
            waived_once: MoneyRange::ZERO,
            waived: 0,
        }
    }
}

/// An exact running sum of yuan in fixed point (1/10 000 yuan) in `i128`: summing
/// thousands of outcomes per keystroke with Decimal additions was a fifth of the cost
/// of `evaluate`. Amounts with more than four decimals go to an exact Decimal spill,
/// so nothing is ever rounded.
#[derive(Clone, Copy, Default)]
struct Sum {
    fixed: i128,
    spill: Decimal,
}

/// Fixed-point scale of [`Sum`].
const SUM_SCALE: u32 = 4;
const POW10: [i128; 5] = [1, 10, 100, 1_000, 10_000];

impl Sum {
    #[inline]
    fn add(&mut self, d: Decimal) {
        let s = d.scale();
        if s <= SUM_SCALE {
            self.fixed += d.mantissa() * POW10[(SUM_SCALE - s) as usize];
        } else {
            self.spill += d;
        }
    }
    /// Adds `d × k` for a small whole factor (12 months): the mantissa is scaled in
    /// `i128`, so annualising costs no Decimal multiplication.
    #[inline]
    fn add_times(&mut self, d: Decimal, k: i128) {
        let s = d.scale();
        if s <= SUM_SCALE {
            self.fixed += d.mantissa() * k * POW10[(SUM_SCALE - s) as usize];
        } else {
            self.spill += MoneyRange::exact(d).scale(Decimal::from(k)).min;
        }
    }
    fn value(self) -> Decimal {
        (Decimal::from_i128_with_scale(self.fixed, SUM_SCALE) + self.spill).normalize()
    }
}

/// A running [`MoneyRange`] sum; an open upper end stays open.
#[derive(Clone, Copy, Default)]
struct RangeSum {
    min: Sum,
    max: Sum,
    open: bool,
}

impl RangeSum {
    #[inline]
    fn add(&mut self, r: MoneyRange) {
        self.min.add(r.min);
        match r.max {
            Some(m) => self.max.add(m),
            None => self.open = true,
        }
    }
    /// Adds `r × k` (see [`Sum::add_times`]).
    #[inline]
    fn add_times(&mut self, r: MoneyRange, k: i128) {
        self.min.add_times(r.min, k);
        match r.max {
            Some(m) => self.max.add_times(m, k),
            None => self.open = true,
        }
    }
    fn value(self) -> MoneyRange {
        MoneyRange {
            min: self.min.value(),
            max: if self.open {
                None
            } else {
                Some(self.max.value())
            },
        }
    }
}

/// Accumulates [`Totals`] exactly and cheaply.
#[derive(Clone, Copy, Default)]
struct TotalsAcc {
    yearly: RangeSum,
    once: RangeSum,
    possible_yearly: RangeSum,
    cash_pending: u32,
    cash: u32,
    in_kind: u32,
    waived_yearly: RangeSum,
    waived_once: RangeSum,
    waived: u32,
}

impl TotalsAcc {
    #[inline]
    fn add_outcome(&mut self, o: &Outcome) {
        self.add(o.status, o.cash.as_ref())
    }
    #[inline(always)]
    fn add(&mut self, status: Tri, cash: Option<&CashOut>) {
        match (status, cash) {
            (Tri::Yes, None) => self.in_kind += 1,
            // A fee waived is worth money but pays none: its own sums.
            (Tri::Yes, Some(c)) if c.paid == Paid::Waived => {
                self.waived += 1;
                if let Some(s) = c.stated {
                    if let Some(k) = c.yearly_factor() {
                        self.waived_yearly.add_times(s, k);
                    } else if c.period == Period::Once {
                        self.waived_once.add(s);
                    }
                }
            }
            (Tri::Unknown, Some(c)) if c.paid == Paid::Waived => {}
            (Tri::Yes, Some(c)) => {
                self.cash += 1;
                // The same cases as `CashOut::yearly` and `CashOut::once`, summed
                // without building the yearly range.
                let Some(s) = c.stated else {
                    self.cash_pending += 1;
                    return;
                };
                let k = c.yearly_factor();
                if let Some(k) = k {
                    self.yearly.add_times(s, k);
                }
                let once = c.period == Period::Once;
                if once {
                    self.once.add(s);
                }
                if k.is_none() && !once {
                    self.cash_pending += 1;
                }
            }
            (Tri::Unknown, Some(c)) => {
                if let (Some(s), Some(k)) = (c.stated, c.yearly_factor()) {
                    self.possible_yearly.add_times(s, k);
                }
            }
            _ => {}
        }
    }
    fn finish(self) -> Totals {
        Totals {
            yearly: self.yearly.value(),
            once: self.once.value(),
            cash_pending: self.cash_pending,
            cash: self.cash,
            in_kind: self.in_kind,
            possible_yearly: self.possible_yearly.value(),
            waived_yearly: self.waived_yearly.value(),
            waived_once: self.waived_once.value(),
            waived: self.waived,
        }
    }
}

impl std::ops::Add for Totals {
    type Output = Totals;
    /// Field-wise sum.
    fn add(self, o: Totals) -> Totals {
        Totals {
            yearly: self.yearly + o.yearly,
            once: self.once + o.once,
            cash_pending: self.cash_pending + o.cash_pending,
            cash: self.cash + o.cash,
            in_kind: self.in_kind + o.in_kind,
            possible_yearly: self.possible_yearly + o.possible_yearly,
            waived_yearly: self.waived_yearly + o.waived_yearly,
            waived_once: self.waived_once + o.waived_once,
            waived: self.waived + o.waived,
        }
    }
}

/// Everything `evaluate` finds.
#[derive(Debug, Clone)]
pub struct Report<'c> {
    pub region: &'c Region,
    pub date: Date,
    /// Regions in force whose document period ended before `date` (their last amounts
    /// are used), nearest first.
    pub dated: Vec<&'c Region>,
    pub outcomes: Vec<Outcome<'c>>,
    /// Totals per member (member-scope rules).
    pub members: Vec<Totals>,
    /// Totals of household-scope rules.
    pub household_rules: Totals,
    /// Whole household: the members' totals plus the household rules'.
    pub total: Totals,
    /// Rules kept for the count but with no resident-facing side.
    pub not_resident_facing: Vec<&'c Rule>,
    /// Storage of every outcome's missing facts.
    pub missing_pool: Vec<FactId>,
    /// Household facts with derived ones filled in, as evaluated.
    pub household_facts: Facts,
    /// Parameter values on `date` of each region in force.
    pub params: Vec<(&'c Region, Vec<Option<Decimal>>)>,
    /// Each member's facts as evaluated: the answers, plus what is assumed of the
    /// member where a fact cannot apply (see [`plausible`]).
    pub member_facts: Vec<Facts>,
    /// What was assumed of each member, and on what basis.
    pub assumed: Vec<Vec<(FactId, Basis)>>,
    /// What follows from the household's own answers (a 低保 family is 家庭经济困难).
    pub household_assumed: Vec<(FactId, Basis)>,
    /// The figures that answered a fact the resident left open (the deployment's or the
    /// document's; see [`figures::provide`]), with where each comes from.
    pub figures: Vec<Figure>,
    /// The name of the deployment whose settings were used, if any.
    pub deployment: Option<String>,
    /// Each answer those figures gave: the fact and the member (`None`: the household).
    pub provided: Vec<(FactId, Option<usize>)>,
}

impl<'c> Report<'c> {
    /// Parameter values of `region` on the report's date (computed once by `evaluate`).
    pub fn params_of(&self, region: &Region) -> &[Option<Decimal>] {
        self.params
            .iter()
            .find(|(r, _)| std::ptr::eq(*r, region))
            .map(|(_, v)| v.as_slice())
            .unwrap_or(&[])
    }

    /// The evaluation context of an outcome.
    fn ctx<'a>(&'a self, o: &Outcome, _household: &'a Household) -> Ctx<'a> {
        Ctx {
            member: o.member_index().and_then(|i| self.member_facts.get(i)),
            household: &self.household_facts,
            members: &self.member_facts,
            params: self.params_of(o.region),
        }
    }

    /// The unanswered facts that could still decide an outcome.
    pub fn missing(&self, o: &Outcome) -> &[FactId] {
        self.missing_pool
            .get(o.missing.0 as usize..o.missing.1 as usize)
            .unwrap_or(&[])
    }
}

/// Members evaluated at most (outcomes index members with a `u16`).
const MEMBER_CAP: usize = u16::MAX as usize;

/// Evaluates every rule in force in `region` for `household` on `date`, with the
/// figures the documents state as defaults and no deployment settings.
pub fn evaluate<'c>(
    catalog: &'c Catalog,
    region: &'c Region,
    household: &Household,
    date: Date,
) -> Report<'c> {
    evaluate_with(catalog, region, household, date, None, true)
}

/// [`evaluate`] for a deployment: what `settings` set for `region` answers the facts the
/// resident left open, before the documents' own figures (see [`figures::provide`]).
pub fn evaluate_in<'c>(
    catalog: &'c Catalog,
    region: &'c Region,
    household: &Household,
    date: Date,
    settings: Option<&Settings>,
) -> Report<'c> {
    evaluate_with(catalog, region, household, date, settings, true)
}

/// [`evaluate`] with every condition walked as a tree (`Cond::eval_in`) instead of
/// through its compiled plan: the reference the plans are tested against. Both share
/// the rest (programs, tables, amounts), so it checks the plans, not the whole engine.
#[doc(hidden)]
pub fn evaluate_unplanned<'c>(
    catalog: &'c Catalog,
    region: &'c Region,
    household: &Household,
    date: Date,
) -> Report<'c> {
    evaluate_with(catalog, region, household, date, None, false)
}

fn evaluate_with<'c>(
    catalog: &'c Catalog,
    region: &'c Region,
    household: &Household,
    date: Date,
    settings: Option<&Settings>,
    planned: bool,
) -> Report<'c> {
    let (mut hh, household_assumed) = plausible::resolve_household(&household.household_facts());
    let (mut resolved, assumed) = plausible::resolve(&hh, &household.members);
    let chain = catalog.chain(region);
    let deployment = settings.map_or(&[][..], |s| s.for_region(&region.id));
    let (used, provided) = figures::provide(
        &mut hh,
        &mut resolved,
        deployment,
        chain.iter().flat_map(|r| r.figures.iter()),
    );
    // Each member's view of the facts, flattened once so that every condition reads
    // a fact with one index instead of two table lookups: the member's table copied
    // whole, then the household's answers laid over it (a household answer wins).
    let stride = fact_count();
    let hh_table: Vec<Option<Value>> = (0..stride).map(|i| hh.get(FactId(i as u16))).collect();
    let hh_answered: Vec<usize> = (0..stride).filter(|&i| hh_table[i].is_some()).collect();
    // Outcomes carry a `u16` member index; no real household comes near this.
    let counted = &resolved[..resolved.len().min(MEMBER_CAP)];
    let mut member_tables = Vec::with_capacity(stride * counted.len());
    for m in counted {
        let start = member_tables.len();
        match m.as_slice() {
            t if t.len() == stride => member_tables.extend_from_slice(t),
            _ => member_tables.extend((0..stride).map(|i| m.get(FactId(i as u16)))),
        }
        for &i in &hh_answered {
            member_tables[start + i] = hh_table[i];
        }
    }
    // Whether every member's table holds the same household facts (a member carrying
    // an answer to a household fact would see it where the household has none).
    // Only answered facts are looked up (a fact's info is a cache miss).
    let uniform = counted
        .iter()
        .all(|m| m.answered().all(|(f, _)| f.info().scope == Scope::Member));
    let member_refs: Vec<&[Option<Value>]> = member_tables.chunks(stride.max(1)).collect();
    let hh_refs: [&[Option<Value>]; 1] = [&hh_table];
    let params: Vec<(&Region, Vec<Option<Decimal>>)> =
        chain.iter().map(|r| (*r, r.params_at(date))).collect();
    let owned;
    let program = match catalog.program(region) {
        Some(p) => p,
        None => {
            owned = Program::new(catalog, region);
            &owned
        }
    };
    let n = counted.len();
    let mut outcomes = Vec::with_capacity(program.entries.len() * n);
    let mut not_resident_facing = Vec::new();
    // Most outcomes miss a fact or two when a household is partly answered.
    let mut pool = Vec::with_capacity(program.entries.len() * n);
    let mut scratch = Vec::new();
    // (member, index of its outcome, facts its amount misses)
    let mut memo: Vec<(usize, usize, u64)> = Vec::new();
    // One total per member, so that `members` lines up with the household.
    let mut member_acc = vec![TotalsAcc::default(); household.members.len()];
    let mut household_acc = TotalsAcc::default();
    for e in &program.entries {
        if !e.in_force(date) {
            continue;
        }
        let Some((reg, p)) = params.get(usize::from(e.depth)) else {
            continue;
        };
        let (reg, p): (&Region, &[Option<Decimal>]) = (reg, p);
        let Some(rule) = reg.rules.get(e.index as usize) else {
            continue;
        };
        if !e.resident {
            not_resident_facing.push(rule);
            continue;
        }
        let whole = Flat {
            facts: &hh_table,
            members: &member_tables,
            stride,
            params: p,
        };
        let Some(plan) = e.plan.as_ref().filter(|_| planned) else {
            match e.scope {
                Scope::Household => {
                    let o = outcome(reg, rule, None, &whole, &mut pool);
                    household_acc.add_outcome(&o);
                    outcomes.push(o);
                }
                Scope::Member => {
                    for (i, acc) in member_acc.iter_mut().enumerate() {
                        let Some(src) = whole.member(i) else { break };
                        let o = outcome(reg, rule, Some(i as u16), &src, &mut pool);
                        acc.add_outcome(&o);
                        outcomes.push(o);
                    }
                }
            }
            continue;
        };
        // The tables the rule is evaluated on: each member's, or the household's.
        let lanes: &[&[Option<Value>]] = match e.scope {
            Scope::Household => &hh_refs,
            Scope::Member => &member_refs,
        };
        let shape = e.shape;
        // Amounts computed so far for this rule, by member: one whose answers to
        // the facts the amount reads are the same as an earlier member's gets the
        // same amount and misses the same facts, so it is computed once.
        memo.clear();
        let tables = Tables {
            members: &member_refs,
            params: p,
        };
        // `any_member` results of this rule (the same for every member).
        let mut any = [None; MEMO];
        // A condition that reads no member fact holds alike for every member.
        let once = uniform && e.scope == Scope::Member && !plan.per_member();
        let mut first = None;
        for (g, &tab) in lanes.iter().enumerate() {
            let (status, mut mask) = match first {
                Some(r) => r,
                None => {
                    let r = plan.eval_member(tab, &tables, &mut any);
                    if once {
                        first = Some(r);
                    }
                    r
                }
            };
            let member = match e.scope {
                Scope::Household => None,
                Scope::Member => Some(g as u16),
            };
            // Not met, or a service in kind (no shape): nothing to compute.
            let cash = if status == Tri::No || shape.is_none() {
                shape
            } else {
                // An amount that reads no member fact is the same for all: the first
                // one computed serves (no answers to compare).
                let shared = uniform && !plan.amount_per_member();
                let reuse = memo.iter().find(|(j, ..)| {
                    shared
                        || plan
                            .amount_facts()
                            .iter()
                            .all(|f| same(lanes[*j].get(f.index()), tab.get(f.index())))
                });
                let reused = reuse.and_then(|&(_, o, m)| Some((outcomes.get(o)?.cash, m)));
                let (c, m) = match reused {
                    Some(r) => r,
                    None => {
                        let src = Flat {
                            facts: tab,
                            ..whole
                        };
                        let mut tier_miss = 0;
                        let c = cash(&e.amount, &src, &mut scratch, |i, _, _| {
                            let (st, m) = plan.eval_tier(i, tab, &tables);
                            tier_miss |= m;
                            st
                        });
                        let m = scratch.iter().fold(tier_miss, |m, f| m | plan.bit(*f));
                        scratch.clear();
                        memo.push((g, outcomes.len(), m));
                        (c, m)
                    }
                };
                mask |= m;
                c
            };
            let start = pool.len() as u32;
            plan.missing(mask, &mut pool);
            // An outcome that is not met adds nothing to any total.
            if status != Tri::No {
                let acc = match member {
                    Some(i) => member_acc.get_mut(usize::from(i)),
                    None => Some(&mut household_acc),
                };
                if let Some(a) = acc {
                    a.add(status, cash.as_ref());
                }
            }
            outcomes.push(Outcome {
                region: reg,
                rule,
                member,
                status,
                missing: (start, pool.len() as u32),
                cash,
            });
        }
    }
    let members: Vec<Totals> = member_acc.into_iter().map(TotalsAcc::finish).collect();
    let household_rules = household_acc.finish();
    let total = members.iter().fold(household_rules, |acc, t| acc + *t);
    let dated = chain
        .into_iter()
        .filter(|r| date > r.document.valid_to)
        .collect();
    Report {
        region,
        date,
        dated,
        outcomes,
        members,
        household_rules,
        total,
        not_resident_facing,
        missing_pool: pool,
        household_facts: hh,
        params,
        member_facts: resolved,
        assumed,
        household_assumed,
        deployment: settings
            .filter(|_| !deployment.is_empty())
            .map(|s| s.deployment.clone()),
        figures: used,
        provided,
    }
}

fn outcome<'c, S: Source>(
    reg: &'c Region,
    rule: &'c Rule,
    member: Option<u16>,
    ctx: &S,
    pool: &mut Vec<FactId>,
) -> Outcome<'c> {
    let start = pool.len();
    let status = rule.when.eval_in(ctx, pool);
    let cash = if status == Tri::No {
        cash_shape(&rule.amount)
    } else {
        cash(&rule.amount, ctx, pool, |_, t, m| t.when.eval_in(ctx, m))
    };
    let mine = &mut pool[start..];
    if mine.len() > 1 {
        mine.sort_unstable();
        let mut w = 1;
        for r in 1..mine.len() {
            if mine[r] != mine[w - 1] {
                mine[w] = mine[r];
                w += 1;
            }
        }
        pool.truncate(start + w);
    }
    Outcome {
        region: reg,
        rule,
        member,
        status,
        missing: (start as u32, pool.len() as u32),
        cash,
    }
}

/// Whether two answers are the same, to the scale of an amount (`1.0` is not `1.00`:
/// a shared amount must be the very value each member would have got).
fn same(a: Option<&Option<Value>>, b: Option<&Option<Value>>) -> bool {
    match (a.copied().flatten(), b.copied().flatten()) {
        (Some(Value::Money(x)), Some(Value::Money(y))) => x.serialize() == y.serialize(),
        (x, y) => x == y,
    }
}

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
fn cash<S: Source>(
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
                value(&ValueRef::Fact(well_known::household_size()), ctx, missing)
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

/// An unanswered fact worth asking, and what hangs on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    pub fact: FactId,
    pub name: &'static str,
    /// Member index for member facts.
    pub member: Option<usize>,
    /// How many outcomes it can still change.
    pub rules: u32,
    /// Most yearly cash that hangs on it (open ranges counted at their minimum).
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
}

/// Unanswered facts that can still change some outcome, most consequential first.
///
/// A member fact is only ever asked of a member: one that a household rule misses
/// (through `any_member`) becomes a question for each member whose own answer could
/// still decide the rule, never a household question.
pub fn questions(report: &Report, household: &Household) -> Vec<Question> {
    let mut qs: Vec<Question> = Vec::new();
    // Where each (fact, member) question is in `qs`: a search of `qs` per missing
    // fact was most of the cost (the app asks for questions on every keystroke).
    let cols = report.members.len() + 1;
    let mut index: Vec<u32> = vec![u32::MAX; fact_count() * cols];
    let mut ask = |f: FactId, member: Option<usize>, at_stake: Decimal| {
        // A fact that cannot apply is not asked; one whose gate is unanswered (is
        // anyone in school? does she hold a certificate?) asks the gate instead.
        let Some((f, member)) =
            plausible::ask_instead(f, member, &report.member_facts, &report.household_facts)
        else {
            return;
        };
        let slot = index.get_mut(f.index() * cols + member.map_or(0, |m| m + 1));
        let found = match slot.as_deref() {
            Some(&i) if i != u32::MAX => qs.get_mut(i as usize),
            // Outside the index (cannot happen): search.
            None => qs.iter_mut().find(|q| q.fact == f && q.member == member),
            Some(_) => None,
        };
        match found {
            Some(q) => {
                q.rules += 1;
                q.amount += at_stake;
            }
            None => {
                if let Some(slot) = slot {
                    *slot = qs.len() as u32;
                }
                qs.push(Question {
                    fact: f,
                    name: f.info().name,
                    member,
                    rules: 1,
                    amount: at_stake,
                })
            }
        }
    };
    let mut by_member = Vec::new();
    for o in &report.outcomes {
        let missing = report.missing(o);
        if missing.is_empty() {
            continue;
        }
        let at_stake = o.cash.as_ref().map_or(Decimal::ZERO, CashOut::at_stake);
        let member = o.member_index();
        let mut attributed = false;
        for &f in missing {
            let info = f.info();
            if info.is_derived() {
                continue;
            }
            match (info.scope, member) {
                (Scope::Member, None) => {
                    // Which members' answers the household rule still waits for.
                    if !attributed {
                        attributed = true;
                        let ctx = report.ctx(o, household);
                        by_member.clear();
                        for i in 0..household.members.len() {
                            let mut facts = Vec::new();
                            o.rule.when.member_missing(&ctx, i, &mut facts);
                            facts.sort_unstable();
                            facts.dedup();
                            by_member.extend(facts.into_iter().map(|f| (i, f)));
                        }
                    }
                    for &(i, g) in by_member.iter() {
                        if g == f {
                            ask(f, Some(i), at_stake);
                        }
                    }
                }
                (Scope::Member, Some(m)) => ask(f, Some(m), at_stake),
                (Scope::Household, _) => ask(f, None, at_stake),
            }
        }
    }
    // Cash at stake first (what a resident most wants settled), then how many
    // outcomes hang on the answer.
    qs.sort_by(|a, b| {
        b.amount
            .cmp(&a.amount)
            .then(b.rules.cmp(&a.rules))
            .then(a.member.cmp(&b.member))
            .then(a.fact.cmp(&b.fact))
    });
    qs
}

/// A rule not met that one change of one number would meet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NearMiss {
    /// Index into `report.outcomes`.
    pub outcome: usize,
    pub fact: FactId,
    pub from: Value,
    pub to: Value,
}

/// The longest wait, in years, for which an age-based near miss is still shown.
const AGE_HORIZON: i64 = 10;

/// For each rule not met, the smallest single numeric change (age reached, income
/// below a line, disability grade) that would meet it.
pub fn near_misses(report: &Report, household: &Household) -> Vec<NearMiss> {
    let age = well_known::age();
    let mut out = Vec::new();
    for (idx, o) in report.outcomes.iter().enumerate() {
        if o.status != Tri::No {
            continue;
        }
        let ctx = report.ctx(o, household);
        let mut facts = Vec::new();
        o.rule.when.facts(&mut facts);
        facts.sort_unstable();
        facts.dedup();
        let mut best: Option<(Decimal, NearMiss)> = None;
        for f in facts {
            let info = f.info();
            if info.is_derived() || (info.scope == Scope::Member && o.member.is_none()) {
                continue;
            }
            let holder: &Facts = match (info.scope, ctx.member) {
                (Scope::Member, Some(m)) => m,
                (Scope::Member, None) => continue,
                (Scope::Household, _) => ctx.household,
            };
            let Some(cur) = holder.get(f) else { continue };
            let Some(cur_n) = cur.number() else { continue };
            let mut ts = Vec::new();
            o.rule
                .when
                .thresholds(f, ctx.params, &|g| ctx.fact(g), &mut ts);
            let (step, is_int) = match info.kind {
                Kind::Int { .. } => (Decimal::ONE, true),
                _ => (Decimal::new(1, 2), false),
            };
            for t in ts {
                for cand in [t - step, t, t + step] {
                    let delta = (cand - cur_n).abs();
                    if delta.is_zero()
                        || (f == age && (cand < cur_n || cand - cur_n > Decimal::from(AGE_HORIZON)))
                    {
                        continue;
                    }
                    let to = if is_int {
                        match i64::try_from(cand) {
                            Ok(i) => Value::Int(i),
                            Err(_) => continue,
                        }
                    } else {
                        Value::Money(cand)
                    };
                    if info.check(to).is_err() {
                        continue;
                    }
                    let mut changed = holder.clone();
                    changed.set(f, Some(to));
                    let trial = match info.scope {
                        Scope::Member => Ctx {
                            member: Some(&changed),
                            ..ctx
                        },
                        Scope::Household => Ctx {
                            household: &changed,
                            ..ctx
                        },
                    };
                    let met = o.rule.when.eval(&trial, &mut Vec::new());
                    if met == Tri::Yes && best.as_ref().is_none_or(|(d, _)| delta < *d) {
                        best = Some((
                            delta,
                            NearMiss {
                                outcome: idx,
                                fact: f,
                                from: cur,
                                to,
                            },
                        ));
                    }
                }
            }
        }
        out.extend(best.map(|(_, n)| n));
    }
    out
}

/// Sentence for a near miss: "年龄达到 80 岁（还需 3 年）".
pub fn near_miss_text(n: &NearMiss) -> Text {
    let info = n.fact.info();
    let (to_zh, to_en) = value_text(n.fact, n.to);
    let up = matches!((n.from.number(), n.to.number()), (Some(a), Some(b)) if b > a);
    let mut t = if up {
        Text::new(
            format!("{}达到 {}", info.zh, to_zh),
            format!("{} reaches {}", info.en, to_en),
        )
    } else {
        Text::new(
            format!("{}降至 {}", info.zh, to_zh),
            format!("{} falls to {}", info.en, to_en),
        )
    };
    if n.fact == well_known::age()
        && let (Value::Int(a), Value::Int(b)) = (n.from, n.to)
    {
        t.zh.push_str(&format!("（{} 年后）", b - a));
        t.en.push_str(&format!(" (in {} years)", b - a));
    }
    t
}

/// The why-panel of one outcome: conditions with truth values and the computation.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub reasons: Vec<Reason>,
    pub computation: Option<Text>,
    /// The figures this outcome reads that the deployment or the document gave, each
    /// with its sentence ("按本站设定：…", "文件所载 2021 年标准：…").
    pub figures: Vec<(FactId, Text)>,
}

/// The figures of `report` that `rule` reads (in its condition or its amount), with
/// the sentence that says where each comes from.
/// A member fact counts only where the figure answered it for this outcome's member
/// (or, for a household rule, for some member).
pub fn figures_read(report: &Report, o: &Outcome) -> Vec<(FactId, Text)> {
    if report.figures.is_empty() {
        return Vec::new();
    }
    let mut read = Vec::new();
    super::plan::rule_facts(&o.rule.when, &o.rule.amount, &mut read);
    let member = o.member_index();
    let given = |f: &Figure| {
        report
            .provided
            .iter()
            .any(|&(g, m)| g == f.fact && (m.is_none() || member.is_none() || m == member))
    };
    report
        .figures
        .iter()
        .filter(|f| read.contains(&f.fact) && given(f))
        .map(|f| (f.fact, f.text(&o.region.document.title)))
        .collect()
}

/// Builds the explanation of an outcome (only when the user opens it).
pub fn explain(report: &Report, o: &Outcome, household: &Household) -> Explanation {
    let ctx = report.ctx(o, household);
    let params = ctx.params;
    let label = |p: ParamId| param_text(o.region, p, params);
    let mut reasons = Vec::new();
    explain_cond(&o.rule.when, &ctx, &label, &mut reasons);
    // What was assumed of the member rather than answered, where this rule reads it:
    // "按年龄推定：在读学段 = 不在学", so a resident can see and correct it.
    // The member's own assumptions, and the household's (they hold for every outcome).
    let own = o
        .member_index()
        .and_then(|i| report.assumed.get(i))
        .map_or(&[][..], Vec::as_slice);
    {
        let assumed = own.iter().chain(&report.household_assumed);
        let mut read = Vec::new();
        o.rule.when.facts(&mut read);
        for &(f, basis) in assumed {
            if !read.contains(&f) {
                continue;
            }
            let Some(v) = ctx.fact(f) else { continue };
            let (bz, be) = basis.text();
            let (vz, ve) = match v {
                Value::NotApplicable => ("不适用".to_string(), "does not apply".to_string()),
                v => value_text(f, v),
            };
            let info = f.info();
            reasons.push(Reason {
                depth: 0,
                status: Tri::Yes,
                zh: format!("{bz}：{} = {vz}（如不符，请在成员信息中填写）", info.zh),
                en: format!(
                    "{be}: {} = {ve} (if wrong, answer it in the member's details)",
                    info.en
                ),
            });
        }
    }
    let computation = o
        .cash
        .as_ref()
        .and_then(|c| computation(o.rule, c, &ctx, params, o.region));
    Explanation {
        reasons,
        computation,
        figures: figures_read(report, o),
    }
}

fn param_text(region: &Region, p: ParamId, params: &[Option<Decimal>]) -> (String, String) {
    let def = &region.params[p.0 as usize];
    match params.get(p.0 as usize).copied().flatten() {
        Some(v) => (
            format!("{}（{} 元）", def.label.zh, fmt_yuan(v)),
            format!("{} (¥{})", def.label.en, fmt_yuan(v)),
        ),
        None => (def.label.zh.clone(), def.label.en.clone()),
    }
}

fn value_ref_text(
    v: &ValueRef,
    ctx: &Ctx,
    params: &[Option<Decimal>],
    region: &Region,
) -> (String, String) {
    match v {
        ValueRef::Lit(d) => (format!("{} 元", fmt_yuan(*d)), format!("¥{}", fmt_yuan(*d))),
        ValueRef::Param(p) => param_text(region, *p, params),
        ValueRef::Fact(f) => match ctx.fact(*f) {
            Some(x) => {
                let (z, e) = value_text(*f, x);
                (
                    format!("{}（{}）", f.info().zh, z),
                    format!("{} ({})", f.info().en, e),
                )
            }
            None => (
                format!("{}（未填）", f.info().zh),
                format!("{} (not given)", f.info().en),
            ),
        },
        ValueRef::Scaled(k, inner) => {
            let (z, e) = value_ref_text(inner, ctx, params, region);
            (
                format!("{} × {z}", k.normalize()),
                format!("{} × {e}", k.normalize()),
            )
        }
    }
}

fn computation(
    rule: &Rule,
    c: &CashOut,
    ctx: &Ctx,
    params: &[Option<Decimal>],
    region: &Region,
) -> Option<Text> {
    let (leaf, tier_label) = match (&rule.amount, c.tier) {
        (Amount::Cash(l), _) => (l, None),
        (Amount::Tiers(ts), Some(i)) => {
            let t = ts.get(usize::from(i))?;
            (&t.leaf, Some(&t.label))
        }
        (Amount::Tiers(ts), None) => {
            let zh: Vec<_> = ts
                .iter()
                .map(|t| {
                    format!(
                        "{}：{}",
                        t.label.zh,
                        leaf_text(&t.leaf, ctx, params, region).0
                    )
                })
                .collect();
            let en: Vec<_> = ts
                .iter()
                .map(|t| {
                    format!(
                        "{}: {}",
                        t.label.en,
                        leaf_text(&t.leaf, ctx, params, region).1
                    )
                })
                .collect();
            return Some(Text::new(
                format!("分档：{}", zh.join("；")),
                format!("Tiers: {}", en.join("; ")),
            ));
        }
        (Amount::InKind, _) => return None,
    };
    let (mut zh, mut en) = leaf_text(leaf, ctx, params, region);
    if let Some(l) = tier_label {
        zh = format!("{}：{}", l.zh, zh);
        en = format!("{}: {}", l.en, en);
    }
    if let Some(s) = c.stated {
        zh.push_str(&format!(
            " = {}{} {} 元",
            leaf.per.zh(),
            leaf.period.zh(),
            s
        ));
        en.push_str(&format!(" = ¥{} {} {}", s, leaf.per.en(), leaf.period.en()));
    }
    if let (Some(y), Period::Month) = (c.yearly(), leaf.period) {
        zh.push_str(&format!("；折合每年 {y} 元"));
        en.push_str(&format!("; ¥{y} a year"));
    }
    if let Some(d) = &leaf.decided_by {
        zh.push_str(&format!("（{}）", d.zh));
        en.push_str(&format!(" ({})", d.en));
    }
    Some(Text::new(zh, en))
}

fn leaf_text(
    leaf: &Leaf,
    ctx: &Ctx,
    params: &[Option<Decimal>],
    region: &Region,
) -> (String, String) {
    let v = |x: &ValueRef| value_ref_text(x, ctx, params, region);
    let (p_zh, p_en) = (
        format!("{}{}", leaf.per.zh(), leaf.period.zh()),
        format!("{} {}", leaf.per.en(), leaf.period.en()),
    );
    match &leaf.kind {
        LeafKind::Fixed(x) => {
            let (z, e) = v(x);
            (format!("{p_zh} {z}"), format!("{e} {p_en}"))
        }
        LeafKind::Range { min, max } => {
            let ((a, b), (c, d)) = (v(min), v(max));
            (format!("{p_zh} {a}—{c}"), format!("{b}–{d} {p_en}"))
        }
        LeafKind::AtLeast(x) => {
            let (z, e) = v(x);
            (format!("{p_zh}不少于 {z}"), format!("at least {e} {p_en}"))
        }
        LeafKind::UpTo(x) => {
            let (z, e) = v(x);
            (format!("{p_zh}最高 {z}"), format!("up to {e} {p_en}"))
        }
        LeafKind::Rate { rate, count } => {
            let (z, e) = v(rate);
            let (cz, ce) = v(&ValueRef::Fact(*count));
            (format!("{z}/天 × {cz}"), format!("{e} a day × {ce}"))
        }
        LeafKind::Gap {
            standard,
            income,
            times_household,
        } => {
            let ((sz, se), (iz, ie)) = (v(standard), v(income));
            let (nz, ne) = if *times_household {
                v(&ValueRef::Fact(well_known::household_size()))
            } else {
                ("1".into(), "1".into())
            };
            (
                format!("（{sz} − {iz}）× {nz}，{p_zh}"),
                format!("({se} − {ie}) × {ne}, {p_en}"),
            )
        }
    }
}
