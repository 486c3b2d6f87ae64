//! [`explain`]: the why-panel of one outcome, built only when asked for: the conditions
//! with their truth, what was assumed, the computation of the amount in words, and the
//! figures it reads with where each comes from.

use super::condition::{Ctx, ParamId, Reason, Tri, explain as explain_cond, value_text};
use super::facts::{FactId, Value, id};
use super::figures::Figure;
use super::household::Household;
use super::money::{Period, fmt_yuan};
use super::outcome::{CashOut, Outcome, Report};
use super::rule::{Amount, Leaf, LeafKind, Region, Rule, Text, ValueRef};
use rust_decimal::Decimal;
use serde::Serialize;

/// The why-panel of one outcome: conditions with truth values and the computation.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub reasons: Vec<Reason>,
    pub computation: Option<Text>,
    /// The figures this outcome reads that the deployment or the document gave, each
    /// with its sentence ("按本站设定：…", "文件所载 2021 年标准：…").
    pub figures: Vec<(FactId, Text)>,
}

/// The figures of `report` that `rule` reads (in its condition or its amount), with
/// the sentence that says where each comes from.
/// A member fact counts only where the figure answered it for this outcome's member
/// (or, for a household rule, for some member).
pub fn figures_read(report: &Report, o: &Outcome) -> Vec<(FactId, Text)> {
    figures_read_in(report, o, &mut Vec::new())
}

/// [`figures_read`] for many outcomes of one report: each figure's sentence is written
/// once per document and kept in `texts` (the figure's index, the document's title).
pub(crate) fn figures_read_in(
    report: &Report,
    o: &Outcome,
    texts: &mut Vec<(usize, *const str, Text)>,
) -> Vec<(FactId, Text)> {
    if report.figures.is_empty() {
        return Vec::new();
    }
    let member = o.member_index();
    let given = |f: &Figure| {
        report
            .provided
            .iter()
            .any(|&(g, m)| g == f.fact && (m.is_none() || member.is_none() || m == member))
    };
    // Whether the figure answered this outcome first (a short list), then whether the
    // rule reads it: collecting every fact of every rule shown was a sixth of a keystroke.
    let read = |f: &Figure| super::plan::rule_reads(&o.rule.when, &o.rule.amount, f.fact);
    let document: &str = &o.region.document.title;
    report
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| given(f) && read(f))
        .map(|(i, f)| {
            let at = texts
                .iter()
                .position(|(j, d, _)| *j == i && std::ptr::eq(*d, document))
                .unwrap_or_else(|| {
                    texts.push((i, document, f.text(document)));
                    texts.len() - 1
                });
            (f.fact, texts[at].2.clone())
        })
        .collect()
}

/// Builds the explanation of an outcome: its [`reasons`], [`computation_of`] its
/// amount and the [`figures_read`].
pub fn explain(report: &Report, o: &Outcome, household: &Household) -> Explanation {
    Explanation {
        reasons: reasons(report, o, household),
        computation: computation_of(report, o, household),
        figures: figures_read(report, o),
    }
}

/// The conditions of an outcome with their truth, and what was assumed rather than
/// answered where the rule reads it. The costly part of an explanation (every leaf put
/// into words in two languages): a screen builds it only when a result is opened.
pub fn reasons(report: &Report, o: &Outcome, household: &Household) -> Vec<Reason> {
    let ctx = report.ctx(o, household);
    let params = ctx.params;
    let label = |p: ParamId| param_text(o.region, p, params);
    let mut reasons = Vec::new();
    explain_cond(&o.rule.when, &ctx, &label, &mut reasons);
    // What was assumed of the member rather than answered, where this rule reads it:
    // "按年龄推定：在读学段 = 不在学", so a resident can see and correct it.
    // The member's own assumptions, and the household's (they hold for every outcome).
    let own = o
        .member_index()
        .and_then(|i| report.assumed.get(i))
        .map_or(&[][..], Vec::as_slice);
    let assumed = own.iter().chain(&report.household_assumed);
    let mut read = Vec::new();
    o.rule.when.facts(&mut read);
    for &(f, basis) in assumed {
        if !read.contains(&f) {
            continue;
        }
        let Some(v) = ctx.fact(f) else { continue };
        let (bz, be) = basis.text();
        let (vz, ve) = match v {
            Value::NotApplicable => ("不适用".to_string(), "does not apply".to_string()),
            v => value_text(f, v),
        };
        let info = f.info();
        reasons.push(Reason {
            depth: 0,
            status: Tri::Yes,
            zh: format!("{bz}：{} = {vz}（如不符，请在成员信息中填写）", info.zh),
            en: format!(
                "{be}: {} = {ve} (if wrong, answer it in the member's details)",
                info.en
            ),
        });
    }
    reasons
}

/// The computation of an outcome's amount, in words (`None` for a service in kind, or
/// an amount with nothing to work out).
pub fn computation_of(report: &Report, o: &Outcome, household: &Household) -> Option<Text> {
    o.cash.as_ref().and_then(|c| {
        let ctx = report.ctx(o, household);
        computation(o.rule, c, &ctx, ctx.params, o.region)
    })
}

fn param_text(region: &Region, p: ParamId, params: &[Option<Decimal>]) -> (String, String) {
    // A parameter the region does not have (a rule built by hand): named by its number.
    let Some(def) = region.params.get(p.0 as usize) else {
        return (format!("参数 {}", p.0), format!("parameter {}", p.0));
    };
    match params.get(p.0 as usize).copied().flatten() {
        Some(v) => (
            format!("{}（{} 元）", def.label.zh, fmt_yuan(v)),
            format!("{} (¥{})", def.label.en, fmt_yuan(v)),
        ),
        None => (def.label.zh.clone(), def.label.en.clone()),
    }
}

fn value_ref_text(
    v: &ValueRef,
    ctx: &Ctx,
    params: &[Option<Decimal>],
    region: &Region,
) -> (String, String) {
    match v {
        ValueRef::Lit(d) => (format!("{} 元", fmt_yuan(*d)), format!("¥{}", fmt_yuan(*d))),
        ValueRef::Param(p) => param_text(region, *p, params),
        ValueRef::Fact(f) => match ctx.fact(*f) {
            Some(x) => {
                let (z, e) = value_text(*f, x);
                (
                    format!("{}（{}）", f.info().zh, z),
                    format!("{} ({})", f.info().en, e),
                )
            }
            None => (
                format!("{}（未填）", f.info().zh),
                format!("{} (not given)", f.info().en),
            ),
        },
        ValueRef::Scaled(k, inner) => {
            let (z, e) = value_ref_text(inner, ctx, params, region);
            (
                format!("{} × {z}", k.normalize()),
                format!("{} × {e}", k.normalize()),
            )
        }
    }
}

fn computation(
    rule: &Rule,
    c: &CashOut,
    ctx: &Ctx,
    params: &[Option<Decimal>],
    region: &Region,
) -> Option<Text> {
    let (leaf, tier_label) = match (&rule.amount, c.tier) {
        (Amount::Cash(l), _) => (l, None),
        (Amount::Tiers(ts), Some(i)) => {
            let t = ts.get(usize::from(i))?;
            (&t.leaf, Some(&t.label))
        }
        (Amount::Tiers(ts), None) => {
            let zh: Vec<_> = ts
                .iter()
                .map(|t| {
                    format!(
                        "{}：{}",
                        t.label.zh,
                        leaf_text(&t.leaf, ctx, params, region).0
                    )
                })
                .collect();
            let en: Vec<_> = ts
                .iter()
                .map(|t| {
                    format!(
                        "{}: {}",
                        t.label.en,
                        leaf_text(&t.leaf, ctx, params, region).1
                    )
                })
                .collect();
            return Some(Text::new(
                format!("分档：{}", zh.join("；")),
                format!("Tiers: {}", en.join("; ")),
            ));
        }
        (Amount::InKind, _) => return None,
    };
    let (mut zh, mut en) = leaf_text(leaf, ctx, params, region);
    if let Some(l) = tier_label {
        zh = format!("{}：{}", l.zh, zh);
        en = format!("{}: {}", l.en, en);
    }
    if let Some(s) = c.stated {
        zh.push_str(&format!(
            " = {}{} {} 元",
            leaf.per.zh(),
            leaf.period.zh(),
            s
        ));
        en.push_str(&format!(" = ¥{} {} {}", s, leaf.per.en(), leaf.period.en()));
    }
    if let (Some(y), Period::Month) = (c.yearly(), leaf.period) {
        zh.push_str(&format!("；折合每年 {y} 元"));
        en.push_str(&format!("; ¥{y} a year"));
    }
    if let Some(d) = &leaf.decided_by {
        zh.push_str(&format!("（{}）", d.zh));
        en.push_str(&format!(" ({})", d.en));
    }
    Some(Text::new(zh, en))
}

fn leaf_text(
    leaf: &Leaf,
    ctx: &Ctx,
    params: &[Option<Decimal>],
    region: &Region,
) -> (String, String) {
    let v = |x: &ValueRef| value_ref_text(x, ctx, params, region);
    let (p_zh, p_en) = (
        format!("{}{}", leaf.per.zh(), leaf.period.zh()),
        format!("{} {}", leaf.per.en(), leaf.period.en()),
    );
    match &leaf.kind {
        LeafKind::Fixed(x) => {
            let (z, e) = v(x);
            (format!("{p_zh} {z}"), format!("{e} {p_en}"))
        }
        LeafKind::Range { min, max } => {
            let ((a, b), (c, d)) = (v(min), v(max));
            (format!("{p_zh} {a}—{c}"), format!("{b}–{d} {p_en}"))
        }
        LeafKind::AtLeast(x) => {
            let (z, e) = v(x);
            (format!("{p_zh}不少于 {z}"), format!("at least {e} {p_en}"))
        }
        LeafKind::UpTo(x) => {
            let (z, e) = v(x);
            (format!("{p_zh}最高 {z}"), format!("up to {e} {p_en}"))
        }
        LeafKind::Rate { rate, count } => {
            let (z, e) = v(rate);
            let (cz, ce) = v(&ValueRef::Fact(*count));
            (format!("{z}/天 × {cz}"), format!("{e} a day × {ce}"))
        }
        LeafKind::Gap {
            standard,
            income,
            times_household,
        } => {
            let ((sz, se), (iz, ie)) = (v(standard), v(income));
            let (nz, ne) = if *times_household {
                v(&ValueRef::Fact(id::HOUSEHOLD_SIZE))
            } else {
                ("1".into(), "1".into())
            };
            (
                format!("（{sz} − {iz}）× {nz}，{p_zh}"),
                format!("({se} − {ie}) × {ne}, {p_en}"),
            )
        }
    }
}
