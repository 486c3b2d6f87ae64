//! What the lists show of a report, in the user's language: one row per outcome, the
//! amount in words with its monthly and yearly equivalents, grouped by area. Shared by
//! the results, the pending list and the comparison, so they always agree.

use crate::domain::condition::Tri;
use crate::domain::explain::figures_read;
use crate::domain::money::{MoneyRange, Period};
use crate::domain::outcome::CashOut;
use crate::domain::plausible::is_local_figure;
use crate::domain::rule::Paid;
use crate::domain::{Lang, Outcome, Report};
use crate::ui::i18n::{tr, txt};

pub use crate::present::{count_en, money};

/// "成员 2" / "member 2" / "全家" / "household".
pub fn who(lang: Lang, member: Option<usize>) -> String {
    match (member, lang) {
        (Some(i), Lang::Zh) => format!("成员 {}", i + 1),
        (Some(i), Lang::En) => format!("member {}", i + 1),
        (None, Lang::Zh) => "全家".into(),
        (None, Lang::En) => "household".into(),
    }
}

/// The amount as stated, then its other period: "100 元 每人每月（每年 1200 元）".
pub fn amount(lang: Lang, c: &CashOut) -> String {
    let Some(s) = c.stated else {
        return tr(lang, "金额待补充信息", "amount needs more answers").to_string();
    };
    // A waived fee is shown with its value but never as money paid.
    let waived = c.paid == Paid::Waived;
    let stated = match lang {
        Lang::Zh => format!(
            "{}{} {}{}",
            if waived {
                "减免费用（非现金）"
            } else {
                ""
            },
            money(lang, s),
            c.per.zh(),
            c.period.zh()
        ),
        Lang::En => format!(
            "{}{} {} {}",
            if waived {
                "fees waived (not cash): "
            } else {
                ""
            },
            money(lang, s),
            c.per.en(),
            c.period.en()
        ),
    };
    let other = match (c.period, c.yearly()) {
        (Period::Month, Some(y)) => Some(match lang {
            Lang::Zh => format!("（每年 {}）", money(lang, y)),
            Lang::En => format!(" ({} a year)", money(lang, y)),
        }),
        (Period::Year, Some(y)) => Some(match lang {
            Lang::Zh => format!("（约每月 {}）", money(lang, y.monthly_equivalent())),
            Lang::En => format!(" (about {} a month)", money(lang, y.monthly_equivalent())),
        }),
        _ => None,
    };
    stated + &other.unwrap_or_default()
}

/// What a list shows of one outcome before it is opened.
#[derive(Clone, PartialEq)]
pub struct ResultSummary {
    /// The language the texts are in (part of a list's key, so a switch redraws it).
    pub lang: Lang,
    pub rule: String,
    pub member: Option<usize>,
    pub area: String,
    pub name: String,
    pub who: String,
    pub amount: Option<String>,
    /// "第 3 项" / "item 3" of the document, printed with the result.
    pub source: String,
    /// Where the local figures its amount or condition uses come from: "按本站设定：…",
    /// "文件所载 2021 年标准：…".
    pub figures: Vec<String>,
}

fn area_name(lang: Lang, o: &Outcome) -> String {
    o.region
        .areas
        .iter()
        .find(|a| a.id == o.rule.area)
        .map(|a| txt(lang, &a.name))
        .unwrap_or_default()
}

/// The amount of an outcome in words. An amount still unknown says what it waits
/// for: an answer the resident can give, or a figure only the office has (a local
/// standard), never "needs more answers" when no answer could supply it.
pub fn amount_of(r: &Report, lang: Lang, o: &Outcome) -> Option<String> {
    let c = o.cash.as_ref()?;
    if c.stated.is_some() {
        return Some(amount(lang, c));
    }
    let missing = r.missing(o);
    let askable = missing
        .iter()
        .any(|f| !f.info().is_derived() && !is_local_figure(*f));
    Some(
        if askable {
            tr(lang, "金额待补充信息", "amount needs more answers")
        } else if !missing.is_empty() {
            tr(
                lang,
                "金额按当地标准，由办理机构核定",
                "amount follows a local standard the office applies",
            )
        } else {
            tr(lang, "金额由主管部门核定", "amount set by the department")
        }
        .to_string(),
    )
}

/// One row per outcome.
pub fn summary(r: &Report, lang: Lang, o: &Outcome) -> ResultSummary {
    ResultSummary {
        lang,
        rule: o.rule.id.clone(),
        member: o.member_index(),
        area: area_name(lang, o),
        name: txt(lang, &o.rule.name),
        who: who(lang, o.member_index()),
        amount: amount_of(r, lang, o),
        source: match lang {
            Lang::Zh => format!("{}，第 {} 项", o.region.name.zh, o.rule.citation.item),
            Lang::En => format!("{}, item {}", o.region.name.en, o.rule.citation.item),
        },
        figures: figures_read(r, o)
            .into_iter()
            .map(|(_, t)| t.get(lang).to_string())
            .collect(),
    }
}

/// Which outcomes a list takes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Eligible, targeted (not open to everyone).
    Targeted,
    /// Eligible, open to every resident.
    Universal,
    /// Undetermined: an answer could make them eligible.
    Pending,
}

fn picked(o: &Outcome, pick: Pick) -> bool {
    match pick {
        Pick::Targeted => o.status == Tri::Yes && !o.rule.is_universal(),
        Pick::Universal => o.status == Tri::Yes && o.rule.is_universal(),
        Pick::Pending => o.status == Tri::Unknown && !o.rule.is_universal(),
    }
}

/// The picked outcomes, cash first within the catalog's order. A service open to
/// every resident is one row for the household, not one per member.
pub fn rows(r: &Report, lang: Lang, pick: Pick) -> Vec<ResultSummary> {
    let mut out: Vec<ResultSummary> = Vec::new();
    for o in r.outcomes.iter().filter(|o| picked(o, pick)) {
        if pick == Pick::Universal && out.iter().any(|s| s.rule == o.rule.id) {
            continue;
        }
        let mut s = summary(r, lang, o);
        if pick == Pick::Universal && o.member.is_some() {
            s.who = tr(lang, "每位成员", "everyone").to_string();
            s.member = None;
        }
        out.push(s);
    }
    out.sort_by_key(|s| s.amount.is_none());
    out
}

/// The picked outcomes grouped by area, areas in the order they first appear.
pub fn by_area(r: &Report, lang: Lang, pick: Pick) -> Vec<(String, Vec<ResultSummary>)> {
    let mut groups: Vec<(String, Vec<ResultSummary>)> = Vec::new();
    for o in r.outcomes.iter().filter(|o| picked(o, pick)) {
        let s = summary(r, lang, o);
        match groups.iter_mut().find(|(a, _)| *a == s.area) {
            Some((_, v)) => v.push(s),
            None => groups.push((s.area.clone(), vec![s])),
        }
    }
    for (_, v) in &mut groups {
        v.sort_by_key(|s| s.amount.is_none());
    }
    groups
}

/// The totals line of a report: yearly cash, about monthly, one-off, in kind, pending.
#[derive(Clone, PartialEq)]
pub struct TotalsText {
    pub year: String,
    pub month: String,
    pub once: Option<String>,
    pub in_kind: u32,
    pub cash_pending: u32,
    /// What undetermined outcomes could add per year, when any.
    pub possible: Option<String>,
    /// Fees waived per year (and one-off), never part of the cash above.
    pub waived: Option<String>,
    /// The documents in force whose period has ended (their last amounts are used).
    pub dated: bool,
}

pub fn totals(r: &Report, lang: Lang) -> TotalsText {
    let t = r.total;
    // Services: each once for the household, however many members get it.
    let mut services: Vec<&str> = r
        .outcomes
        .iter()
        .filter(|o| o.status == Tri::Yes && o.cash.is_none())
        .map(|o| o.rule.id.as_str())
        .collect();
    services.sort_unstable();
    services.dedup();
    // What answers could add: never a sum (undecided benefits often exclude each other,
    // e.g. two age bands of one allowance), but how many and the largest of them.
    let pending: Vec<_> = r
        .outcomes
        .iter()
        .filter(|o| o.status == Tri::Unknown)
        .filter_map(|o| o.cash.as_ref().filter(|c| c.paid == Paid::Cash))
        .filter_map(|c| c.yearly())
        .collect();
    let largest = pending
        .iter()
        .map(|y| y.max.unwrap_or(y.min))
        .max()
        .filter(|m| !m.is_zero());
    TotalsText {
        year: money(lang, t.yearly),
        month: money(lang, t.yearly.monthly_equivalent()),
        once: (!t.once.is_zero()).then(|| money(lang, t.once)),
        in_kind: services.len() as u32,
        cash_pending: t.cash_pending,
        possible: largest.map(|m| {
            let m = money(lang, MoneyRange::exact(m));
            match lang {
                Lang::Zh => format!(
                    "{} 项补贴还待回答问题确定，其中单项最多每年 {m}",
                    pending.len()
                ),
                Lang::En => format!(
                    "{} still to be decided by your answers; the largest is up to {m} a year",
                    count_en(pending.len() as u32, "benefit", "benefits")
                ),
            }
        }),
        waived: (t.waived > 0).then(|| {
            let once = (!t.waived_once.is_zero()).then(|| money(lang, t.waived_once));
            match (lang, once) {
                (Lang::Zh, None) => format!("每年 {}", money(lang, t.waived_yearly)),
                (Lang::Zh, Some(o)) => {
                    format!("每年 {}，一次性 {o}", money(lang, t.waived_yearly))
                }
                (Lang::En, None) => format!("{} a year", money(lang, t.waived_yearly)),
                (Lang::En, Some(o)) => {
                    format!("{} a year, {o} once", money(lang, t.waived_yearly))
                }
            }
        }),
        dated: !r.dated.is_empty(),
    }
}
