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
