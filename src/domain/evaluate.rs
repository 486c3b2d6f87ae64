//! `evaluate`: a household against a region's rules, at a date.
//!
//! Evaluation is kept allocation-light (the UI re-runs it on every keystroke): outcomes
//! hold references and numbers; the sentences of an explanation are built only when
//! asked for, by [`super::explain::explain`]. Each rule runs its compiled plan (owned by
//! the [`Engine`]); a rule without one, and every rule in [`evaluate_unplanned`], walks
//! its condition tree instead.

use super::amount::{cash, cash_shape};
use super::condition::{Flat, Source, Tri};
use super::date::Date;
use super::engine::{Engine, Program};
use super::facts::{FactId, Scope, Value, fact_count};
use super::figures::{self, Settings};
use super::household::Household;
use super::outcome::{CashOut, Outcome, Report};
use super::plan::{MEMO, Plan, Tables};
use super::plausible;
use super::rule::{Amount, Region, Rule};
use super::totals::{Totals, TotalsAcc};
use rust_decimal::Decimal;

/// Members evaluated at most (outcomes index members with a `u16`).
const MEMBER_CAP: usize = u16::MAX as usize;

/// Evaluates every rule in force in `region` for `household` on `date`, with the
/// figures the documents state as defaults and no deployment settings.
pub fn evaluate<'c>(
    engine: &'c Engine,
    region: &'c Region,
    household: &Household,
    date: Date,
) -> Report<'c> {
    evaluate_with(engine, region, household, date, None, true)
}

/// [`evaluate`] for a deployment: what `settings` set for `region` answers the facts the
/// resident left open, before the documents' own figures (see [`figures::provide`]).
pub fn evaluate_in<'c>(
    engine: &'c Engine,
    region: &'c Region,
    household: &Household,
    date: Date,
    settings: Option<&Settings>,
) -> Report<'c> {
    evaluate_with(engine, region, household, date, settings, true)
}

/// [`evaluate`] with every condition walked as a tree (`Cond::eval_in`) instead of
/// through its compiled plan: the reference the plans are tested against. Both share
/// the rest (programs, tables, amounts), so it checks the plans, not the whole engine.
#[doc(hidden)]
pub fn evaluate_unplanned<'c>(
    engine: &'c Engine,
    region: &'c Region,
    household: &Household,
    date: Date,
) -> Report<'c> {
    evaluate_with(engine, region, household, date, None, false)
}

fn evaluate_with<'c>(
    engine: &'c Engine,
    region: &'c Region,
    household: &Household,
    date: Date,
    settings: Option<&Settings>,
    planned: bool,
) -> Report<'c> {
    let (mut hh, household_assumed) = plausible::resolve_household(&household.household_facts());
    let (mut resolved, assumed) = plausible::resolve(&hh, &household.members);
    let chain = engine.chain(region);
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
    // (Copied whole: built slot by slot, each 24-byte store was read back in two
    // halves and the loads waited on the stores.)
    let hh_table: Vec<Option<Value>> = match hh.as_slice() {
        t if t.len() == stride => t.to_vec(),
        _ => (0..stride).map(|i| hh.get(FactId(i as u16))).collect(),
    };
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
    let program = match engine.program(region) {
        Some(p) => p,
        None => {
            owned = Program::new(engine.catalog(), region);
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
                    outcomes.push(outcome(reg, rule, None, &whole, &mut pool));
                }
                Scope::Member => {
                    for i in 0..member_acc.len() {
                        let Some(src) = whole.member(i) else { break };
                        outcomes.push(outcome(reg, rule, Some(i as u16), &src, &mut pool));
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
        // An amount that reads no member fact is the same for all: the first one
        // computed serves (no answers to compare).
        let shared = uniform && !plan.amount_per_member();
        let mut first = None;
        // What every outcome of the rule shares (copied once, not per outcome).
        let template = Outcome {
            region: reg,
            rule,
            member: None,
            status: Tri::No,
            missing: (0, 0),
            cash: e.shape,
        };
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
            let start = pool.len() as u32;
            // The outcome is written first, with the amount's shape, and its amount
            // (if any) computed into it in place: an amount moved through locals was
            // copied with mismatched widths, and the loads stalled on the stores.
            let at = outcomes.len();
            outcomes.push(Outcome {
                member,
                status,
                missing: (start, start),
                ..template
            });
            // Not met: nothing to compute, nothing missing, nothing to add.
            if status == Tri::No {
                continue;
            }
            // A service in kind (no shape) has no amount.
            if template.cash.is_some() {
                let reuse = memo.iter().find(|(j, ..)| {
                    shared
                        || plan
                            .amount_facts()
                            .iter()
                            .all(|f| same(lanes[*j].get(f.index()), tab.get(f.index())))
                });
                mask |= match reuse {
                    Some(&(_, o, m)) => {
                        if let Some(c) = outcomes.get(o).map(|o| o.cash) {
                            outcomes[at].cash = c;
                        }
                        m
                    }
                    None => {
                        let src = Flat {
                            facts: tab,
                            ..whole
                        };
                        let m = amount_into(
                            &mut outcomes[at].cash,
                            &e.amount,
                            plan,
                            &src,
                            &tables,
                            &mut scratch,
                        );
                        memo.push((g, at, m));
                        m
                    }
                };
            }
            plan.missing(mask, &mut pool);
            outcomes[at].missing.1 = pool.len() as u32;
        }
    }
    // The totals, in one pass once every outcome is written: added as each outcome was
    // settled, they read its amount right after it was stored, and the loads waited on
    // the stores. (The same additions in the same order: the same totals.)
    for o in outcomes.iter().filter(|o| o.status != Tri::No) {
        let acc = match o.member {
            Some(i) => member_acc.get_mut(usize::from(i)),
            None => Some(&mut household_acc),
        };
        if let Some(a) = acc {
            a.add_outcome(o);
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

/// The amount of a rule met or undetermined for one member's table (`src.facts`),
/// written into `out`; the facts it misses, as bits of the plan's masks.
#[inline(never)]
fn amount_into(
    out: &mut Option<CashOut>,
    amount: &Amount,
    plan: &Plan,
    src: &Flat,
    tables: &Tables,
    scratch: &mut Vec<FactId>,
) -> u64 {
    let mut tier_miss = 0;
    *out = cash(amount, src, scratch, |i, _, _| {
        let (st, m) = plan.eval_tier(i, src.facts, tables);
        tier_miss |= m;
        st
    });
    let m = scratch.iter().fold(tier_miss, |m, f| m | plan.bit(*f));
    scratch.clear();
    m
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
