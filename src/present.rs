//! How amounts and counts read in each language, shared by the app and anything else
//! that shows a result in words. Pure, so it is tested natively.

use crate::domain::Lang;
use crate::domain::money::{MoneyRange, fmt_yuan};

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

/// "1 benefit" / "2 benefits": English counts agree with their noun.
pub fn count_en(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
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
}
