//! A rule's condition compiled for evaluation: a [`Plan`], built once per rule by the
//! [`super::engine::Engine`] (which keeps each region's plans in its programs).
//!
//! `evaluate` runs on every keystroke over every rule and member. Walking the
//! [`Cond`] tree once per member and collecting missing facts in a vector (pushed,
//! taken back, sorted, deduplicated) was most of its cost. A [`Plan`] numbers the
//! facts a rule reads (sorted, so bit `i` of a mask is the `i`-th smallest fact), so a
//! set of missing facts is one `u64` and comes out sorted for free, and a node's result
//! is a `(Tri, u64)` pair passed in registers. Each member is evaluated on its own
//! flattened fact table (household facts laid over the member's), with short-circuit;
//! evaluating all members together node by node (lanes) was tried and cost more in
//! bookkeeping than it saved in tree walks.
//!
//! The result is exactly [`Cond::eval`]'s: a node that is `Unknown` misses the union
//! of what its children miss (an `Unknown` `and` saw no `No`, so every child was
//! evaluated either way), and a node that is decided misses nothing.

use super::condition::{CmpOp, Cond, Operand, ParamId, Tri, compare};
use super::facts::{FactId, Scope, Value};
use super::rule::{Amount, LeafKind, ValueRef};

/// Per member: the truth of a node and the facts (bits of [`Plan::facts`]) it misses.
pub(crate) type Lane = (Tri, u64);

/// A rule's condition, compiled ([`Plan::new`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Every fact the rule reads (conditions and amount), sorted and deduplicated.
    facts: Vec<FactId>,
    when: Node,
    /// The condition again when it is `true`, a leaf, or an `and` or an `or` of leaves
    /// and of junctions of leaves (most rules), leaves that compare with a literal:
    /// laid side by side ([`Fast`]), each decided on integers.
    fast: Option<Fast>,
    /// Facts the amount reads (tier conditions included): when none of them differs
    /// between members, the amount is computed once for all.
    amount_facts: Vec<FactId>,
    /// Each tier's condition, for tiered amounts.
    tiers: Vec<(Node, Option<Fast>)>,
    /// Whether the amount reads a member fact: when it does not, the amount is the same
    /// for every member of a household whose members answer no household fact (what
    /// `evaluate` calls uniform, and what parsed households always are).
    amount_per_member: bool,
    /// Whether the condition reads a member fact outside `any_member`: when it does
    /// not, it holds alike for every member of a uniform household and is evaluated once.
    per_member: bool,
}

/// A leaf of an `and` of leaves (see [`Plan::fast`]): the fact's slot and what it is
/// tested against, 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Test {
    fact: Slot,
    kind: TestKind,
    /// For a comparison, bit `o + 1` set for each ordering `o` (-1, 0, 1) of the
    /// answer to the literal that satisfies the operator.
    holds: u8,
    /// The literal (a number, a choice's index, yes as 1), or for `in` the set's bits.
    arg: i64,
}

/// See [`Plan::fast`]: `or` of `tests` if `any`, else `and`. A [`TestKind::Group`]
/// test stands for the junction of the opposite kind of the `arg` tests after it.
#[derive(Debug, Clone, PartialEq)]
struct Fast {
    any: bool,
    tests: Vec<Test>,
}

impl Fast {
    fn new(c: &Cond, slot: impl Fn(&FactId) -> Option<Slot> + Copy) -> Option<Fast> {
        let (any, cs) = match c {
            Cond::True => {
                return Some(Fast {
                    any: false,
                    tests: Vec::new(),
                });
            }
            Cond::All(cs) => (false, cs),
            Cond::Any(cs) => (true, cs),
            c => {
                return Some(Fast {
                    any: false,
                    tests: vec![Test::new(c, slot)?],
                });
            }
        };
        let mut tests = Vec::new();
        for c in cs {
            match (c, any) {
                (Cond::Any(inner), false) | (Cond::All(inner), true) => {
                    tests.push(Test {
                        fact: Slot { index: 0, pos: 0 },
                        kind: TestKind::Group,
                        holds: 0,
                        arg: i64::try_from(inner.len()).ok()?,
                    });
                    for i in inner {
                        tests.push(Test::new(i, slot)?);
                    }
                }
                (c, _) => tests.push(Test::new(c, slot)?),
            }
        }
        Some(Fast { any, tests })
    }

    #[inline(always)]
    fn eval(&self, tab: &[Option<Value>]) -> Lane {
        tests_junction(self.any, &self.tests, tab)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum TestKind {
    /// The head of a nested junction (see [`Fast`]).
    Group,
    Is,
    In,
    Int,
    Choice,
    Bool,
}

impl Test {
    fn new(c: &Cond, slot: impl Fn(&FactId) -> Option<Slot>) -> Option<Test> {
        let (fact, kind, holds, arg) = match c {
            Cond::Is(f) => (slot(f)?, TestKind::Is, 0, 0),
            Cond::In { fact, set } => {
                let bits = set
                    .iter()
                    .try_fold(0u64, |m, &c| (c < 64).then(|| m | 1 << c))?;
                (slot(fact)?, TestKind::In, 0, bits as i64)
            }
            Cond::Cmp {
                fact,
                op,
                rhs: Operand::Lit(v),
            } => {
                let (kind, arg) = match *v {
                    Value::Int(x) => (TestKind::Int, x),
                    Value::Choice(c) => (TestKind::Choice, i64::from(c)),
                    Value::Bool(b) => (TestKind::Bool, i64::from(b)),
                    _ => return None,
                };
                use std::cmp::Ordering::*;
                let holds = [Less, Equal, Greater]
                    .into_iter()
                    .filter(|o| op.holds(*o))
                    .fold(0u8, |m, o| m | 1 << (o as i8 + 1));
                (slot(fact)?, kind, holds, arg)
            }
            _ => return None,
        };
        Some(Test {
            fact,
            kind,
            holds,
            arg,
        })
    }

    /// The test on an answer (exactly [`Node::eval_child`]'s leaf).
    #[inline(always)]
    fn holds(self, v: Value) -> bool {
        let ord = |x: i64| self.holds >> (x.cmp(&self.arg) as i8 + 1) & 1 != 0;
        match (self.kind, v) {
            (TestKind::Is, Value::Bool(b)) => b,
            (TestKind::In, Value::Choice(c)) => c < 64 && (self.arg as u64) & (1 << c) != 0,
            (TestKind::Int, Value::Int(x)) => ord(x),
            (TestKind::Choice, Value::Choice(c)) => ord(i64::from(c)),
            (TestKind::Bool, Value::Bool(b)) => ord(i64::from(b)),
            (TestKind::Is | TestKind::In | TestKind::Group, _) => false,
            // An answer of another kind than the literal: as `compare` decides.
            (k, v) => {
                let lit = match k {
                    TestKind::Int => Value::Int(self.arg),
                    TestKind::Choice => Value::Choice(self.arg as u8),
                    _ => Value::Bool(self.arg != 0),
                };
                compare(v, lit).is_some_and(|o| self.holds >> (o as i8 + 1) & 1 != 0)
            }
        }
    }
}

/// A leaf test: `Unknown` (missing its fact) if the fact is unanswered.
#[inline(always)]
fn test(t: Test, tab: &[Option<Value>]) -> Lane {
    match tab.get(usize::from(t.fact.index)).copied().flatten() {
        None => (Tri::Unknown, t.fact.bit()),
        Some(v) => (tri(t.holds(v)), 0),
    }
}

/// `or` (`any`) or `and` of leaf tests and of groups of them: the first decisive result
/// ends it (missing nothing); otherwise `Unknown` with the union of what the `Unknown`
/// ones miss if there was one (an `Unknown` result always misses some fact), else the
/// other value. Exactly [`junction`] over the same tree.
#[inline(always)]
fn tests_junction(any: bool, tests: &[Test], tab: &[Option<Value>]) -> Lane {
    let decisive = if any { Tri::Yes } else { Tri::No };
    let mut miss = 0;
    let mut rest = tests;
    while let Some((&t, after)) = rest.split_first() {
        let (s, m) = if t.kind == TestKind::Group {
            let n = usize::try_from(t.arg).unwrap_or(0).min(after.len());
            let (group, after) = after.split_at(n);
            rest = after;
            leaves_junction(!any, group, tab)
        } else {
            rest = after;
            test(t, tab)
        };
        if s == decisive {
            return (decisive, 0);
        }
        miss |= m;
    }
    if miss != 0 {
        (Tri::Unknown, miss)
    } else {
        (!decisive, 0)
    }
}

/// [`tests_junction`] of leaves only.
#[inline(never)]
fn leaves_junction(any: bool, tests: &[Test], tab: &[Option<Value>]) -> Lane {
    let decisive = if any { Tri::Yes } else { Tri::No };
    let mut miss = 0;
    for &t in tests {
        let (s, m) = test(t, tab);
        if s == decisive {
            return (decisive, 0);
        }
        miss |= m;
    }
    if miss != 0 {
        (Tri::Unknown, miss)
    } else {
        (!decisive, 0)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    True,
    All(Vec<Node>),
    Any(Vec<Node>),
    Not(Box<Node>),
    /// With its index among the rule's `any_member` nodes, under which its result
    /// (the same for every member) is kept while the rule is evaluated.
    AnyMember(Box<Node>, u8),
    Is(Slot),
    In {
        fact: Slot,
        /// Bit `c` set for each choice `c` in the set (a set naming a choice numbered 64
        /// or more is not compiled: its rule keeps the tree walk).
        set: u64,
    },
    Cmp {
        fact: Slot,
        op: CmpOp,
        rhs: Rhs,
    },
}

#[derive(Debug, Clone, PartialEq)]
enum Rhs {
    Lit(Value),
    Fact(Slot),
    Param(ParamId),
}

impl Slot {
    #[inline(always)]
    fn bit(self) -> u64 {
        1 << (self.pos & 63)
    }
}

/// A fact and its bit in the rule's missing masks.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Slot {
    /// The fact's index in a table (narrow, so that nodes stay small).
    index: u16,
    /// Its position in [`Plan::facts`]: its bit in a mask is `1 << pos`.
    pos: u8,
}

/// What a [`Plan`] reads besides the table of the member considered (the household's
/// answers laid over the member's): every member's table, for `any_member`, and the
/// parameters.
pub(crate) struct Tables<'a> {
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
        let amount_per_member = amount_facts.iter().any(|f| f.info().scope == Scope::Member);
        let mut any = 0;
        let slot = |f: &FactId| {
            let i = facts.binary_search(f).ok()?;
            Some(Slot {
                index: u16::try_from(f.index()).ok()?,
                pos: u8::try_from(i).ok()?,
            })
        };
        let tiers = match amount {
            Amount::Tiers(ts) => ts
                .iter()
                .map(|t| {
                    Some((
                        Node::compile(&t.when, &facts, &mut any)?,
                        Fast::new(&t.when, slot),
                    ))
                })
                .collect::<Option<Vec<_>>>()?,
            _ => Vec::new(),
        };
        let fast = Fast::new(when, slot);
        Some(Plan {
            fast,
            when: Node::compile(when, &facts, &mut any)?,
            tiers,
            facts,
            amount_facts,
            per_member: reads_member(when),
            amount_per_member,
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

    pub(crate) fn amount_per_member(&self) -> bool {
        self.amount_per_member
    }

    pub(crate) fn per_member(&self) -> bool {
        self.per_member
    }

    pub(crate) fn amount_facts(&self) -> &[FactId] {
        &self.amount_facts
    }

    /// Tier `i`'s condition for one member's table (`Unknown` for a tier the plan does
    /// not hold, which cannot happen: tiers are compiled with the rule).
    pub(crate) fn eval_tier(&self, i: usize, tab: &[Option<Value>], t: &Tables) -> Lane {
        match self.tiers.get(i) {
            Some((_, Some(f))) => f.eval(tab),
            Some((n, None)) => n.eval(tab, t, &mut [None; MEMO]),
            None => (Tri::Unknown, 0),
        }
    }

    /// The rule's condition for one member's table. `any` keeps `any_member` results
    /// between the members of one rule (start each rule with `[None; MEMO]`).
    #[inline]
    pub(crate) fn eval_member(
        &self,
        tab: &[Option<Value>],
        t: &Tables,
        any: &mut [Option<Lane>; MEMO],
    ) -> Lane {
        // Most conditions are a leaf or an `and` of leaves: those run here in line,
        // without a call per rule and member.
        if let Some(f) = &self.fast {
            return f.eval(tab);
        }
        match &self.when {
            Node::All(cs) => all_of(cs, tab, t, any),
            n => n.eval_child(tab, t, any),
        }
    }
}

/// `and` of `cs`: stops at the first `No`; `Unknown` misses the union of what its
/// `Unknown` children miss.
#[inline(always)]
fn all_of(cs: &[Node], tab: &[Option<Value>], t: &Tables, memo: &mut [Option<Lane>; MEMO]) -> Lane {
    junction(Tri::No, cs.iter().map(|c| c.eval_child(tab, t, memo)))
}

/// `and` (`decisive` = `No`) or `or` (`decisive` = `Yes`) of results taken one at a
/// time: the first decisive one ends it (missing nothing); otherwise `Unknown` with the
/// union of what the `Unknown` ones miss if there was one, else the other value.
#[inline(always)]
fn junction(decisive: Tri, kids: impl Iterator<Item = Lane>) -> Lane {
    let (mut unk, mut miss) = (false, 0);
    for (s, m) in kids {
        if s == decisive {
            return (decisive, 0);
        }
        if s == Tri::Unknown {
            (unk, miss) = (true, miss | m);
        }
    }
    if unk {
        (Tri::Unknown, miss)
    } else {
        (!decisive, 0)
    }
}

/// `any_member` results kept per rule; a rule with more such nodes recomputes the rest.
pub(crate) const MEMO: usize = 4;

/// Whether `c` reads a member fact other than through `any_member` (which ranges over
/// every member, so is the same for each).
fn reads_member(c: &Cond) -> bool {
    let member = |f: &FactId| f.info().scope == Scope::Member;
    match c {
        Cond::True | Cond::AnyMember(_) => false,
        Cond::All(cs) | Cond::Any(cs) => cs.iter().any(reads_member),
        Cond::Not(c) => reads_member(c),
        Cond::Is(f) | Cond::In { fact: f, .. } => member(f),
        Cond::Cmp { fact, rhs, .. } => member(fact) || matches!(rhs, Operand::Fact(g) if member(g)),
    }
}

fn value_facts(v: &ValueRef, out: &mut Vec<FactId>) {
    match v {
        ValueRef::Lit(_) | ValueRef::Param(_) => {}
        ValueRef::Fact(f) => out.push(*f),
        ValueRef::Scaled(_, inner) => value_facts(inner, out),
    }
}

/// Whether a rule reads `fact`, in its condition or its amount (tiers included).
pub(crate) fn rule_reads(when: &Cond, amount: &Amount, fact: FactId) -> bool {
    let leaf = |k: &LeafKind| {
        let mut fs = Vec::new();
        leaf_facts(k, &mut fs);
        fs.contains(&fact)
    };
    when.reads(fact)
        || match amount {
            Amount::InKind => false,
            Amount::Cash(l) => leaf(&l.kind),
            Amount::Tiers(ts) => ts.iter().any(|t| t.when.reads(fact) || leaf(&t.leaf.kind)),
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
                out.push(super::facts::id::HOUSEHOLD_SIZE);
            }
        }
    }
}

impl Node {
    /// `any`: `any_member` nodes numbered so far.
    fn compile(c: &Cond, facts: &[FactId], any: &mut u8) -> Option<Node> {
        let slot = |f: &FactId| {
            let i = facts.binary_search(f).ok()?;
            Some(Slot {
                index: u16::try_from(f.index()).ok()?,
                pos: u8::try_from(i).ok()?,
            })
        };
        let mut all = |cs: &[Cond]| -> Option<Vec<Node>> {
            cs.iter().map(|c| Node::compile(c, facts, any)).collect()
        };
        Some(match c {
            Cond::True => Node::True,
            Cond::All(cs) => Node::All(all(cs)?),
            Cond::Any(cs) => Node::Any(all(cs)?),
            Cond::Not(c) => Node::Not(Box::new(Node::compile(c, facts, any)?)),
            Cond::AnyMember(c) => {
                let inner = Node::compile(c, facts, any)?;
                let id = *any;
                *any = any.saturating_add(1);
                Node::AnyMember(Box::new(inner), id)
            }
            Cond::Is(f) => Node::Is(slot(f)?),
            Cond::In { fact, set } => Node::In {
                fact: slot(fact)?,
                set: set
                    .iter()
                    .try_fold(0u64, |m, &c| (c < 64).then(|| m | 1 << c))?,
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

    /// The node for one member's table `tab`: `and` stops at its first `No`, `or` at
    /// its first `Yes` (missing nothing); an `Unknown` result misses the union of what
    /// its `Unknown` children miss (it saw no decisive child, so evaluated them all).
    fn eval(&self, tab: &[Option<Value>], t: &Tables, memo: &mut [Option<Lane>; MEMO]) -> Lane {
        match self {
            Node::True => (Tri::Yes, 0),
            Node::All(cs) => all_of(cs, tab, t, memo),
            Node::Any(cs) => junction(Tri::Yes, cs.iter().map(|c| c.eval_child(tab, t, memo))),
            Node::Not(c) => {
                let (s, m) = c.eval(tab, t, memo);
                (!s, m)
            }
            Node::AnyMember(inner, id) => {
                let slot = memo.get_mut(usize::from(*id));
                if let Some(Some(r)) = slot.as_deref() {
                    return *r;
                }
                let r = any_member(inner, t, memo);
                if let Some(slot) = memo.get_mut(usize::from(*id)) {
                    *slot = Some(r);
                }
                r
            }
            _ => self.eval_child(tab, t, memo),
        }
    }

    /// A node, with its leaves (`is`, `in`, a comparison) in line: the loops of `and`
    /// and `or` call it, so that a leaf costs no call of its own; other nodes are
    /// evaluated by [`Node::eval`].
    #[inline(always)]
    fn eval_child(
        &self,
        tab: &[Option<Value>],
        t: &Tables,
        memo: &mut [Option<Lane>; MEMO],
    ) -> Lane {
        match self {
            Node::Is(f) => match get(tab, f) {
                Some(Value::Bool(b)) => (tri(b), 0),
                Some(_) => (Tri::No, 0),
                None => (Tri::Unknown, f.bit()),
            },
            Node::In { fact, set } => match get(tab, fact) {
                Some(Value::Choice(c)) => (tri(c < 64 && set & (1 << c) != 0), 0),
                Some(_) => (Tri::No, 0),
                None => (Tri::Unknown, fact.bit()),
            },
            Node::Cmp { fact, op, rhs } => {
                let l = get(tab, fact);
                let mut miss = if l.is_none() { fact.bit() } else { 0 };
                let r = match rhs {
                    Rhs::Lit(v) => Some(*v),
                    Rhs::Fact(g) => {
                        let v = get(tab, g);
                        if v.is_none() {
                            miss |= g.bit();
                        }
                        v
                    }
                    Rhs::Param(p) => t
                        .params
                        .get(p.0 as usize)
                        .copied()
                        .flatten()
                        .map(Value::Money),
                };
                match (l, r) {
                    (Some(l), Some(r)) => (compare(l, r).map_or(Tri::No, |x| tri(op.holds(x))), 0),
                    _ => (Tri::Unknown, miss),
                }
            }
            _ => self.eval(tab, t, memo),
        }
    }
}

/// `any_member`: `Yes` if some member is, else `Unknown` (missing the union) if some
/// member is, else `No`.
#[inline(never)]
fn any_member(inner: &Node, t: &Tables, memo: &mut [Option<Lane>; MEMO]) -> Lane {
    junction(
        Tri::Yes,
        t.members.iter().map(|tab| inner.eval(tab, t, memo)),
    )
}

#[inline(always)]
fn tri(b: bool) -> Tri {
    if b { Tri::Yes } else { Tri::No }
}

#[inline(always)]
fn get(tab: &[Option<Value>], s: &Slot) -> Option<Value> {
    tab.get(usize::from(s.index)).copied().flatten()
}
