//! Authoring checks the native tests run on the very files the app embeds, not needed
//! to build a catalog (the app skips them, and their wasm).

use crate::domain::condition::{Cond, Ctx, Tri};
use crate::domain::facts::{FactId, Kind, Scope, Value};
use crate::domain::household::Facts;
use crate::domain::rule::Region;
use rust_decimal::Decimal;

/// Whether some household meets both conditions: tries every combination of the
/// values that matter (yes/no, each choice, each threshold ±1 step) of the facts the
/// two conditions mention. Gives up (no overlap reported) above 20 000 combinations.
pub(super) fn overlap(a: &Cond, b: &Cond, region: &Region) -> bool {
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
