//! The condition language of rule files, e.g.
//! `student_stage in [primary, junior] and boarding and (economic_hardship or dibao)`.
//!
//! Grammar: `or` of `and` of (`not` x | `(` expr `)` | `any_member(` expr `)` | `true` |
//! fact | fact op operand | fact `in [` code, … `]`), with op one of `== != < <= > >=`
//! and operand a number, a choice code, `true`/`false`, another fact, or `$param`.

use crate::domain::condition::{CmpOp, Cond, Operand, ParamId};
use crate::domain::facts::{FactId, Kind, Scope, Value, fact_by_name};
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Num(String),
    Param(String),
    Op(CmpOp),
    LParen,
    RParen,
    LBrack,
    RBrack,
    Comma,
}

fn lex(s: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let two = cs.get(i + 1).copied();
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => (out.push(Tok::LParen), i += 1).1,
            ')' => (out.push(Tok::RParen), i += 1).1,
            '[' => (out.push(Tok::LBrack), i += 1).1,
            ']' => (out.push(Tok::RBrack), i += 1).1,
            ',' => (out.push(Tok::Comma), i += 1).1,
            '=' | '!' | '<' | '>' => {
                let (op, n) = match (c, two) {
                    ('=', Some('=')) => (CmpOp::Eq, 2),
                    ('!', Some('=')) => (CmpOp::Ne, 2),
                    ('<', Some('=')) => (CmpOp::Le, 2),
                    ('>', Some('=')) => (CmpOp::Ge, 2),
                    ('<', _) => (CmpOp::Lt, 1),
                    ('>', _) => (CmpOp::Gt, 1),
                    _ => return Err(format!("unexpected `{c}` at {i}")),
                };
                out.push(Tok::Op(op));
                i += n;
            }
            '$' | 'a'..='z' | 'A'..='Z' | '_' => {
                let start = if c == '$' { i + 1 } else { i };
                let mut j = start;
                while j < cs.len() && (cs[j].is_ascii_alphanumeric() || cs[j] == '_') {
                    j += 1;
                }
                let word: String = cs[start..j].iter().collect();
                if word.is_empty() {
                    return Err(format!("`$` without a parameter name at {i}"));
                }
                out.push(if c == '$' {
                    Tok::Param(word)
                } else {
                    Tok::Ident(word)
                });
                i = j;
            }
            '0'..='9' | '-' => {
                let mut j = i + 1;
                while j < cs.len() && (cs[j].is_ascii_digit() || cs[j] == '.') {
                    j += 1;
                }
                out.push(Tok::Num(cs[i..j].iter().collect()));
                i = j;
            }
            _ => return Err(format!("unexpected `{c}` at {i}")),
        }
    }
    Ok(out)
}

/// Resolves parameter names to ids while parsing.
pub type ParamLookup<'a> = &'a dyn Fn(&str) -> Option<ParamId>;

struct Parser<'a> {
    toks: Vec<Tok>,
    pos: usize,
    params: ParamLookup<'a>,
    /// Scope of the rule; member facts in a household rule must sit in `any_member`.
    scope: Scope,
    in_any_member: bool,
}

/// Parses a condition for a rule of `scope`.
pub fn parse(src: &str, scope: Scope, params: ParamLookup) -> Result<Cond, String> {
    let toks = lex(src)?;
    if toks.is_empty() {
        return Err("empty condition".into());
    }
    let mut p = Parser {
        toks,
        pos: 0,
        params,
        scope,
        in_any_member: false,
    };
    let c = p.or()?;
    if p.pos != p.toks.len() {
        return Err(format!(
            "unexpected `{}` after a complete condition",
            p.show(p.pos)
        ));
    }
    Ok(c)
}

impl Parser<'_> {
    fn show(&self, i: usize) -> String {
        match self.toks.get(i) {
            Some(Tok::Ident(s)) | Some(Tok::Num(s)) => s.clone(),
            Some(Tok::Param(s)) => format!("${s}"),
            Some(Tok::Op(o)) => o.symbol().into(),
            Some(t) => format!("{t:?}"),
            None => "end".into(),
        }
    }
    fn peek_word(&self, w: &str) -> bool {
        matches!(self.toks.get(self.pos), Some(Tok::Ident(s)) if s == w)
    }
    fn expect(&mut self, t: Tok) -> Result<(), String> {
        if self.toks.get(self.pos) == Some(&t) {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("expected {t:?}, found `{}`", self.show(self.pos)))
        }
    }
    fn or(&mut self) -> Result<Cond, String> {
        let mut v = vec![self.and()?];
        while self.peek_word("or") {
            self.pos += 1;
            v.push(self.and()?);
        }
        Ok(if v.len() == 1 {
            v.pop().expect("one")
        } else {
            Cond::Any(v)
        })
    }
    fn and(&mut self) -> Result<Cond, String> {
        let mut v = vec![self.unary()?];
        while self.peek_word("and") {
            self.pos += 1;
            v.push(self.unary()?);
        }
        Ok(if v.len() == 1 {
            v.pop().expect("one")
        } else {
            Cond::All(v)
        })
    }
    fn unary(&mut self) -> Result<Cond, String> {
        if self.peek_word("not") {
            self.pos += 1;
            return Ok(Cond::Not(Box::new(self.unary()?)));
        }
        if self.toks.get(self.pos) == Some(&Tok::LParen) {
            self.pos += 1;
            let c = self.or()?;
            self.expect(Tok::RParen)?;
            return Ok(c);
        }
        if self.peek_word("true") {
            self.pos += 1;
            return Ok(Cond::True);
        }
        if self.peek_word("any_member") {
            if self.scope == Scope::Member || self.in_any_member {
                return Err("any_member(…) is only for household-scope rules".into());
            }
            self.pos += 1;
            self.expect(Tok::LParen)?;
            self.in_any_member = true;
            let c = self.or()?;
            self.in_any_member = false;
            self.expect(Tok::RParen)?;
            return Ok(Cond::AnyMember(Box::new(c)));
        }
        self.atom()
    }
    fn fact(&mut self) -> Result<FactId, String> {
        let name = match self.toks.get(self.pos) {
            Some(Tok::Ident(s)) => s.clone(),
            _ => {
                return Err(format!(
                    "expected a fact name, found `{}`",
                    self.show(self.pos)
                ));
            }
        };
        self.pos += 1;
        let id = fact_by_name(&name).ok_or_else(|| format!("unknown fact `{name}`"))?;
        if id.info().scope == Scope::Member && self.scope == Scope::Household && !self.in_any_member
        {
            return Err(format!(
                "`{name}` is a member fact; in a household rule wrap it in any_member(…)"
            ));
        }
        Ok(id)
    }
    fn atom(&mut self) -> Result<Cond, String> {
        let fact = self.fact()?;
        let info = fact.info();
        if self.peek_word("in") {
            self.pos += 1;
            self.expect(Tok::LBrack)?;
            let mut set = Vec::new();
            loop {
                let code = match self.toks.get(self.pos) {
                    Some(Tok::Ident(s)) => s.clone(),
                    _ => return Err(format!("expected a choice of `{}`", info.name)),
                };
                self.pos += 1;
                set.push(
                    info.choice(&code)
                        .ok_or_else(|| format!("`{code}` is not a choice of `{}`", info.name))?,
                );
                match self.toks.get(self.pos) {
                    Some(Tok::Comma) => self.pos += 1,
                    Some(Tok::RBrack) => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err("expected `,` or `]`".into()),
                }
            }
            return Ok(Cond::In { fact, set });
        }
        let Some(Tok::Op(op)) = self.toks.get(self.pos).cloned() else {
            return match info.kind {
                Kind::Bool => Ok(Cond::Is(fact)),
                _ => Err(format!(
                    "`{}` is not yes/no: compare it (`{} >= …`)",
                    info.name, info.name
                )),
            };
        };
        self.pos += 1;
        let rhs = match self.toks.get(self.pos).cloned() {
            Some(Tok::Num(n)) => Operand::Lit(self.number(fact, &n)?),
            Some(Tok::Param(p)) => {
                if !matches!(info.kind, Kind::Money { .. } | Kind::Int { .. }) {
                    return Err(format!(
                        "`{}` cannot be compared with a parameter",
                        info.name
                    ));
                }
                Operand::Param(
                    (self.params)(&p).ok_or_else(|| format!("unknown parameter `${p}`"))?,
                )
            }
            Some(Tok::Ident(w)) => match (&info.kind, w.as_str()) {
                (Kind::Bool, "true") => Operand::Lit(Value::Bool(true)),
                (Kind::Bool, "false") => Operand::Lit(Value::Bool(false)),
                (Kind::Choice { .. }, code) => {
                    Operand::Lit(Value::Choice(info.choice(code).ok_or_else(|| {
                        format!("`{code}` is not a choice of `{}`", info.name)
                    })?))
                }
                (_, name) => {
                    let other =
                        fact_by_name(name).ok_or_else(|| format!("unknown fact `{name}`"))?;
                    if std::mem::discriminant(&other.info().kind)
                        != std::mem::discriminant(&info.kind)
                    {
                        return Err(format!(
                            "`{}` and `{name}` are of different kinds",
                            info.name
                        ));
                    }
                    Operand::Fact(other)
                }
            },
            _ => return Err(format!("expected a value after `{}`", op.symbol())),
        };
        self.pos += 1;
        if matches!(info.kind, Kind::Choice { .. } | Kind::Bool)
            && !matches!(op, CmpOp::Eq | CmpOp::Ne)
        {
            return Err(format!(
                "`{}` can only be compared with == or !=",
                info.name
            ));
        }
        Ok(Cond::Cmp { fact, op, rhs })
    }
    fn number(&self, fact: FactId, n: &str) -> Result<Value, String> {
        let d: Decimal = n.parse().map_err(|_| format!("`{n}` is not a number"))?;
        match fact.info().kind {
            Kind::Int { .. } => {
                if d.fract() != Decimal::ZERO {
                    return Err(format!("`{}` is a whole number, not {n}", fact.info().name));
                }
                Ok(Value::Int(
                    i64::try_from(d).map_err(|_| format!("`{n}` is too large"))?,
                ))
            }
            Kind::Money { .. } => Ok(Value::Money(d)),
            _ => Err(format!("`{}` is not a number", fact.info().name)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Cond, String> {
        parse(s, Scope::Member, &|_| None)
    }

    #[test]
    fn parses_precedence_and_sets() {
        let c = p("student_stage in [primary, junior] and boarding or dibao").unwrap();
        match c {
            Cond::Any(v) => assert!(matches!(&v[0], Cond::All(x) if x.len() == 2)),
            other => panic!("{other:?}"),
        }
        assert!(matches!(p("not (age >= 80)").unwrap(), Cond::Not(_)));
        assert!(matches!(p("true").unwrap(), Cond::True));
    }

    #[test]
    fn rejects_with_reasons() {
        for (src, want) in [
            ("ages >= 80", "unknown fact `ages`"),
            ("age", "not yes/no"),
            ("student_stage in [college]", "not a choice"),
            ("age >= 80.5", "whole number"),
            ("age >= 80 and", "fact name"),
            ("age >= $nope", "unknown parameter"),
            ("sex > female", "only be compared"),
            ("any_member(age > 3)", "household-scope"),
            ("age >= 80 age", "after a complete condition"),
            ("age # 3", "unexpected `#`"),
        ] {
            let e = p(src).unwrap_err();
            assert!(e.contains(want), "{src}: {e}");
        }
        let e = parse("age >= 80", Scope::Household, &|_| None).unwrap_err();
        assert!(e.contains("any_member"), "{e}");
        assert!(
            parse("any_member(age >= 80) and dibao", Scope::Household, &|_| {
                None
            })
            .is_ok()
        );
    }
}
