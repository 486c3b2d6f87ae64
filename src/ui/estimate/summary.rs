//! What the lists show of a report, in the user's language: one row per outcome, the
//! amount in words with its monthly and yearly equivalents, grouped by area. Shared by
//! the results, the pending list and the comparison, so they always agree.

use crate::domain::condition::Tri;
use crate::domain::evaluate::{CashOut, figures_read};
use crate::domain::money::{MoneyRange, Period};
use crate::domain::rule::Paid;
use crate::domain::{Lang, Outcome, Report};
use crate::ui::i18n::{tr, txt};

/// A sum of yuan: "1250 元" / "¥1250"; ranges stay ranges.
pub fn money(lang: Lang, r: MoneyRange) -> String {
    let v = r.to_string();
    match lang {
        Lang::Zh => format!("{v} 元"),
        Lang::En => format!("¥{v}"),
    }
}

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
    pub rule: String,
    pub member: Option<usize>,
    pub area: String,
    pub name: String,
    pub who: String,
    pub amount: Option<String>,
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

/// One row per outcome.
pub fn summary(r: &Report, lang: Lang, o: &Outcome) -> ResultSummary {
    ResultSummary {
        rule: o.rule.id.clone(),
        member: o.member_index(),
        area: area_name(lang, o),
        name: txt(lang, &o.rule.name),
        who: who(lang, o.member_index()),
        amount: o.cash.as_ref().map(|c| amount(lang, c)),
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

/// The picked outcomes, cash first within the catalog's order.
pub fn rows(r: &Report, lang: Lang, pick: Pick) -> Vec<ResultSummary> {
    let mut out: Vec<_> = r
        .outcomes
        .iter()
        .filter(|o| picked(o, pick))
        .map(|o| summary(r, lang, o))
        .collect();
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
    TotalsText {
        year: money(lang, t.yearly),
        month: money(lang, t.yearly.monthly_equivalent()),
        once: (!t.once.is_zero()).then(|| money(lang, t.once)),
        in_kind: t.in_kind,
        cash_pending: t.cash_pending,
        possible: (!t.possible_yearly.is_zero()).then(|| money(lang, t.possible_yearly)),
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
