//! A typed answer, as a resident enters it in a form field, turned into a checked
//! [`Value`]: one pure function for every entry point, so `1,200`, `１２００` and
//! `1200元` mean the same everywhere and `1e3` or `200` (as an age) are refused with a
//! message that says why, never silently read as something else.

use super::error::echo;
use super::facts::{FactId, Kind, Value};
use rust_decimal::Decimal;

/// Why a typed answer was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    /// Not a plain number (letters, an exponent, a sign…).
    NotANumber,
    /// A whole number was needed.
    NotWhole,
    /// Outside the fact's bounds; `got` is the number given, as given.
    OutOfRange { min: i64, max: i64, got: String },
    /// A negative amount of money.
    Negative,
    /// More than two decimal places (yuan are counted to the fen).
    BelowTheFen,
    /// More than the fact allows.
    TooLarge { max: i64 },
    /// Not one of the fact's choices, or not yes/no.
    NotAChoice,
    /// A value of another kind than the fact's (a number for a yes/no fact).
    WrongKind,
}

impl AnswerError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            AnswerError::NotANumber => "请输入数字（如 1200 或 850.50）".into(),
            AnswerError::NotWhole => "请输入整数".into(),
            AnswerError::OutOfRange { min, max, got } => {
                format!("{got} 超出范围，请输入 {min}–{max} 之间的整数")
            }
            AnswerError::Negative => "金额不能为负数".into(),
            AnswerError::WrongKind => "类型不正确".into(),
            AnswerError::BelowTheFen => "金额最多保留两位小数（到分）".into(),
            AnswerError::TooLarge { max } => format!("金额不能超过 {max} 元"),
            AnswerError::NotAChoice => "请从列表中选择".into(),
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        match self {
            AnswerError::NotANumber => "Enter a number (e.g. 1200 or 850.50)".into(),
            AnswerError::NotWhole => "Enter a whole number".into(),
            AnswerError::OutOfRange { min, max, got } => {
                format!("{got} is outside {min}–{max}: enter a whole number from {min} to {max}")
            }
            AnswerError::Negative => "An amount cannot be negative".into(),
            AnswerError::WrongKind => "Not a value of this kind".into(),
            AnswerError::BelowTheFen => "Amounts have at most two decimals (fen)".into(),
            AnswerError::TooLarge { max } => format!("At most ¥{max}"),
            AnswerError::NotAChoice => "Pick one from the list".into(),
        }
    }
}

/// Full-width digits and point to ASCII; thousands separators and spaces dropped; a
/// trailing unit (元, 岁, 天…) dropped.
fn normalise(text: &str, unit: &str) -> String {
    let mut s: String = text
        .trim()
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            ',' | '，' | ' ' | '\u{3000}' => None,
            c => Some(c),
        })
        .collect();
    for u in [unit, "元", "人民币"] {
        if !u.is_empty()
            && let Some(t) = s.strip_suffix(u)
        {
            s = t.to_string();
        }
    }
    s
}

/// The one rule for an amount of yuan, for every entry point — a typed answer once
/// [`normalise`]d, a JSON string as it is: ASCII digits, then optionally a point and one
/// or two digits, at most `max`. Nothing else: no sign, exponent, separator, space or
/// unit, no point without digits on both sides (`.5`, `5.`), nothing below the fen.
pub fn parse_yuan(s: &str, max: i64) -> Result<Decimal, AnswerError> {
    let (whole, fen) = match s.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (s, None),
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || fen.is_some_and(|f| !digits(f)) {
        return Err(AnswerError::NotANumber);
    }
    if fen.is_some_and(|f| f.len() > 2) {
        return Err(AnswerError::BelowTheFen);
    }
    // Leading zeros are harmless but could push a long string past Decimal's 28 digits.
    let whole = match whole.trim_start_matches('0') {
        "" => "0",
        w => w,
    };
    let too_large = AnswerError::TooLarge { max };
    if whole.len() > 18 {
        return Err(too_large);
    }
    let plain = match fen {
        Some(f) => format!("{whole}.{f}"),
        None => whole.to_string(),
    };
    let d: Decimal = plain.parse().map_err(|_| too_large.clone())?;
    if d > Decimal::from(max) {
        return Err(too_large);
    }
    Ok(d)
}

/// An amount of yuan as a person types it (a printed total read off paper): the form's
/// allowances — full-width digits, separators, a trailing 元 — then [`parse_yuan`]'s rule.
pub fn parse_typed_yuan(text: &str, max: i64) -> Result<Decimal, AnswerError> {
    parse_yuan(&normalise(text, ""), max)
}

/// Parses what a resident typed for `fact`: `Ok(None)` for an empty field (unanswered).
pub fn parse_answer(fact: FactId, text: &str) -> Result<Option<Value>, AnswerError> {
    let info = fact.info();
    let unit = match &info.kind {
        Kind::Int { unit_zh, .. } => unit_zh,
        _ => "",
    };
    let s = normalise(text, unit);
    if s.is_empty() {
        return Ok(None);
    }
    let value = match &info.kind {
        Kind::Int { min, max, .. } => {
            if !s.bytes().all(|b| b.is_ascii_digit()) {
                let decimal = s.split_once('.').is_some_and(|(a, b)| {
                    !a.is_empty() && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
                });
                return Err(if decimal {
                    AnswerError::NotWhole
                } else if s.starts_with('-') && s[1..].bytes().all(|b| b.is_ascii_digit()) {
                    AnswerError::OutOfRange {
                        min: *min,
                        max: *max,
                        got: echo(&s),
                    }
                } else {
                    AnswerError::NotANumber
                });
            }
            match s.parse::<i64>() {
                Ok(i) if (*min..=*max).contains(&i) => Value::Int(i),
                _ => {
                    return Err(AnswerError::OutOfRange {
                        min: *min,
                        max: *max,
                        got: echo(&s),
                    });
                }
            }
        }
        Kind::Money { max } => Value::Money(parse_yuan(&s, *max)?),
        Kind::Bool => match s.as_str() {
            "yes" | "是" | "true" => Value::Bool(true),
            "no" | "否" | "false" => Value::Bool(false),
            _ => return Err(AnswerError::NotAChoice),
        },
        Kind::Choice { .. } => Value::Choice(info.choice(&s).ok_or(AnswerError::NotAChoice)?),
    };
    Ok(Some(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::facts::fact_by_name;
    use rust_decimal_macros::dec;

    #[test]
    fn a_typed_amount_reads_as_the_form_reads_it() {
        for t in ["2160", "2,160", "２１６０元", " 2160 元"] {
            assert_eq!(parse_typed_yuan(t, 100_000), Ok(dec!(2160)), "{t}");
        }
        assert_eq!(parse_typed_yuan("2160.5", 100_000), Ok(dec!(2160.5)));
        assert_eq!(
            parse_typed_yuan("1e3", 100_000),
            Err(AnswerError::NotANumber)
        );
        assert!(parse_typed_yuan("-5", 100_000).is_err());
    }

    fn f(name: &str) -> FactId {
        fact_by_name(name).unwrap()
    }

    #[test]
    fn ages_are_whole_numbers_in_range_and_nothing_else() {
        let age = f("age");
        assert_eq!(parse_answer(age, " 85 "), Ok(Some(Value::Int(85))));
        assert_eq!(parse_answer(age, "８５"), Ok(Some(Value::Int(85))));
        assert_eq!(parse_answer(age, "85岁"), Ok(Some(Value::Int(85))));
        assert_eq!(parse_answer(age, ""), Ok(None));
        let range = |got: &str| {
            Err(AnswerError::OutOfRange {
                min: 0,
                max: 130,
                got: got.into(),
            })
        };
        assert_eq!(parse_answer(age, "200"), range("200"));
        assert_eq!(parse_answer(age, "-1"), range("-1"));
        assert_eq!(parse_answer(age, "1e3"), Err(AnswerError::NotANumber));
        assert_eq!(parse_answer(age, "8.5"), Err(AnswerError::NotWhole));
        assert_eq!(parse_answer(age, "eighty"), Err(AnswerError::NotANumber));
    }

    #[test]
    fn money_is_a_plain_decimal_to_the_fen() {
        let inc = f("income_per_capita_month");
        let ok = |s: &str, d: Decimal| {
            assert_eq!(parse_answer(inc, s), Ok(Some(Value::Money(d))), "{s}")
        };
        ok("1,200", dec!(1200));
        ok("１２００", dec!(1200));
        ok("1200元", dec!(1200));
        ok("850.50", dec!(850.50));
        ok("０．５", dec!(0.5));
        for bad in ["1e3", "+300", ".5", "5.", "1_000", "abc", "-5", "１２a"] {
            assert_eq!(
                parse_answer(inc, bad),
                Err(AnswerError::NotANumber),
                "{bad}"
            );
        }
        assert_eq!(parse_answer(inc, "649.999"), Err(AnswerError::BelowTheFen));
        assert!(matches!(
            parse_answer(inc, "99999999999"),
            Err(AnswerError::TooLarge { .. })
        ));
    }
}
