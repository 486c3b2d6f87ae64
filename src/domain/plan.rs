//! A rule's condition compiled for evaluation, and its evaluation for all members at once.
//!
//! `evaluate` runs on every keystroke over every rule and member. Walking the
//! [`Cond`] tree once per member and collecting missing facts in a vector (pushed,
//! taken back, sorted, deduplicated) was most of its cost. A [`Plan`] numbers the
//! facts a rule reads (sorted, so bit `i` of a mask is the `i`-th smallest fact), so a
//! set of missing facts is one `u64` and comes out sorted for free; and a condition is
//! evaluated node by node for every member together, so the tree is walked once per
//! rule and household facts are read where the member facts are.
//!
//! The result is exactly [`Cond::eval`]'s: a node that is `Unknown` misses the union
//! of what its children miss (an `Unknown` `and` saw no `No`, so every child was
//! evaluated either way), and a node that is decided misses nothing.

use super::condition::{CmpOp, Cond, Operand, ParamId, Tri, compare};
use super::facts::{FactId, Value};
use super::rule::{Amount, LeafKind, ValueRef};

/// Members evaluated together; larger households are taken in chunks.
pub(crate) const LANES: usize = 8;

/// Per member: the truth of a node and the facts (bits of [`Plan::facts`]) it misses.
pub(crate) type Lane = (Tri, u64);

/// A rule's condition, compiled ([`Plan::new`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Every fact the rule reads (conditions and amount), sorted and deduplicated.
    facts: Vec<FactId>,
    when: Node,
    /// Facts the amount reads (tier conditions included): when none of them differs
    /// between members, the amount is computed once for all.
    amount_facts: Vec<FactId>,
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    True,
    All(Vec<Node>),
    Any(Vec<Node>),
    Not(Box<Node>),
    AnyMember(Box<Node>),
    Is(Slot),
    In { fact: Slot, set: Vec<u8> },
    Cmp { fact: Slot, op: CmpOp, rhs: Rhs },
}

#[derive(Debug, Clone, PartialEq)]
enum Rhs {
    Lit(Value),
    Fact(Slot),
    Param(ParamId),
}

/// A fact and its bit in the rule's missing masks.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Slot {
    index: usize,
    bit: u64,
}

/// Fact tables as [`Plan`] reads them: one per member considered (each the
/// household's answers overlaid with the member's), plus every member's for
/// `AnyMember`.
pub(crate) struct Tables<'a> {
    pub lanes: &'a [&'a [Option<Value>]],
    pub members: &'a [&'a [Option<Value>]],
    pub params: &'a [Option<rust_decimal::Decimal>],
}

impl Plan {
    /// Compiles a rule's conditions; `None` when the rule reads more facts than a
    /// mask holds (such a rule is evaluated by [`Cond::eval`] instead).
    pub fn new(when: &Cond, amount: &Amount) -> Option<Plan> {
        let mut facts = Vec::new();
        when.facts(&mut facts);
        let mut amount_facts = Vec::new();
        match amount {
            Amount::InKind => {}
            Amount::Cash(l) => leaf_facts(&l.kind, &mut amount_facts),
            Amount::Tiers(ts) => {
                for t in ts {
                    t.when.facts(&mut amount_facts);
                    leaf_facts(&t.leaf.kind, &mut amount_facts);
                }
            }
        }
        amount_facts.sort_unstable();
        amount_facts.dedup();
        facts.extend_from_slice(&amount_facts);
        facts.sort_unstable();
        facts.dedup();
        if facts.len() > 64 {
            return None;
        }
        Some(Plan {
            when: Node::compile(when, &facts)?,
            facts,
            amount_facts,
        })
    }

    /// The missing facts of a mask, in ascending order.
    pub(crate) fn missing(&self, mask: u64, out: &mut Vec<FactId>) {
        let mut m = mask;
        while m != 0 {
            if let Some(f) = self.facts.get(m.trailing_zeros() as usize) {
                out.push(*f);
            }
            m &= m - 1;
        }
    }

    /// The mask bit of a fact the rule reads (0 for any other).
    pub(crate) fn bit(&self, f: FactId) -> u64 {
        self.facts.binary_search(&f).map_or(0, |i| 1 << i)
    }

    pub(crate) fn amount_facts(&self) -> &[FactId] {
        &self.amount_facts
    }

    /// The rule's condition for each of `t.lanes` (at most [`LANES`]) into `out`.
    pub(crate) fn eval_when(&self, t: &Tables, out: &mut [Lane]) {
        self.when.eval(t, out);
    }
}

fn value_facts(v: &ValueRef, out: &mut Vec<FactId>) {
    match v {
        ValueRef::Lit(_) | ValueRef::Param(_) => {}
        ValueRef::Fact(f) => out.push(*f),
        ValueRef::Scaled(_, inner) => value_facts(inner, out),
    }
}

fn leaf_facts(k: &LeafKind, out: &mut Vec<FactId>) {
    match k {
        LeafKind::Fixed(v) | LeafKind::AtLeast(v) | LeafKind::UpTo(v) => value_facts(v, out),
        LeafKind::Range { min, max } => {
            value_facts(min, out);
            value_facts(max, out);
        }
        LeafKind::Rate { rate, count } => {
            value_facts(rate, out);
            out.push(*count);
        }
        LeafKind::Gap {
            standard,
            income,
            times_household,
        } => {
            value_facts(standard, out);
            value_facts(income, out);
            if *times_household {
                out.push(super::facts::well_known::household_size());
            }
        }
    }
}

impl Node {
    fn compile(c: &Cond, facts: &[FactId]) -> Option<Node> {
        let slot = |f: &FactId| {
            let i = facts.binary_search(f).ok()?;
            Some(Slot {
                index: f.index(),
                bit: 1 << i,
            })
        };
        let all = |cs: &[Cond]| -> Option<Vec<Node>> {
            cs.iter().map(|c| Node::compile(c, facts)).collect()
        };
        Some(match c {
            Cond::True => Node::True,
            Cond::All(cs) => Node::All(all(cs)?),
            Cond::Any(cs) => Node::Any(all(cs)?),
            Cond::Not(c) => Node::Not(Box::new(Node::compile(c, facts)?)),
            Cond::AnyMember(c) => Node::AnyMember(Box::new(Node::compile(c, facts)?)),
            Cond::Is(f) => Node::Is(slot(f)?),
            Cond::In { fact, set } => Node::In {
                fact: slot(fact)?,
                set: set.clone(),
            },
            Cond::Cmp { fact, op, rhs } => Node::Cmp {
                fact: slot(fact)?,
                op: *op,
                rhs: match rhs {
                    Operand::Lit(v) => Rhs::Lit(*v),
                    Operand::Fact(f) => Rhs::Fact(slot(f)?),
                    Operand::Param(p) => Rhs::Param(*p),
                },
            },
        })
    }

    /// Evaluates the node for each table of `t.lanes` into `out` (same length).
    fn eval(&self, t: &Tables, out: &mut [Lane]) {
        match self {
            Node::True => out.iter_mut().for_each(|o| *o = (Tri::Yes, 0)),
            Node::All(cs) => fold(cs, Tri::No, t, out),
            Node::Any(cs) => fold(cs, Tri::Yes, t, out),
            Node::Not(c) => {
                c.eval(t, out);
                out.iter_mut().for_each(|o| o.0 = !o.0);
            }
            Node::AnyMember(inner) => {
                // The same for every member considered: it ranges over all of them.
                let mut acc: Lane = (Tri::No, 0);
                let mut kid = [(Tri::No, 0u64); LANES];
                for chunk in t.members.chunks(LANES) {
                    let sub = Tables {
                        lanes: chunk,
                        members: t.members,
                        params: t.params,
                    };
                    let kid = &mut kid[..chunk.len()];
                    inner.eval(&sub, kid);
                    for k in kid.iter() {
                        match k.0 {
                            Tri::Yes => acc = (Tri::Yes, 0),
                            Tri::Unknown => acc = (Tri::Unknown, acc.1 | k.1),
                            Tri::No => {}
                        }
                        if acc.0 == Tri::Yes {
                            break;
                        }
                    }
                    if acc.0 == Tri::Yes {
                        break;
                    }
                }
                out.iter_mut().for_each(|o| *o = acc);
            }
            Node::Is(f) => {
                for (o, tab) in out.iter_mut().zip(t.lanes) {
                    *o = match get(tab, f) {
                        Some(Value::Bool(b)) => (tri(b), 0),
                        Some(_) => (Tri::No, 0),
                        None => (Tri::Unknown, f.bit),
                    };
                }
            }
            Node::In { fact, set } => {
                for (o, tab) in out.iter_mut().zip(t.lanes) {
                    *o = match get(tab, fact) {
                        Some(Value::Choice(c)) => (tri(set.contains(&c)), 0),
                        Some(_) => (Tri::No, 0),
                        None => (Tri::Unknown, fact.bit),
                    };
                }
            }
            Node::Cmp { fact, op, rhs } => {
                let param = match rhs {
                    Rhs::Param(p) => t.params.get(p.0 as usize).copied().flatten(),
                    _ => None,
                };
                for (o, tab) in out.iter_mut().zip(t.lanes) {
                    let l = get(tab, fact);
                    let mut miss = if l.is_none() { fact.bit } else { 0 };
                    let r = match rhs {
                        Rhs::Lit(v) => Some(*v),
                        Rhs::Fact(g) => {
                            let v = get(tab, g);
                            if v.is_none() {
                                miss |= g.bit;
                            }
                            v
                        }
                        Rhs::Param(_) => param.map(Value::Money),
                    };
                    *o = match (l, r) {
                        (Some(l), Some(r)) => {
                            (compare(l, r).map_or(Tri::No, |x| tri(op.holds(x))), 0)
                        }
                        _ => (Tri::Unknown, miss),
                    };
                }
            }
        }
    }
}

#[inline(always)]
fn get(tab: &[Option<Value>], s: &Slot) -> Option<Value> {
    tab.get(s.index).copied().flatten()
}

#[inline(always)]
fn tri(b: bool) -> Tri {
    if b { Tri::Yes } else { Tri::No }
}

/// `and` (`decisive` = `No`) or `or` (`decisive` = `Yes`) of `cs` for every lane: a lane
/// is settled by its first decisive child (missing nothing), `Unknown` lanes miss the
/// union of what their `Unknown` children miss, and once every lane is settled the
/// remaining children are not evaluated.
fn fold(cs: &[Node], decisive: Tri, t: &Tables, out: &mut [Lane]) {
    out.iter_mut().for_each(|o| *o = (!decisive, 0));
    let mut kid = [(Tri::No, 0u64); LANES];
    let kid = &mut kid[..out.len()];
    for c in cs {
        c.eval(t, kid);
        let mut open = false;
        for (o, k) in out.iter_mut().zip(kid.iter()) {
            if o.0 != decisive {
                if k.0 == decisive {
                    *o = (decisive, 0);
                } else if k.0 == Tri::Unknown {
                    *o = (Tri::Unknown, o.1 | k.1);
                }
            }
            open |= o.0 != decisive;
        }
        if !open {
            break;
        }
    }
}
