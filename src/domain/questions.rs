//! [`questions`]: the unanswered facts that can still change an outcome, ranked by the
//! cash that hangs on them.

use super::facts::{FactId, Scope, fact_count};
use super::household::Household;
use super::outcome::{CashOut, Report};
use super::plausible;
use rust_decimal::Decimal;
use serde::Serialize;

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
    rank(&mut qs);
    qs
}

/// Cash at stake first (what a resident most wants settled), then how many outcomes
/// hang on the answer, then member and fact (a total order: the same list each time).
/// Amounts are compared as whole numbers at one scale: Decimal's comparison of amounts
/// of different scales was a third of the work of [`questions`].
fn rank(qs: &mut [Question]) {
    let scale = qs.iter().map(|q| q.amount.scale()).max().unwrap_or(0);
    let at_scale = |d: Decimal| {
        10i128
            .checked_pow(scale - d.scale())
            .and_then(|k| d.mantissa().checked_mul(k))
    };
    if qs.iter().all(|q| at_scale(q.amount).is_some()) {
        qs.sort_by_cached_key(|q| {
            (
                std::cmp::Reverse(at_scale(q.amount).unwrap_or(0)),
                std::cmp::Reverse(q.rules),
                q.member,
                q.fact,
            )
        });
    } else {
        qs.sort_by(|a, b| {
            b.amount
                .cmp(&a.amount)
                .then(b.rules.cmp(&a.rules))
                .then(a.member.cmp(&b.member))
                .then(a.fact.cmp(&b.fact))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::facts::fact_by_name;

    fn q(name: &str, member: Option<usize>, rules: u32, amount: &str) -> Question {
        let fact = fact_by_name(name).expect("a fact");
        Question {
            fact,
            name: fact.info().name,
            member,
            rules,
            amount: amount.parse().expect("an amount"),
        }
    }

    /// The ranking by whole numbers at one scale is the ranking by Decimal's own order,
    /// for amounts of different scales, ties broken by rules, member and fact; and an
    /// amount too large for one scale falls back to that order.
    #[test]
    fn ranks_as_decimals_do() {
        let by_decimal = |qs: &mut Vec<Question>| {
            qs.sort_by(|a, b| {
                b.amount
                    .cmp(&a.amount)
                    .then(b.rules.cmp(&a.rules))
                    .then(a.member.cmp(&b.member))
                    .then(a.fact.cmp(&b.fact))
            })
        };
        for extra in ["0", "79228162514264337593543950335"] {
            let mut qs = vec![
                q("age", Some(0), 1, "378.75"),
                q("dibao", None, 2, "670"),
                q("age", Some(1), 3, "670.00"),
                q("tekun", Some(0), 3, "670.0"),
                q("boarding", Some(2), 1, "0.005"),
                q("hukou_local", Some(0), 1, "0"),
                q("low_income", None, 4, extra),
            ];
            let mut want = qs.clone();
            by_decimal(&mut want);
            rank(&mut qs);
            let names = |v: &[Question]| v.iter().map(|q| (q.name, q.member)).collect::<Vec<_>>();
            assert_eq!(names(&qs), names(&want), "amounts led by {extra}");
        }
    }
}
