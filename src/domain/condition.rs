//! Conditions and their three-valued (Kleene) evaluation.
//!
//! An unanswered fact makes an atom `Unknown`, never `False`; `and`/`or` then decide
//! whatever they can without it. While evaluating we collect exactly the unanswered
//! facts that could still change the result — those are the questions worth asking.

use super::facts::{FactId, Kind, Value};
use super::household::Facts;
use super::money::fmt_yuan;
use rust_decimal::Decimal;
use serde::Serialize;

/// Three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    Yes,
    No,
    Unknown,
}

impl Tri {
    fn from_bool(b: bool) -> Tri {
        if b { Tri::Yes } else { Tri::No }
    }
}

impl std::ops::Not for Tri {
    type Output = Tri;
    fn not(self) -> Tri {
        match self {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

/// Index of a parameter in a region's parameter table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ParamId(pub u16);

/// The right-hand side of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Lit(Value),
    Fact(FactId),
    Param(ParamId),
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "≠",
            CmpOp::Lt => "<",
            CmpOp::Le => "≤",
            CmpOp::Gt => ">",
            CmpOp::Ge => "≥",
        }
    }
    pub(crate) fn holds(self, o: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpOp::Eq => o == Equal,
            CmpOp::Ne => o != Equal,
            CmpOp::Lt => o == Less,
            CmpOp::Le => o != Greater,
            CmpOp::Gt => o == Greater,
            CmpOp::Ge => o != Less,
        }
    }
}

/// A condition tree. `True` is the universal condition (城乡居民: everyone).
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    True,
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    /// A yes/no fact is answered "yes".
    Is(FactId),
    Cmp {
        fact: FactId,
        op: CmpOp,
        rhs: Operand,
    },
    /// A choice fact is one of these choices.
    In {
        fact: FactId,
        set: Vec<u8>,
    },
    /// Some member of the household meets the inner condition (household-scope rules).
    AnyMember(Box<Cond>),
}

/// What a condition is evaluated against.
pub struct Ctx<'a> {
    /// The member being considered (`None` for household-scope rules).
    pub member: Option<&'a Facts>,
    pub household: &'a Facts,
    /// All members, for `AnyMember`.
    pub members: &'a [Facts],
    /// Parameter values at the evaluation date (`None` = not available).
    pub params: &'a [Option<Decimal>],
}

impl Ctx<'_> {
    /// A fact's answer. Input parsing keeps member facts out of the household's table
    /// and vice versa, so one table answers each fact and no scope lookup is needed.
    #[inline]
    pub fn fact(&self, id: FactId) -> Option<Value> {
        self.household
            .get(id)
            .or_else(|| self.member.and_then(|m| m.get(id)))
    }
}

/// Where a condition reads its facts: the public [`Ctx`], or the engine's flattened
/// per-member tables ([`Flat`]), which answer a fact with one array read.
pub(crate) trait Source: Sized {
    fn fact(&self, id: FactId) -> Option<Value>;
    fn param(&self, p: ParamId) -> Option<Decimal>;
    fn member_count(&self) -> usize;
    /// The same source seen from member `i` (for `AnyMember`).
    fn member(&self, i: usize) -> Option<Self>;
}

impl Source for Ctx<'_> {
    #[inline]
    fn fact(&self, id: FactId) -> Option<Value> {
        Ctx::fact(self, id)
    }
    #[inline]
    fn param(&self, p: ParamId) -> Option<Decimal> {
        self.params.get(p.0 as usize).copied().flatten()
    }
    fn member_count(&self) -> usize {
        self.members.len()
    }
    fn member(&self, i: usize) -> Option<Self> {
        Some(Ctx {
            member: Some(self.members.get(i)?),
            household: self.household,
            members: self.members,
            params: self.params,
        })
    }
}

/// Facts as one table per member, each the household's answers overlaid with the
/// member's ([`Ctx::fact`]'s order: household first), so a lookup is one index.
#[derive(Clone, Copy)]
pub(crate) struct Flat<'a> {
    /// The table of the member considered, or the household's alone.
    pub facts: &'a [Option<Value>],
    /// Every member's table, `stride` slots each.
    pub members: &'a [Option<Value>],
    pub stride: usize,
    pub params: &'a [Option<Decimal>],
}

impl Source for Flat<'_> {
    #[inline]
    fn fact(&self, id: FactId) -> Option<Value> {
        self.facts.get(id.index()).copied().flatten()
    }
    #[inline]
    fn param(&self, p: ParamId) -> Option<Decimal> {
        self.params.get(p.0 as usize).copied().flatten()
    }
    #[inline]
    fn member_count(&self) -> usize {
        self.members.len().checked_div(self.stride).unwrap_or(0)
    }
    #[inline]
    fn member(&self, i: usize) -> Option<Self> {
        let at = i.checked_mul(self.stride)?;
        Some(Flat {
            facts: self.members.get(at..at.checked_add(self.stride)?)?,
            ..*self
        })
    }
}

/// Compares two amounts. Amounts of one scale (yuan against yuan) compare by
/// mantissa, several times cheaper than Decimal's general comparison.
#[inline]
pub(crate) fn cmp_decimal(a: Decimal, b: Decimal) -> std::cmp::Ordering {
    if a.scale() == b.scale() {
        a.mantissa().cmp(&b.mantissa())
    } else {
        a.cmp(&b)
    }
}

#[inline(always)]
pub(crate) fn compare(a: Value, b: Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        // Ages and counts compare as integers: Decimal comparison costs ten times more.
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(&y)),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(&y)),
        (Value::Choice(x), Value::Choice(y)) => Some(x.cmp(&y)),
        _ => Some(cmp_decimal(a.number()?, b.number()?)),
    }
}

/// `and` (`decisive` = `No`) or `or` (`decisive` = `Yes`) over results `next` gives one at
/// a time until it gives `None`. The first decisive result ends it; a decided result takes
/// back the missing facts the earlier ones pushed, so only `Unknown` leaves them.
#[inline(always)]
fn fold(
    decisive: Tri,
    missing: &mut Vec<FactId>,
    mut next: impl FnMut(&mut Vec<FactId>) -> Option<Tri>,
) -> Tri {
    let start = missing.len();
    let mut acc = !decisive;
    while let Some(t) = next(missing) {
        if t == decisive {
            acc = decisive;
            break;
        }
        if t == Tri::Unknown {
            acc = Tri::Unknown;
        }
    }
    if acc != Tri::Unknown {
        missing.truncate(start);
    }
    acc
}

impl Cond {
    /// Evaluates the condition. When the result is `Unknown`, `missing` gains the
    /// unanswered facts that could still decide it; otherwise it is left unchanged.
    pub fn eval(&self, ctx: &Ctx, missing: &mut Vec<FactId>) -> Tri {
        self.eval_in(ctx, missing)
    }

    /// [`Cond::eval`] against any [`Source`]. Atoms push a missing fact only when
    /// they are `Unknown`, so only the compound nodes need to take pushes back.
    pub(crate) fn eval_in<S: Source>(&self, s: &S, missing: &mut Vec<FactId>) -> Tri {
        match self {
            Cond::All(cs) => {
                let mut cs = cs.iter();
                fold(Tri::No, missing, |m| Some(cs.next()?.atom_or_eval(s, m)))
            }
            Cond::Any(cs) => {
                let mut cs = cs.iter();
                fold(Tri::Yes, missing, |m| Some(cs.next()?.atom_or_eval(s, m)))
            }
            // An inner result other than `Unknown` has already taken its pushes back.
            Cond::Not(c) => !c.atom_or_eval(s, missing),
            Cond::AnyMember(inner) => {
                let mut subs = (0..s.member_count()).map_while(|i| s.member(i));
                fold(Tri::Yes, missing, |m| {
                    Some(inner.atom_or_eval(&subs.next()?, m))
                })
            }
            _ => self.atom(s, missing),
        }
    }

    /// Atoms evaluated in place, compound conditions by a call.
    #[inline(always)]
    fn atom_or_eval<S: Source>(&self, s: &S, missing: &mut Vec<FactId>) -> Tri {
        match self {
            Cond::All(_) | Cond::Any(_) | Cond::Not(_) | Cond::AnyMember(_) => {
                self.eval_in(s, missing)
            }
            _ => self.atom(s, missing),
        }
    }

    #[inline(always)]
    fn atom<S: Source>(&self, s: &S, missing: &mut Vec<FactId>) -> Tri {
        match self {
            Cond::Is(f) => match s.fact(*f) {
                Some(Value::Bool(b)) => Tri::from_bool(b),
                Some(_) => Tri::No,
                None => {
                    missing.push(*f);
                    Tri::Unknown
                }
            },
            Cond::Cmp { fact, op, rhs } => {
                let l = s.fact(*fact);
                if l.is_none() {
                    missing.push(*fact);
                }
                let r = match rhs {
                    Operand::Lit(v) => Some(*v),
                    Operand::Fact(f) => {
                        let v = s.fact(*f);
                        if v.is_none() {
                            missing.push(*f);
                        }
                        v
                    }
                    Operand::Param(p) => s.param(*p).map(Value::Money),
                };
                match (l, r) {
                    (Some(l), Some(r)) => {
                        compare(l, r).map_or(Tri::No, |o| Tri::from_bool(op.holds(o)))
                    }
                    _ => Tri::Unknown,
                }
            }
            Cond::In { fact, set } => match s.fact(*fact) {
                Some(Value::Choice(c)) => Tri::from_bool(set.contains(&c)),
                Some(_) => Tri::No,
                None => {
                    missing.push(*fact);
                    Tri::Unknown
                }
            },
            Cond::True => Tri::Yes,
            Cond::All(_) | Cond::Any(_) | Cond::Not(_) | Cond::AnyMember(_) => {
                self.eval_in(s, missing)
            }
        }
    }

    /// The facts member `i` leaves unanswered in the `any_member` parts of a household
    /// condition, where its own answers could still decide them: a household rule that
    /// misses a member fact is asked of those members, never of the household.
    pub fn member_missing(&self, ctx: &Ctx, i: usize, out: &mut Vec<FactId>) {
        match self {
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.member_missing(ctx, i, out)),
            Cond::Not(c) => c.member_missing(ctx, i, out),
            Cond::AnyMember(inner) => {
                if let Some(m) = Source::member(ctx, i) {
                    let start = out.len();
                    if inner.eval_in(&m, out) != Tri::Unknown {
                        out.truncate(start);
                    }
                }
            }
            _ => {}
        }
    }

    /// Every fact the condition mentions.
    pub fn facts(&self, out: &mut Vec<FactId>) {
        match self {
            Cond::True => {}
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.facts(out)),
            Cond::Not(c) | Cond::AnyMember(c) => c.facts(out),
            Cond::Is(f) | Cond::In { fact: f, .. } => out.push(*f),
            Cond::Cmp { fact, rhs, .. } => {
                out.push(*fact);
                if let Operand::Fact(f) = rhs {
                    out.push(*f);
                }
            }
        }
    }

    /// Whether the condition reads `fact` ([`Cond::facts`] without collecting them).
    pub fn reads(&self, fact: FactId) -> bool {
        match self {
            Cond::True => false,
            Cond::All(cs) | Cond::Any(cs) => cs.iter().any(|c| c.reads(fact)),
            Cond::Not(c) | Cond::AnyMember(c) => c.reads(fact),
            Cond::Is(f) | Cond::In { fact: f, .. } => *f == fact,
            Cond::Cmp { fact: f, rhs, .. } => {
                *f == fact || matches!(rhs, Operand::Fact(g) if *g == fact)
            }
        }
    }

    /// Numeric thresholds this condition compares `fact` against (for near misses).
    /// `other` gives the current value of a fact on the right-hand side (`income <
    /// local_dibao_standard_month` has the standard's value as its threshold).
    pub fn thresholds(
        &self,
        fact: FactId,
        params: &[Option<Decimal>],
        other: &dyn Fn(FactId) -> Option<Value>,
        out: &mut Vec<Decimal>,
    ) {
        match self {
            Cond::All(cs) | Cond::Any(cs) => cs
                .iter()
                .for_each(|c| c.thresholds(fact, params, other, out)),
            Cond::Not(c) | Cond::AnyMember(c) => c.thresholds(fact, params, other, out),
            Cond::Cmp { fact: f, rhs, .. } if *f == fact => match rhs {
                Operand::Lit(v) => out.extend(v.number()),
                Operand::Param(p) => out.extend(params.get(p.0 as usize).copied().flatten()),
                Operand::Fact(g) => out.extend(other(*g).and_then(Value::number)),
            },
            _ => {}
        }
    }
}

/// One line of a rule's explanation: a condition, its truth, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Reason {
    /// Nesting level (0 = top); "any of" groups indent their members.
    pub depth: u8,
    pub status: Tri,
    pub zh: String,
    pub en: String,
}

/// Renders a condition tree as explanation lines with their truth values.
pub fn explain(
    c: &Cond,
    ctx: &Ctx,
    param_label: &dyn Fn(ParamId) -> (String, String),
    out: &mut Vec<Reason>,
) {
    explain_at(c, ctx, param_label, 0, out)
}

fn explain_at(
    c: &Cond,
    ctx: &Ctx,
    pl: &dyn Fn(ParamId) -> (String, String),
    depth: u8,
    out: &mut Vec<Reason>,
) {
    let status = c.eval(ctx, &mut Vec::new());
    let mut line = |zh: String, en: String| {
        out.push(Reason {
            depth,
            status,
            zh,
            en,
        })
    };
    match c {
        Cond::True => line("面向全体城乡居民".into(), "Open to all residents".into()),
        Cond::All(cs) => {
            if depth > 0 {
                line("同时满足：".into(), "All of:".into());
            }
            let d = if depth > 0 { depth + 1 } else { depth };
            cs.iter().for_each(|c| explain_at(c, ctx, pl, d, out));
        }
        Cond::Any(cs) => {
            line("满足以下任一项：".into(), "Any one of:".into());
            cs.iter()
                .for_each(|c| explain_at(c, ctx, pl, depth + 1, out));
        }
        Cond::Not(inner) => {
            let (zh, en) = atom_text(inner, pl);
            line(format!("不是：{zh}"), format!("Not: {en}"));
        }
        Cond::AnyMember(inner) => {
            line(
                "家庭中有成员：".into(),
                "Some member of the household:".into(),
            );
            let (zh, en) = atom_text(inner, pl);
            out.push(Reason {
                depth: depth + 1,
                status,
                zh,
                en,
            });
        }
        _ => {
            let (zh, en) = atom_text(c, pl);
            line(zh, en);
        }
    }
}

/// Plain-language text of a single condition.
pub fn atom_text(c: &Cond, pl: &dyn Fn(ParamId) -> (String, String)) -> (String, String) {
    match c {
        Cond::Is(f) => (f.info().zh.to_string(), f.info().en.to_string()),
        Cond::In { fact, set } => {
            let info = fact.info();
            let names = |zh: bool| match &info.kind {
                Kind::Choice { choices } => set
                    .iter()
                    .map(|&i| match choices.get(i as usize) {
                        Some(c) if zh => c.zh,
                        Some(c) => c.en,
                        None => "?",
                    })
                    .collect::<Vec<_>>()
                    .join(if zh { "或" } else { " or " }),
                _ => String::new(),
            };
            (
                format!("{}：{}", info.zh, names(true)),
                format!("{}: {}", info.en, names(false)),
            )
        }
        Cond::Cmp { fact, op, rhs } => {
            let info = fact.info();
            let (rz, re) = operand_text(*fact, rhs, pl);
            (
                format!("{} {} {}", info.zh, op.symbol(), rz),
                format!("{} {} {}", info.en, op.symbol(), re),
            )
        }
        Cond::Not(inner) => {
            let (z, e) = atom_text(inner, pl);
            (format!("不是：{z}"), format!("Not: {e}"))
        }
        Cond::True => ("面向全体城乡居民".into(), "Open to all residents".into()),
        Cond::All(cs) | Cond::Any(cs) => {
            let sep = if matches!(c, Cond::All(_)) {
                ("且", " and ")
            } else {
                ("或", " or ")
            };
            let parts: Vec<_> = cs.iter().map(|c| atom_text(c, pl)).collect();
            (
                parts
                    .iter()
                    .map(|p| p.0.as_str())
                    .collect::<Vec<_>>()
                    .join(sep.0),
                parts
                    .iter()
                    .map(|p| p.1.as_str())
                    .collect::<Vec<_>>()
                    .join(sep.1),
            )
        }
        Cond::AnyMember(inner) => {
            let (z, e) = atom_text(inner, pl);
            (format!("家庭中有成员：{z}"), format!("Some member: {e}"))
        }
    }
}

/// Text of a value of `fact`'s kind.
pub fn value_text(fact: FactId, v: Value) -> (String, String) {
    let info = fact.info();
    match (&info.kind, v) {
        (
            Kind::Int {
                unit_zh, unit_en, ..
            },
            Value::Int(i),
        ) => (
            format!("{i} {unit_zh}").trim().to_string(),
            format!("{i} {unit_en}").trim().to_string(),
        ),
        (Kind::Money { .. }, Value::Money(m)) => {
            (format!("{} 元", fmt_yuan(m)), format!("¥{}", fmt_yuan(m)))
        }
        (Kind::Choice { choices }, Value::Choice(c)) => match choices.get(c as usize) {
            Some(ch) => (ch.zh.into(), ch.en.into()),
            None => ("?".into(), "?".into()),
        },
        (_, Value::Bool(b)) => (
            if b { "是" } else { "否" }.into(),
            if b { "yes" } else { "no" }.into(),
        ),
        (_, v) => (format!("{v:?}"), format!("{v:?}")),
    }
}

fn operand_text(
    fact: FactId,
    o: &Operand,
    pl: &dyn Fn(ParamId) -> (String, String),
) -> (String, String) {
    match o {
        Operand::Lit(v) => value_text(fact, *v),
        Operand::Fact(f) => (f.info().zh.into(), f.info().en.into()),
        Operand::Param(p) => pl(*p),
    }
}
