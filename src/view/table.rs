//! The CLI's `--format table`: a readable summary of an [`Estimate`] for people (the JSON
//! stays the contract).

use super::msg::Msg;
use super::{Estimate, Status};
use crate::domain::Lang;
use crate::domain::money::MoneyRange;
use crate::domain::rule::Paid;

/// A sum as the table writes it: "1250", "500–1000", "≥300".
fn money(r: &MoneyRange) -> String {
    r.to_string()
}

/// The estimate as a few lines of text.
pub fn render(e: &Estimate, lang: Lang) -> String {
    let m = |msg: Msg| msg.get(lang);
    let mut t = format!("{} — {}\n", e.region.name.get(lang), e.date);
    for d in &e.documents {
        let dated = if d.dated {
            m(Msg::DatedDocument)
        } else {
            "".into()
        };
        t += &format!(
            "  {} ({}–{}){dated}\n",
            d.document.title, d.document.valid_from, d.document.valid_to
        );
    }
    let tot = &e.totals.household;
    let year = if lang == Lang::En { "year" } else { "年" };
    t += &format!(
        "\n{}: {} / {year}, {} {}\n",
        m(Msg::CashPerYear),
        money(&tot.yearly),
        tot.in_kind,
        m(Msg::ServicesInKindCount)
    );
    // Fees waived are worth money but pay none: never in the cash line.
    if tot.waived > 0 {
        t += &format!(
            "{}: {} / {year}\n",
            m(Msg::WaivedPerYear),
            money(&tot.waived_yearly)
        );
    }
    // Figures that answered a fact nobody entered: the deployment's, or the document's own.
    for f in &e.figures {
        t += &format!("{}\n", if lang == Lang::En { &f.en } else { &f.zh });
    }
    for (title, status) in [
        (Msg::Eligible, Status::Yes),
        (Msg::NeedsAnswers, Status::Unknown),
    ] {
        t += &format!("\n## {}\n", m(title));
        for r in e
            .results
            .iter()
            .filter(|r| r.status == status && !e.rule_of(r).universal)
        {
            let who = match r.member {
                Some(i) => format!("#{}", i + 1),
                None => m(Msg::HouseholdShort).into_owned(),
            };
            let cash = match &r.cash {
                None => String::new(),
                Some(c) => match &c.stated {
                    None => format!("  {}", m(Msg::AmountPending)),
                    Some(s) => format!(
                        "  {}{} {}/{}",
                        if c.paid == Paid::Waived {
                            m(Msg::FeesWaived)
                        } else {
                            "".into()
                        },
                        money(s),
                        if lang == Lang::En { "yuan" } else { "元" },
                        period_code(c.period)
                    ),
                },
            };
            let missing = if status == Status::Unknown {
                format!("  ← {}", r.missing.join(", "))
            } else {
                String::new()
            };
            t += &format!(
                "- [{}] {} ({who}){cash}{missing}\n",
                r.rule,
                e.rule_of(r).name.get(lang)
            );
        }
    }
    let universal = e
        .results
        .iter()
        .filter(|r| e.rule_of(r).universal && r.status == Status::Yes)
        .count();
    t += &format!("\n{}\n", m(Msg::UniversalCount(universal)));
    let misses: Vec<_> = e.results.iter().filter(|r| r.near_miss.is_some()).collect();
    if !misses.is_empty() {
        t += &format!("\n## {}\n", m(Msg::NearlyThereTable));
        for r in misses {
            let n = r.near_miss.as_ref().map_or("", |n| n.get(lang));
            t += &format!("- {}: {n}\n", e.rule_of(r).name.get(lang));
        }
    }
    t
}

/// The period as the JSON writes it ("month").
fn period_code(p: crate::domain::money::Period) -> &'static str {
    use crate::domain::money::Period;
    match p {
        Period::Day => "day",
        Period::Month => "month",
        Period::Year => "year",
        Period::Once => "once",
    }
}
