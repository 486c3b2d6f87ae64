//! Money: exact `Decimal` yuan, periods, ranges and the one rounding rule.
//!
//! Rounding rule (shown to users): every sum and annualisation is exact; only a
//! *displayed* monthly equivalent of a yearly amount is rounded, to the fen (0.01 元),
//! half away from zero (四舍五入). Per-day amounts are annualised only through a count the
//! resident gives (days at school), never by guessing 365 days.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use std::fmt;

/// The period a stated amount is paid for.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Day,
    Month,
    Year,
    Once,
}

impl Period {
    pub fn parse(s: &str) -> Option<Period> {
        Some(match s {
            "day" => Period::Day,
            "month" => Period::Month,
            "year" => Period::Year,
            "once" => Period::Once,
            _ => return None,
        })
    }
    pub fn zh(self) -> &'static str {
        match self {
            Period::Day => "每天",
            Period::Month => "每月",
            Period::Year => "每年",
            Period::Once => "一次性",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Period::Day => "per day",
            Period::Month => "per month",
            Period::Year => "per year",
            Period::Once => "once",
        }
    }
}

/// Who an amount is counted for.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    Person,
    Student,
    Household,
}

impl Per {
    pub fn parse(s: &str) -> Option<Per> {
        Some(match s {
            "person" => Per::Person,
            "student" => Per::Student,
            "household" => Per::Household,
            _ => return None,
        })
    }
    pub fn zh(self) -> &'static str {
        match self {
            Per::Person => "每人",
            Per::Student => "每生",
            Per::Household => "每户",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Per::Person => "per person",
            Per::Student => "per student",
            Per::Household => "per household",
        }
    }
}

/// An exact amount of yuan that may be a range; `max: None` means "at least `min`"
/// (a floor such as 不少于300元).
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MoneyRange {
    #[serde(with = "rust_decimal::serde::str")]
    #[cfg_attr(test, ts(type = "Money"))]
    pub min: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    #[cfg_attr(test, ts(type = "Money | null"))]
    pub max: Option<Decimal>,
}

impl MoneyRange {
    pub const ZERO: MoneyRange = MoneyRange {
        min: Decimal::ZERO,
        max: Some(Decimal::ZERO),
    };

    pub fn exact(v: Decimal) -> MoneyRange {
        MoneyRange {
            min: v,
            max: Some(v),
        }
    }

    pub fn is_zero(&self) -> bool {
        self.min.is_zero() && self.max == Some(Decimal::ZERO)
    }

    pub fn is_exact(&self) -> bool {
        self.max == Some(self.min)
    }

    /// The monthly equivalent of a yearly range: ÷ 12, rounded to the fen, half away
    /// from zero — the one rounded figure the product shows.
    pub fn monthly_equivalent(self) -> MoneyRange {
        let twelve = Decimal::from(12);
        MoneyRange {
            min: round_fen(self.min / twelve),
            max: self.max.map(|m| round_fen(m / twelve)),
        }
    }

    pub fn scale(self, k: Decimal) -> MoneyRange {
        if k == Decimal::ONE {
            return self;
        }
        MoneyRange {
            min: mul(self.min, k),
            max: self.max.map(|m| mul(m, k)),
        }
    }

    /// The smallest range covering both (for amounts whose tier is not yet known).
    #[inline]
    pub fn hull(self, other: MoneyRange) -> MoneyRange {
        MoneyRange {
            min: self.min.min(other.min),
            max: match (self.max, other.max) {
                (Some(a), Some(b)) => Some(a.max(b)),
                _ => None,
            },
        }
    }

    /// Parses `"300"`, `"500..1000"` or `"300.."` (used by worked examples).
    pub fn parse(s: &str) -> Option<MoneyRange> {
        let s = s.trim();
        let dec = |t: &str| {
            t.trim()
                .parse::<Decimal>()
                .ok()
                .filter(|d| !d.is_sign_negative())
        };
        match s.split_once("..") {
            None => dec(s).map(MoneyRange::exact),
            Some((a, "")) => Some(MoneyRange {
                min: dec(a)?,
                max: None,
            }),
            Some((a, b)) => {
                let (min, max) = (dec(a)?, dec(b)?);
                (min <= max).then_some(MoneyRange {
                    min,
                    max: Some(max),
                })
            }
        }
    }
}

impl std::ops::Add for MoneyRange {
    type Output = MoneyRange;
    /// Sum of two ranges; an open upper end stays open.
    fn add(self, other: MoneyRange) -> MoneyRange {
        MoneyRange {
            min: self.min + other.min,
            max: match (self.max, other.max) {
                (Some(a), Some(b)) => Some(a + b),
                _ => None,
            },
        }
    }
}

/// Exact product; an integer factor (×12 months) multiplies the mantissa directly,
/// which is several times cheaper than a general Decimal multiplication.
#[inline]
fn mul(v: Decimal, k: Decimal) -> Decimal {
    if k.scale() == 0
        && let Some(m) = v.mantissa().checked_mul(k.mantissa())
        && let Ok(d) = Decimal::try_from_i128_with_scale(m, v.scale())
    {
        return d;
    }
    v * k
}

/// `a × b` with the very value and scale Decimal's `*` gives, through the mantissas
/// when their product fits (Decimal's general multiplication costs several times more;
/// amounts are computed on every keystroke).
#[inline]
pub fn mul_exact(a: Decimal, b: Decimal) -> Decimal {
    let s = a.scale() + b.scale();
    if s <= 28
        && !a.is_zero()
        && !b.is_zero()
        && let Some(m) = a.mantissa().checked_mul(b.mantissa())
        && let Ok(d) = Decimal::try_from_i128_with_scale(m, s)
    {
        return d;
    }
    a * b
}

/// `a − b` as Decimal's `-` gives it, through the mantissas when both have one scale.
#[inline]
pub fn sub_exact(a: Decimal, b: Decimal) -> Decimal {
    if a.scale() == b.scale()
        && !a.is_zero()
        && !b.is_zero()
        && let Some(m) = a.mantissa().checked_sub(b.mantissa())
        && m != 0
        && let Ok(d) = Decimal::try_from_i128_with_scale(m, a.scale())
    {
        return d;
    }
    a - b
}

/// Rounds a yuan amount for display: to the fen, half away from zero.
pub fn round_fen(v: Decimal) -> Decimal {
    v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Formats yuan without trailing zeros: `1000`, `83.33`.
pub fn fmt_yuan(v: Decimal) -> String {
    round_fen(v).to_string()
}

impl fmt::Display for MoneyRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.max {
            Some(max) if max == self.min => write!(f, "{}", fmt_yuan(self.min)),
            Some(max) => write!(f, "{}–{}", fmt_yuan(self.min), fmt_yuan(max)),
            None => write!(f, "≥{}", fmt_yuan(self.min)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn ranges_add_and_keep_open_ends() {
        let a = MoneyRange::exact(dec!(1000));
        let b = MoneyRange::parse("500..1000").unwrap();
        let c = MoneyRange::parse("300..").unwrap();
        assert_eq!(a + b, MoneyRange::parse("1500..2000").unwrap());
        assert_eq!((a + c).max, None);
        assert_eq!((a + c).min, dec!(1300));
        assert!(MoneyRange::parse("1000..500").is_none());
        assert!(MoneyRange::parse("-3").is_none());
    }

    #[test]
    fn fast_scaling_is_exact() {
        let r = MoneyRange::parse("83.33..1000.5").unwrap();
        assert_eq!(
            r.scale(dec!(12)),
            MoneyRange::parse("999.96..12006.0").unwrap()
        );
        assert_eq!(
            r.scale(dec!(1.5)),
            MoneyRange::parse("124.995..1500.75").unwrap()
        );
        assert_eq!(r.scale(Decimal::ONE), r);
        assert_eq!(
            MoneyRange::parse("1250..").unwrap().monthly_equivalent(),
            MoneyRange::parse("104.17..").unwrap()
        );
    }

    #[test]
    fn display_rounds_to_fen_half_away_from_zero() {
        assert_eq!(fmt_yuan(dec!(1000) / dec!(12)), "83.33");
        assert_eq!(fmt_yuan(dec!(0.125)), "0.13");
        assert_eq!(fmt_yuan(dec!(1250.00)), "1250");
        assert_eq!(
            MoneyRange::parse("500..1000").unwrap().to_string(),
            "500–1000"
        );
        assert_eq!(MoneyRange::parse("300..").unwrap().to_string(), "≥300");
    }
}
