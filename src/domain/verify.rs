//! The result code printed with an estimate, and its check.
//!
//! A code is four fields and a check character, in Crockford's base 32
//! (`K7QM-0A4-X2HD-9FZPQ`): the rule set's version, the estimate's date, the
//! household's answers, and the totals the estimate showed, each hashed with what
//! precedes it. Recomputing it from the same answers (the share link) on the same rule
//! set tells a clerk whether a printed estimate is what this tool computes, and if not,
//! which field differs. It is a checksum, not a signature: anyone with the tool can make
//! a code for any answers. It shows an estimate was not altered after printing, not that
//! an authority issued it.

use super::date::Date;
use super::engine::Engine;
use super::evaluate::evaluate_in;
use super::figures::Settings;
use super::hash::{START, fnv1a};
use super::household::Household;
use super::money::MoneyRange;
use super::rule::Region;
use super::totals::Totals;
use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Days counted from here; three characters reach 2089.
const EPOCH_UNIX_DAYS: i64 = 10_957; // 2000-01-01

/// A result code's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultCode {
    /// 20 bits of the rule set's content hash.
    pub rule_set: u32,
    pub date: Date,
    /// 20 bits of the hash of the region and the answers.
    pub answers: u32,
    /// 20 bits of the hash of everything above and the totals.
    pub totals: u32,
}

/// Why a typed code cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    /// Not 16 characters once dashes and spaces are removed.
    Length { got: usize },
    /// A character outside the code's alphabet.
    Character { got: char },
    /// The check character does not match: a character was mistyped or swapped.
    Check,
}

impl CodeError {
    /// The reason in Chinese and in English.
    pub fn both(&self) -> (String, String) {
        match self {
            CodeError::Length { got } => (
                format!("结果码应为 16 位（不计短横），这里有 {got} 位"),
                format!("a result code has 16 characters (dashes aside), this has {got}"),
            ),
            CodeError::Character { got } => (
                format!("结果码中不应有“{got}”"),
                format!("“{got}” is not a result-code character"),
            ),
            CodeError::Check => (
                "结果码校验位不符：可能抄错了一位".into(),
                "the check character does not match: a character was probably mistyped".into(),
            ),
        }
    }
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (zh, en) = self.both();
        write!(f, "{zh} / {en}")
    }
}

/// What differs between a printed code and the one computed now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Differences {
    /// The printed estimate used another version of the rules.
    pub rule_set: bool,
    /// The answers are not the ones the printed estimate was made from.
    pub answers: bool,
    /// Same rules, date and answers, other totals: the local figures (site settings)
    /// differed, or the code was altered.
    pub totals: bool,
}

impl Differences {
    pub fn none(&self) -> bool {
        !(self.rule_set || self.answers || self.totals)
    }
}

/// The totals an estimate shows, which its code covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shown {
    pub yearly: MoneyRange,
    pub once: MoneyRange,
    pub waived_yearly: MoneyRange,
    pub waived_once: MoneyRange,
}

impl From<&Totals> for Shown {
    fn from(t: &Totals) -> Shown {
        Shown {
            yearly: t.yearly,
            once: t.once,
            waived_yearly: t.waived_yearly,
            waived_once: t.waived_once,
        }
    }
}

/// 20 bits of a hash.
fn bits20(h: u64) -> u32 {
    (h ^ (h >> 20) ^ (h >> 40)) as u32 & 0xF_FFFF
}

/// The first 20 bits of the rule set's version (the hash `build.rs` wrote).
pub fn rule_set_bits(rule_set: u64) -> u32 {
    bits20(rule_set)
}

/// The rule set's version as shown in the footer: "R-K7QM".
pub fn rule_set_label(rule_set: u64) -> String {
    let mut s = String::from("R-");
    push(&mut s, u64::from(rule_set_bits(rule_set)), 4);
    s
}

impl ResultCode {
    /// The code of an estimate: `totals` as shown for `household` in `region` on `date`.
    pub fn new(
        rule_set: u64,
        date: Date,
        region: &str,
        household: &Household,
        totals: impl Into<Shown>,
    ) -> ResultCode {
        let totals: Shown = totals.into();
        let answers = fnv1a(
            fnv1a(START, region.as_bytes()),
            household.to_json().to_string().as_bytes(),
        );
        let t = format!(
            "{}|{}|{}|{}|{}|{}",
            rule_set, date, totals.yearly, totals.once, totals.waived_yearly, totals.waived_once
        );
        ResultCode {
            rule_set: bits20(rule_set),
            date,
            answers: bits20(answers),
            totals: bits20(fnv1a(answers, t.as_bytes())),
        }
    }

    /// Reads a typed code: case, dashes and spaces do not matter, and O, I and L are
    /// read as 0, 1 and 1 (Crockford).
    pub fn parse(s: &str) -> Result<ResultCode, CodeError> {
        let mut v = Vec::with_capacity(16);
        for c in s.chars() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            let d = ALPHABET
                .iter()
                .position(|a| char::from(*a) == c)
                .ok_or(CodeError::Character { got: c })?;
            v.push(d as u64);
            if v.len() > 16 {
                break;
            }
        }
        if v.len() != 16 {
            return Err(CodeError::Length { got: v.len() });
        }
        if check(&v[..15]) != v[15] {
            return Err(CodeError::Check);
        }
        let field = |r: std::ops::Range<usize>| v[r].iter().fold(0u64, |a, d| a << 5 | d);
        let days = field(4..7) as i64;
        let date = Date::from_unix_days(EPOCH_UNIX_DAYS + days);
        Ok(ResultCode {
            rule_set: field(0..4) as u32,
            date,
            answers: field(7..11) as u32,
            totals: field(11..15) as u32,
        })
    }

    /// What differs from `printed`, both for the same date.
    pub fn differences(&self, printed: &ResultCode) -> Differences {
        let rule_set = self.rule_set != printed.rule_set;
        let answers = self.answers != printed.answers;
        Differences {
            rule_set,
            answers,
            // Other rules or answers give other totals anyway: only say so on its own.
            totals: !rule_set && !answers && self.totals != printed.totals,
        }
    }
}

/// A printed estimate checked: recomputed from `household` on the printed code's date,
/// with the same settings, and compared field by field.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// The code as computed now.
    pub computed: ResultCode,
    pub differences: Differences,
    /// The totals as computed now, for the clerk to compare with the paper.
    pub totals: Totals,
}

/// Recomputes the estimate a printed `code` was made for and says what differs.
pub fn check_estimate(
    catalog: &Engine,
    region: &Region,
    household: &Household,
    settings: Option<&Settings>,
    rule_set: u64,
    printed: &ResultCode,
) -> Check {
    let report = evaluate_in(catalog, region, household, printed.date, settings);
    let computed = ResultCode::new(rule_set, printed.date, &region.id, household, &report.total);
    Check {
        computed,
        differences: computed.differences(printed),
        totals: report.total,
    }
}

/// The check character's value: a weighted sum modulo 31, so a single mistyped
/// character or two swapped neighbours change it.
fn check(digits: &[u64]) -> u64 {
    digits
        .iter()
        .enumerate()
        .map(|(i, d)| (i as u64 + 1) * d)
        .sum::<u64>()
        % 31
}

fn push(s: &mut String, v: u64, n: u32) {
    for i in (0..n).rev() {
        s.push(char::from(ALPHABET[((v >> (5 * i)) & 31) as usize]));
    }
}

impl fmt::Display for ResultCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = (self.date.unix_days() - EPOCH_UNIX_DAYS).clamp(0, (1 << 15) - 1) as u64;
        let mut digits = Vec::with_capacity(16);
        let mut put = |v: u64, n: u32| {
            for i in (0..n).rev() {
                digits.push((v >> (5 * i)) & 31);
            }
        };
        put(u64::from(self.rule_set), 4);
        put(days, 3);
        put(u64::from(self.answers), 4);
        put(u64::from(self.totals), 4);
        let c = check(&digits);
        digits.push(c);
        let text: String = digits
            .iter()
            .map(|d| char::from(ALPHABET[*d as usize]))
            .collect();
        write!(
            f,
            "{}-{}-{}-{}",
            &text[0..4],
            &text[4..7],
            &text[7..11],
            &text[11..16]
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn sample() -> (Household, Totals) {
        let h = Household::from_json_str(r#"{"members":[{"age":85,"relation":"self"}]}"#).unwrap();
        let t = Totals {
            yearly: MoneyRange::exact(dec!(1320)),
            ..Totals::default()
        };
        (h, t)
    }

    #[test]
    fn a_code_reads_back_as_written() {
        let (h, t) = sample();
        let d = Date::new(2026, 12, 4).unwrap();
        let c = ResultCode::new(0x1234_5678_9abc_def0, d, "haidong", &h, &t);
        let s = c.to_string();
        assert_eq!(s.len(), 19, "{s}");
        assert_eq!(ResultCode::parse(&s), Ok(c));
        assert_eq!(
            ResultCode::parse(&s.to_lowercase().replace('-', " ")),
            Ok(c)
        );
        assert_eq!(ResultCode::parse(&s).unwrap().date, d);
    }

    #[test]
    fn every_single_mistyped_character_is_caught() {
        let (h, t) = sample();
        let c = ResultCode::new(42, Date::new(2026, 12, 4).unwrap(), "hebei", &h, &t);
        let s: Vec<char> = c.to_string().chars().filter(|c| *c != '-').collect();
        let mut caught = 0;
        let mut tried = 0;
        for i in 0..s.len() {
            for a in ALPHABET.iter().map(|a| char::from(*a)) {
                if a == s[i] {
                    continue;
                }
                let mut t = s.clone();
                t[i] = a;
                let typed: String = t.iter().collect();
                tried += 1;
                if ResultCode::parse(&typed).is_err() {
                    caught += 1;
                }
            }
        }
        // Modulo 31 misses only 0 ↔ Z at a position (a difference of 31).
        assert!(caught * 100 >= tried * 99, "{caught} of {tried}");
    }

    #[test]
    fn a_changed_total_or_answer_is_told_apart() {
        let (h, t) = sample();
        let d = Date::new(2026, 12, 4).unwrap();
        let printed = ResultCode::new(7, d, "haidong", &h, &t);
        let mut t2 = t;
        t2.yearly = MoneyRange::exact(dec!(1380));
        let now = ResultCode::new(7, d, "haidong", &h, &t2);
        assert_eq!(
            now.differences(&printed),
            Differences {
                rule_set: false,
                answers: false,
                totals: true
            }
        );
        let h2 = Household::from_json_str(r#"{"members":[{"age":84,"relation":"self"}]}"#).unwrap();
        assert!(
            ResultCode::new(7, d, "haidong", &h2, &t)
                .differences(&printed)
                .answers
        );
        assert!(
            ResultCode::new(8, d, "haidong", &h, &t)
                .differences(&printed)
                .rule_set
        );
        assert!(
            ResultCode::new(7, d, "haidong", &h, &t)
                .differences(&printed)
                .none()
        );
    }

    #[test]
    fn bad_codes_say_why() {
        assert_eq!(ResultCode::parse("K7QM"), Err(CodeError::Length { got: 4 }));
        assert_eq!(
            ResultCode::parse("K7QM-0A4-X2HD-9FZP!"),
            Err(CodeError::Character { got: '!' })
        );
    }
}
