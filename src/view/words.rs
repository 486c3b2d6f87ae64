//! How amounts, counts and people read in each language: the words the app and the CLI
//! table put around the view's values. Pure, so it is tested natively.

use super::msg::Msg;
use super::{Cash, Estimate, Outcome, Status};
use crate::domain::Lang;
use crate::domain::facts::fact_by_name;
use crate::domain::money::{MoneyRange, Period, fmt_yuan};
use crate::domain::plausible::is_local_figure;
use crate::domain::rule::Paid;

/// A sum of yuan: "1250 元" / "¥1,250"; ranges stay ranges ("≥ ¥3,620").
pub fn money(lang: Lang, r: MoneyRange) -> String {
    match lang {
        Lang::Zh => format!("{r} 元"),
        Lang::En => {
            let y = |d| format!("¥{}", thousands(&fmt_yuan(d)));
            match r.max {
                Some(max) if max == r.min => y(r.min),
                Some(max) => format!("{}–{}", y(r.min), y(max)),
                None => format!("≥ {}", y(r.min)),
            }
        }
    }
}

/// "3620.5" → "3,620.5": English readers group thousands.
fn thousands(v: &str) -> String {
    let (int, frac) = v.split_once('.').map_or((v, None), |(a, b)| (a, Some(b)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// The amount as stated, then its other period: "100 元 每人每月（每年 1200 元）".
pub fn amount(lang: Lang, c: &Cash) -> String {
    let Some(s) = c.stated else {
        return Msg::AmountNeedsAnswers.get(lang).into();
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
    let other = match (c.period, c.yearly) {
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

/// The amount of a result in words. An amount still unknown says what it waits for: an
/// answer the resident can give, or a figure only the office has (a local standard),
/// never "needs more answers" when no answer could supply it.
pub fn amount_of(lang: Lang, o: &Outcome) -> Option<String> {
    let c = o.cash.as_ref()?;
    if c.stated.is_some() {
        return Some(amount(lang, c));
    }
    let askable = o
        .missing_ids
        .iter()
        .any(|f| !f.info().is_derived() && !is_local_figure(*f));
    let msg = if askable {
        Msg::AmountNeedsAnswers
    } else if !o.missing_ids.is_empty() {
        Msg::AmountLocalStandard
    } else {
        Msg::AmountSetByDepartment
    };
    Some(msg.get(lang).into())
}

/// The amount of a result when it is known, else nothing.
pub fn known_amount(lang: Lang, o: &Outcome) -> Option<String> {
    o.cash
        .as_ref()
        .filter(|c| c.stated.is_some())
        .map(|c| amount(lang, c))
}

/// Eligible results of targeted rules (not open to everyone).
pub fn targeted<'a, 'c>(e: &'a Estimate<'c>) -> impl Iterator<Item = &'a Outcome<'c>> {
    e.results
        .iter()
        .filter(|o| o.status == Status::Yes && !e.rule_of(o).universal)
}

/// What answers could add: never a sum (undecided benefits often exclude each other,
/// e.g. two age bands of one allowance), but how many and the largest of them.
pub fn possible(lang: Lang, e: &Estimate) -> Option<String> {
    let pending: Vec<MoneyRange> = e
        .results
        .iter()
        .filter(|o| o.status == Status::Unknown)
        .filter_map(|o| o.cash.as_ref().filter(|c| c.paid == Paid::Cash))
        .filter_map(|c| c.yearly)
        .collect();
    let largest = pending
        .iter()
        .map(|y| y.max.unwrap_or(y.min))
        .max()
        .filter(|m| !m.is_zero())?;
    Some(
        Msg::Possible {
            count: pending.len(),
            largest: money(lang, MoneyRange::exact(largest)),
        }
        .get(lang)
        .into(),
    )
}

/// Services in kind the household gets: each once, however many members get it.
pub fn services_in_kind(e: &Estimate) -> u32 {
    let mut rules: Vec<&str> = e
        .results
        .iter()
        .filter(|o| o.status == Status::Yes && o.cash.is_none())
        .map(|o| o.rule)
        .collect();
    rules.sort_unstable();
    rules.dedup();
    rules.len() as u32
}

/// Fees waived per year (and one-off), never part of the cash.
pub fn waived(lang: Lang, e: &Estimate) -> Option<String> {
    let t = &e.totals.household;
    (t.waived > 0).then(|| {
        let year = money(lang, t.waived_yearly);
        let once = (!t.waived_once.is_zero()).then(|| money(lang, t.waived_once));
        Msg::WaivedLine { year, once }.get(lang).into()
    })
}

/// A fact's label in `lang`, by name.
pub fn fact_label(lang: Lang, name: &str) -> &'static str {
    fact_by_name(name).map_or("", |f| {
        let i = f.info();
        match lang {
            Lang::Zh => i.zh,
            Lang::En => i.en,
        }
    })
}

/// "1 benefit" / "2 benefits": English counts agree with their noun.
pub fn count_en(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What changed for one rule between two estimates (income or years apart): "失去“低保”",
/// "“高龄补贴” 120 元/月 → 140 元/月"; for a member's rule, whose it is first when `who`.
pub fn change(lang: Lang, c: &crate::domain::scenarios::Change, who: bool) -> String {
    use crate::domain::Tri;
    let name = c.name.get(lang).to_string();
    let cash = |s: &crate::domain::scenarios::State| match (s.monthly, s.yearly) {
        (Some(m), _) => Msg::PerMonthAmount(money(lang, m)).get(lang).into_owned(),
        (None, Some(y)) => Msg::PerYearAmount(money(lang, y)).get(lang).into_owned(),
        (None, None) => "—".into(),
    };
    let what = match (c.before.status, c.after.status) {
        (Tri::Yes, Tri::Yes) => Msg::Changed {
            name,
            before: cash(&c.before),
            after: cash(&c.after),
        },
        (Tri::Yes, Tri::No) => Msg::Loses(name),
        (_, Tri::Yes) => Msg::Gains(name),
        _ => Msg::Undecided(name),
    }
    .get(lang)
    .into_owned();
    match c.member {
        Some(i) if who => format!(
            "{}{}{what}",
            Msg::Who(Some(i)).get(lang),
            Msg::WhoSeparator.get(lang)
        ),
        _ => what,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn english_amounts_group_thousands_and_say_at_least() {
        let r = |min, max| MoneyRange { min, max };
        assert_eq!(money(Lang::En, r(dec!(3620), None)), "≥ ¥3,620");
        assert_eq!(money(Lang::En, r(dec!(1250), Some(dec!(1250)))), "¥1,250");
        assert_eq!(
            money(Lang::En, r(dec!(500), Some(dec!(1000)))),
            "¥500–¥1,000"
        );
        assert_eq!(
            money(Lang::En, r(dec!(1234567.5), Some(dec!(1234567.5)))),
            "¥1,234,567.5"
        );
        assert_eq!(
            money(Lang::En, r(dec!(104.17), Some(dec!(104.17)))),
            "¥104.17"
        );
        assert_eq!(money(Lang::Zh, r(dec!(1250), Some(dec!(1250)))), "1250 元");
        assert_eq!(count_en(1, "benefit", "benefits"), "1 benefit");
        assert_eq!(count_en(3, "benefit", "benefits"), "3 benefits");
    }

    #[test]
    fn a_change_says_what_was_lost_gained_or_changed() {
        use crate::domain::Tri;
        use crate::domain::rule::Text;
        use crate::domain::scenarios::{Change, State};
        use rust_decimal_macros::dec;
        let st = |status, m: Option<rust_decimal::Decimal>| State {
            status,
            yearly: m.map(|m| MoneyRange::exact(m * dec!(12))),
            monthly: m.map(MoneyRange::exact),
        };
        let c = |b, a| Change {
            rule: "r".into(),
            name: Text::new("高龄补贴", "Longevity allowance"),
            member: Some(0),
            before: b,
            after: a,
        };
        let up = c(st(Tri::Yes, Some(dec!(120))), st(Tri::Yes, Some(dec!(140))));
        assert_eq!(
            change(Lang::Zh, &up, false),
            "“高龄补贴” 120 元/月 → 140 元/月"
        );
        assert_eq!(
            change(Lang::En, &up, true),
            "member 1: “Longevity allowance” ¥120 a month → ¥140 a month"
        );
        let lost = c(st(Tri::Yes, None), st(Tri::No, None));
        assert_eq!(change(Lang::Zh, &lost, false), "失去“高龄补贴”");
        let gained = c(st(Tri::No, None), st(Tri::Yes, None));
        assert_eq!(change(Lang::Zh, &gained, false), "获得“高龄补贴”");
        let open = c(st(Tri::Yes, None), st(Tri::Unknown, None));
        assert_eq!(
            change(Lang::Zh, &open, false),
            "“高龄补贴”需要补充信息才能确定"
        );
    }
}
