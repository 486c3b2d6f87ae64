//! Whom each fact can apply to, and what is assumed of everyone else.
//!
//! An 85-year-old is not asked whether she is in school or pregnant, a 3-year-old not
//! whether he works, and nobody is asked a disability's grade after saying they hold
//! no disability certificate. Each fact may list limits (an age band, a sex, a gate:
//! another fact that must be "yes" or one of some choices first). A member decidedly
//! outside a limit is never asked the fact: the engine assumes the limit's value, says
//! so where it decides something ("按年龄推定：不在学"), and the member's own answer,
//! when given, always wins. A limit whose input is unanswered (age unknown, the gate
//! not yet answered) makes the gate the question to ask instead.
//!
//! The table is data (`[[limits]]` in rules/facts.toml), read in order: a fact's gate
//! comes before the fact, so a gate that is itself assumed closes what depends on it (no
//! certificate, so no grade).

use super::facts::{FactId, FactInfo, Kind, Scope, Value, fact_count, id};
use super::household::Facts;
use std::sync::OnceLock;

/// What is assumed of a member outside a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assume {
    No,
    Yes,
    /// A choice, by code.
    Choice(&'static str),
    /// The fact does not apply at all (a grade without a certificate): every
    /// condition on it fails.
    NotApplicable,
}

/// One limit on whom a fact can apply to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Only from `min` to `max` years of age, both included.
    Age { min: i64, max: i64, outside: Assume },
    /// Only members of this sex (a code of `sex`); an unanswered sex does not hold
    /// the question back (a man simply answers no).
    Sex { code: &'static str, outside: Assume },
    /// Only once `fact` (a member's own, or the household's) is yes, or one of `codes`;
    /// for members aged `ages` (both included), the gate does not hold back others.
    Gate {
        fact: FactId,
        codes: &'static [&'static str],
        outside: Assume,
        ages: (i64, i64),
    },
    /// Not asked once `fact` is one of `codes`: `value` follows from it (one answer
    /// decides, e.g. an assessed 重度失能 is 生活不能自理).
    Implied {
        fact: FactId,
        codes: &'static [&'static str],
        value: Assume,
    },
}

/// On what grounds a value was assumed: shown next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Age,
    Sex,
    /// Another fact's answer (or assumption), e.g. no disability certificate.
    Fact(FactId),
}

impl Basis {
    /// "按年龄推定" / "assumed from age".
    pub fn text(self) -> (String, String) {
        match self {
            Basis::Age => ("按年龄推定".into(), "assumed from age".into()),
            Basis::Sex => ("按性别推定".into(), "assumed from sex".into()),
            Basis::Fact(f) => {
                let i = f.info();
                (
                    format!("按“{}”推定", i.zh),
                    format!("assumed from “{}”", i.en),
                )
            }
        }
    }
}

// The table is data: `[[limits]]` in rules/facts.toml, checked by build.rs (every name a
// fact, every code an answer, every assumed value fits its fact, gates listed first).
include!(concat!(env!("OUT_DIR"), "/limits.rs"));

/// Figures a resident cannot know as a fact (a local standard, the minimum wage):
/// they come from the document or the deployment, and the app never puts them in the
/// resident's main questions (`local_figures` in rules/facts.toml).
pub use super::facts::{LOCAL_FIGURES, LOCAL_FIGURES_IDS};

/// Whether `fact` is one of the [`LOCAL_FIGURES`].
pub fn is_local_figure(fact: FactId) -> bool {
    LOCAL_FIGURES_IDS.contains(&fact)
}

/// Where a fact stands for one member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Worth asking.
    Ask,
    /// Not asked: this is assumed.
    Assumed(Value, Basis),
    /// Not yet asked: this fact's answer decides first whether it applies.
    WaitsFor(FactId),
}

/// The table, resolved to fact ids once.
struct Compiled {
    /// Per fact index: its limits.
    limits: Vec<Vec<CLimit>>,
    /// Facts with limits, in table order, by scope (what `resolve` and
    /// `resolve_household` walk).
    member_order: Vec<FactId>,
    household_order: Vec<FactId>,
    age: FactId,
    sex: FactId,
}

#[derive(Debug, Clone, Copy)]
enum CLimit {
    Age(i64, i64, Option<Value>),
    Sex(Value, Option<Value>),
    /// Gate fact, bitmask of choices that open it (bit 0 also stands for yes), value,
    /// ages it applies to, and whether the gate is a household fact.
    Gate(FactId, u64, Option<Value>, (i64, i64), bool),
    /// Fact, bitmask of choices that imply the value.
    Implied(FactId, u64, Option<Value>),
}

fn mask_of(g: FactId, codes: &[&str]) -> u64 {
    codes.iter().fold(0u64, |m, c| {
        m | match (*c, &g.info().kind) {
            ("yes", Kind::Bool) => 1,
            (c, _) => g.info().choice(c).map_or(0, |i| 1 << (i & 63)),
        }
    })
}

/// Whether an answer is among a mask's choices (`None`: unanswered).
fn in_mask(answer: Option<Value>, mask: u64) -> Option<bool> {
    match answer {
        Some(Value::Bool(b)) => Some(b && mask & 1 != 0),
        Some(Value::Choice(i)) => Some(i < 64 && mask & (1 << i) != 0),
        Some(_) => Some(false),
        None => None,
    }
}

fn assumed(info: &FactInfo, a: Assume) -> Option<Value> {
    match a {
        Assume::No => Some(Value::Bool(false)),
        Assume::Yes => Some(Value::Bool(true)),
        Assume::Choice(code) => info.choice(code).map(Value::Choice),
        Assume::NotApplicable => Some(Value::NotApplicable),
    }
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        let mut limits = vec![Vec::new(); fact_count()];
        let mut order = Vec::new();
        let sex = id::SEX;
        for &(id, ls) in LIMITS {
            let info = id.info();
            order.push(id);
            for l in ls {
                let c = match *l {
                    Limit::Age { min, max, outside } => {
                        CLimit::Age(min, max, assumed(info, outside))
                    }
                    Limit::Sex { code, outside } => match sex.info().choice(code) {
                        Some(c) => CLimit::Sex(Value::Choice(c), assumed(info, outside)),
                        None => continue,
                    },
                    Limit::Gate {
                        fact: g,
                        codes,
                        outside,
                        ages,
                    } => {
                        let hh = g.info().scope == Scope::Household;
                        CLimit::Gate(g, mask_of(g, codes), assumed(info, outside), ages, hh)
                    }
                    Limit::Implied {
                        fact: g,
                        codes,
                        value,
                    } => CLimit::Implied(g, mask_of(g, codes), assumed(info, value)),
                };
                limits[id.index()].push(c);
            }
        }
        let in_scope = |s: Scope| -> Vec<FactId> {
            order
                .iter()
                .copied()
                .filter(|f| f.info().scope == s)
                .collect()
        };
        Compiled {
            member_order: in_scope(Scope::Member),
            household_order: in_scope(Scope::Household),
            limits,
            age: id::AGE,
            sex,
        }
    })
}

/// Whether a member aged `age` is outside one of `fact`'s age bands, so the fact is
/// assumed rather than asked (a 36-year-old is not in school, a 1-year-old is no
/// newborn). An answer given at another age may no longer hold there.
pub fn outside_age_band(fact: FactId, age: i64) -> bool {
    compiled().limits.get(fact.index()).is_some_and(|ls| {
        ls.iter()
            .any(|l| matches!(*l, CLimit::Age(min, max, Some(_)) if !(min..=max).contains(&age)))
    })
}

/// Whether `fact` applies to a member whose facts (answered or assumed) are `member`,
/// in a household whose facts are `household`.
pub fn standing(fact: FactId, member: &Facts, household: &Facts) -> Standing {
    let c = compiled();
    let Some(limits) = c.limits.get(fact.index()) else {
        return Standing::Ask;
    };
    let mut waits = None;
    for l in limits {
        match *l {
            CLimit::Age(min, max, v) => match member.get(c.age) {
                Some(Value::Int(a)) if !(min..=max).contains(&a) => {
                    if let Some(v) = v {
                        return Standing::Assumed(v, Basis::Age);
                    }
                }
                Some(_) => {}
                None => {
                    waits.get_or_insert(c.age);
                }
            },
            CLimit::Sex(want, v) => match member.get(c.sex) {
                Some(s) if s != want => {
                    if let Some(v) = v {
                        return Standing::Assumed(v, Basis::Sex);
                    }
                }
                _ => {}
            },
            CLimit::Implied(g, mask, v) => {
                if in_mask(member.get(g), mask) == Some(true)
                    && let Some(v) = v
                {
                    return Standing::Assumed(v, Basis::Fact(g));
                }
            }
            CLimit::Gate(g, mask, v, (lo, hi), hh) => {
                match member.get(c.age) {
                    Some(Value::Int(a)) if !(lo..=hi).contains(&a) => continue,
                    // Whom the gate is for is not known yet: age first.
                    None if (lo, hi) != (0, 130) => {
                        waits.get_or_insert(c.age);
                        continue;
                    }
                    _ => {}
                }
                let answer = if hh { household.get(g) } else { member.get(g) };
                match in_mask(answer, mask) {
                    Some(false) => {
                        if let Some(v) = v {
                            return Standing::Assumed(v, Basis::Fact(g));
                        }
                    }
                    Some(true) => {}
                    None => {
                        waits.get_or_insert(g);
                    }
                }
            }
        }
    }
    waits.map_or(Standing::Ask, Standing::WaitsFor)
}

/// The household's facts with what follows from its answers filled in (a 低保 family
/// is 家庭经济困难), and what was assumed (fact and basis). Answers are never replaced.
pub fn resolve_household(facts: &Facts) -> (Facts, Vec<(FactId, Basis)>) {
    let c = compiled();
    let mut f = facts.clone();
    let mut n = Vec::new();
    for &id in &c.household_order {
        if f.get(id).is_some() {
            continue;
        }
        // A household fact's limits read the household's own answers.
        if let Standing::Assumed(v, basis) = standing(id, &f, &f) {
            f.set(id, Some(v));
            n.push((id, basis));
        }
    }
    (f, n)
}

/// The members' facts with every value assumed of them filled in, and what was
/// assumed of each (fact and basis), in table order. Answers are never replaced.
/// `household` is the household's facts as resolved by [`resolve_household`].
pub fn resolve(household: &Facts, members: &[Facts]) -> (Vec<Facts>, Vec<Vec<(FactId, Basis)>>) {
    let c = compiled();
    let mut all = Vec::with_capacity(members.len());
    let mut notes = Vec::with_capacity(members.len());
    for m in members {
        let mut f = m.clone();
        let mut n = Vec::new();
        for &id in &c.member_order {
            if f.get(id).is_some() {
                continue;
            }
            if let Standing::Assumed(v, basis) = standing(id, &f, household) {
                f.set(id, Some(v));
                n.push((id, basis));
            }
        }
        all.push(f);
        notes.push(n);
    }
    (all, notes)
}

/// The question to put instead of `fact` for `member` (`None`: the household): the
/// fact itself, the gate that must be answered first (following gates of gates), or
/// nothing when the fact is assumed.
pub fn ask_instead(
    fact: FactId,
    member: Option<usize>,
    members: &[Facts],
    household: &Facts,
) -> Option<(FactId, Option<usize>)> {
    let (mut f, mut m) = (fact, member);
    // A gate is never more than a few facts deep; the bound keeps a mistaken cycle in
    // the table from hanging.
    for _ in 0..4 {
        let standing = match m.and_then(|i| members.get(i)) {
            Some(facts) => standing(f, facts, household),
            None => Standing::Ask,
        };
        match standing {
            Standing::Ask => return Some((f, m)),
            Standing::Assumed(..) => return None,
            Standing::WaitsFor(g) => {
                let answered = match g.info().scope {
                    Scope::Member => m.and_then(|i| members.get(i)).and_then(|x| x.get(g)),
                    Scope::Household => household.get(g),
                };
                if answered.is_some() {
                    return Some((f, m));
                }
                if g.info().scope == Scope::Household {
                    m = None;
                }
                f = g;
            }
        }
    }
    Some((f, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// build.rs checks the table; this checks the check, through what the engine makes of it.
    #[test]
    fn every_limit_compiles_to_an_assumption_that_fits() {
        for &(id, limits) in LIMITS {
            for l in limits {
                let (gate, codes, outside) = match *l {
                    Limit::Age { outside, .. } => (None, &[][..], outside),
                    Limit::Sex { code, outside } => (Some(id::SEX), &[code][..], outside),
                    Limit::Gate {
                        fact,
                        codes,
                        outside,
                        ..
                    } => (Some(fact), codes, outside),
                    Limit::Implied { fact, codes, value } => (Some(fact), codes, value),
                };
                let name = id.info().name;
                assert!(
                    assumed(id.info(), outside).is_some(),
                    "{name}: assumed value fits the fact"
                );
                if let Some(g) = gate {
                    assert_eq!(
                        mask_of(g, codes).count_ones() as usize,
                        codes.len(),
                        "{name}"
                    );
                }
            }
        }
    }
}
