//! [`near_misses`]: rules not met that one change of one number would meet, and the
//! sentence that says so.

use super::condition::{Ctx, Tri, value_text};
use super::facts::{FactId, Kind, Scope, Value, id};
use super::household::{Facts, Household};
use super::outcome::Report;
use super::rule::Text;
use rust_decimal::Decimal;
use serde::Serialize;

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
    let age = id::AGE;
    let mut out = Vec::new();
    let mut facts = Vec::new();
    // A copy of each member's (and the household's) facts to try a change on, made once
    // and put back after each trial: a copy per trial was most of the cost of this,
    // which runs on every keystroke.
    let mut scratch: Vec<(*const Facts, Facts)> = Vec::new();
    for (idx, o) in report.outcomes.iter().enumerate() {
        if o.status != Tri::No {
            continue;
        }
        let ctx = report.ctx(o, household);
        facts.clear();
        o.rule.when.facts(&mut facts);
        facts.sort_unstable();
        facts.dedup();
        let mut best: Option<(Decimal, NearMiss)> = None;
        for &f in &facts {
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
                    let at = scratch
                        .iter()
                        .position(|(p, _)| std::ptr::eq(*p, holder))
                        .unwrap_or_else(|| {
                            scratch.push((holder, holder.clone()));
                            scratch.len() - 1
                        });
                    let changed = &mut scratch[at].1;
                    changed.set(f, Some(to));
                    let trial = match info.scope {
                        Scope::Member => Ctx {
                            member: Some(changed),
                            ..ctx
                        },
                        Scope::Household => Ctx {
                            household: changed,
                            ..ctx
                        },
                    };
                    let met = o.rule.when.eval(&trial, &mut Vec::new());
                    changed.set(f, Some(cur));
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
    if n.fact == id::AGE
        && let (Value::Int(a), Value::Int(b)) = (n.from, n.to)
    {
        t.zh.push_str(&format!("（{} 年后）", b - a));
        t.en.push_str(&format!(" (in {} years)", b - a));
    }
    t
}
