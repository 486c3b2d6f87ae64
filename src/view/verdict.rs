//! What the check of a printed estimate found, in words: one wording for the app's
//! check panel and `estimate --verify`.

use super::msg::Msg;
use super::words;
use crate::domain::Lang;
use crate::domain::money::MoneyRange;
use crate::domain::verify::{Check, ResultCode};
use rust_decimal::Decimal;

/// A check, said.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Whether it matches, or each thing that differs; `true` marks a line that is good news.
    pub lines: Vec<(Msg, bool)>,
    /// What the answers give on the code's date, for the clerk to read against the paper.
    pub computed: Msg,
    /// Everything matches: the code and, if given, the printed cash per year.
    pub matches: bool,
}

/// Says what `check` found for the `printed` code, and whether `printed_total` (the cash
/// per year the paper shows, if the clerk gave it) is the computed one.
pub fn verdict(
    lang: Lang,
    printed: &ResultCode,
    check: &Check,
    printed_total: Option<Decimal>,
) -> Verdict {
    let d = &check.differences;
    let mut lines = Vec::new();
    if d.none() {
        lines.push((Msg::VerifyMatches(printed.date.to_string()), true));
    }
    for (differs, msg) in [
        (d.rule_set, Msg::VerifyOtherRules),
        (d.answers, Msg::VerifyOtherAnswers),
        (d.totals, Msg::VerifyOtherTotals),
    ] {
        if differs {
            lines.push((msg, false));
        }
    }
    // The code was made for the true totals: only the paper's own amount, compared
    // with the computed one, shows it was altered.
    let computed = check.totals.yearly;
    let paper_differs = printed_total.filter(|p| computed != MoneyRange::exact(*p));
    if let Some(p) = paper_differs {
        lines.push((
            Msg::VerifyPrintedDiffers {
                printed: words::money(lang, MoneyRange::exact(p)),
                computed: words::money(lang, computed),
            },
            false,
        ));
    }
    Verdict {
        matches: d.none() && paper_differs.is_none(),
        lines,
        computed: Msg::VerifyComputed {
            date: printed.date.to_string(),
            year: words::money(lang, computed),
        },
    }
}
