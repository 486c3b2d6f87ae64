//! The compact form of a household for share links: a few bytes per answer instead of
//! its JSON, so a family of five fits a QR code.
//!
//! Layout (all integers LEB128 varints): the format version; a check of the fact
//! table (a link made by a build whose facts differ is refused, never misread); the
//! region id (length + UTF-8); the household's answers; the member count and each
//! member's answers; the "不清楚" marks. Answers are (gap to the previous fact's index,
//! value) pairs in ascending fact order, the value coded by the fact's kind: yes/no
//! and choices one byte, whole numbers zigzag, money as mantissa and scale. The bytes
//! travel as base64url without padding (RFC 4648 §5): safe in a URL fragment, in mail
//! and in chat apps. Decoding checks every value against the fact table, so a
//! tampered link is an error, never a half-applied household.

use crate::domain::Household;
use crate::domain::facts::{FACTS, FactId, Kind, Scope, Value, fact_count};
use crate::domain::household::{Facts, MAX_MEMBERS};
use rust_decimal::Decimal;

/// The format version this build writes.
pub const VERSION: u64 = 2;

/// Why compact bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompactError {
    /// Not base64url, or cut short.
    Damaged,
    /// Written by another version of the app (format or fact table).
    OtherVersion,
    /// Decoded, but a value breaks a fact's rules (an age of 300, a choice that does not
    /// exist, too many members).
    Invalid,
}

/// A household with its region and "不清楚" marks (fact, member; `None`: household).
#[derive(Debug, Clone, PartialEq)]
pub struct Compact {
    pub region: String,
    pub household: Household,
    pub dont_know: Vec<(FactId, Option<usize>)>,
}

/// FNV-1a over the fact names, kinds and choice codes in table order, cut to 32 bits:
/// what a link's fact indexes mean.
fn table_check() -> u64 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: &[u8]| {
        for &x in b {
            h ^= u32::from(x);
            h = h.wrapping_mul(0x0100_0193);
        }
    };
    for f in FACTS {
        eat(f.name.as_bytes());
        eat(&[
            match f.kind {
                Kind::Bool => 1,
                Kind::Int { .. } => 2,
                Kind::Money { .. } => 3,
                Kind::Choice { .. } => 4,
            },
            0,
        ]);
        if let Kind::Choice { choices } = &f.kind {
            for c in *choices {
                eat(c.code.as_bytes());
                eat(&[0]);
            }
        }
    }
    u64::from(h)
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

fn put_facts(out: &mut Vec<u8>, f: &Facts) {
    let answered: Vec<(FactId, Value)> = f
        .answered()
        .filter(|(id, _)| !id.info().is_derived())
        .collect();
    put(out, answered.len() as u64);
    let mut prev = 0;
    for (id, v) in answered {
        put(out, u64::from(id.0) - prev);
        prev = u64::from(id.0);
        match v {
            Value::Bool(b) => out.push(u8::from(b)),
            Value::Choice(c) => out.push(c),
            Value::Int(i) => put(out, zigzag(i)),
            Value::Money(d) => {
                let d = d.normalize();
                // Parsed amounts are never negative and fit 64 bits (the fact's max).
                put(out, u64::try_from(d.mantissa()).unwrap_or(0));
                put(out, u64::from(d.scale()));
            }
            Value::NotApplicable => out.push(0),
        }
    }
}

/// The household as base64url text.
pub fn encode(
    region: &str,
    household: &Household,
    dont_know: &[(FactId, Option<usize>)],
) -> String {
    let mut out = Vec::new();
    put(&mut out, VERSION);
    put(&mut out, table_check());
    put(&mut out, region.len() as u64);
    out.extend_from_slice(region.as_bytes());
    put_facts(&mut out, &household.facts);
    put(&mut out, household.members.len() as u64);
    for m in &household.members {
        put_facts(&mut out, m);
    }
    put(&mut out, dont_know.len() as u64);
    for (f, m) in dont_know {
        put(&mut out, u64::from(f.0));
        put(&mut out, m.map_or(0, |m| m as u64 + 1));
    }
    base64url(&out)
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, CompactError> {
        let x = *self.b.get(self.at).ok_or(CompactError::Damaged)?;
        self.at += 1;
        Ok(x)
    }
    fn var(&mut self) -> Result<u64, CompactError> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(CompactError::Damaged)
    }
    fn facts(&mut self, scope: Scope) -> Result<Facts, CompactError> {
        let n = self.var()?;
        if n > fact_count() as u64 {
            return Err(CompactError::Invalid);
        }
        let mut f = Facts::default();
        let mut index: u64 = 0;
        for k in 0..n {
            let gap = self.var()?;
            // Ascending and distinct: every gap after the first is at least 1.
            if k > 0 && gap == 0 {
                return Err(CompactError::Invalid);
            }
            index = index.checked_add(gap).ok_or(CompactError::Invalid)?;
            let id = u16::try_from(index)
                .ok()
                .map(FactId)
                .filter(|id| id.index() < fact_count())
                .ok_or(CompactError::Invalid)?;
            let info = id.info();
            if info.scope != scope || info.is_derived() {
                return Err(CompactError::Invalid);
            }
            let v = match info.kind {
                Kind::Bool => match self.byte()? {
                    0 => Value::Bool(false),
                    1 => Value::Bool(true),
                    _ => return Err(CompactError::Invalid),
                },
                Kind::Choice { .. } => Value::Choice(self.byte()?),
                Kind::Int { .. } => Value::Int(unzigzag(self.var()?)),
                Kind::Money { .. } => {
                    let m = i64::try_from(self.var()?).map_err(|_| CompactError::Invalid)?;
                    let scale = u32::try_from(self.var()?).map_err(|_| CompactError::Invalid)?;
                    Value::Money(Decimal::try_new(m, scale).map_err(|_| CompactError::Invalid)?)
                }
            };
            info.check(v).map_err(|_| CompactError::Invalid)?;
            f.set(id, Some(v));
        }
        Ok(f)
    }
}

/// Reads what [`encode`] wrote; the region is checked by the caller.
pub fn decode(text: &str) -> Result<Compact, CompactError> {
    let bytes = unbase64url(text).ok_or(CompactError::Damaged)?;
    let mut r = Reader { b: &bytes, at: 0 };
    if r.var()? != VERSION || r.var()? != table_check() {
        return Err(CompactError::OtherVersion);
    }
    let len = r.var()?;
    if len > 64 {
        return Err(CompactError::Invalid);
    }
    let mut region = Vec::new();
    for _ in 0..len {
        region.push(r.byte()?);
    }
    let region = String::from_utf8(region).map_err(|_| CompactError::Invalid)?;
    let facts = r.facts(Scope::Household)?;
    let n = r.var()?;
    if n == 0 || n > MAX_MEMBERS as u64 {
        return Err(CompactError::Invalid);
    }
    let members = (0..n)
        .map(|_| r.facts(Scope::Member))
        .collect::<Result<Vec<_>, _>>()?;
    let k = r.var()?;
    if k > (fact_count() * (MAX_MEMBERS + 1)) as u64 {
        return Err(CompactError::Invalid);
    }
    let mut dont_know = Vec::new();
    for _ in 0..k {
        let f = u16::try_from(r.var()?)
            .ok()
            .map(FactId)
            .filter(|f| f.index() < fact_count())
            .ok_or(CompactError::Invalid)?;
        let m = match r.var()? {
            0 => None,
            i if i <= n => Some(i as usize - 1),
            _ => return Err(CompactError::Invalid),
        };
        dont_know.push((f, m));
    }
    if r.at != bytes.len() {
        return Err(CompactError::Damaged);
    }
    Ok(Compact {
        region,
        household: Household { facts, members },
        dont_know,
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len().div_ceil(3) * 4);
    for chunk in b.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &x)| n | u32::from(x) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn unbase64url(s: &str) -> Option<Vec<u8>> {
    // A 4k+1 length cannot come from whole bytes.
    if s.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    for chunk in s.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|&a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
        // Bits below the last whole byte must be zero: one text per byte string.
        if n & ((1 << (24 - 8 * bytes)) - 1) != 0 {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::facts::id;

    fn family() -> Household {
        Household::from_json_str(
            r#"{"household": {"economic_hardship": true, "income_per_capita_month": "650.5",
                              "household_student": true},
                "members": [
                  {"relation": "self", "age": 38, "sex": "male", "hukou_local": true, "hukou_type": "rural", "employment": "employed", "pension_scheme": "employee"},
                  {"relation": "spouse", "age": 36, "sex": "female", "hukou_local": true, "hukou_type": "rural", "employment": "farmer", "pension_scheme": "resident"},
                  {"relation": "child", "age": 14, "student_stage": "junior", "boarding": true, "hukou_local": true},
                  {"relation": "child", "age": 8, "student_stage": "primary", "hukou_local": true},
                  {"relation": "parent", "age": 70, "hukou_type": "rural", "pension_scheme": "resident", "income_year": "12000.75"}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_family_of_five_round_trips_in_a_short_text() {
        let h = family();
        let dk = vec![(id::PREGNANT, Some(1)), (id::DIBAO, None)];
        let text = encode("haidong", &h, &dk);
        // Short enough for a QR code with room for the address (the JSON link was 7.7 k).
        assert!(text.len() < 200, "{} characters: {text}", text.len());
        assert!(text.bytes().all(|b| ALPHABET.contains(&b)));
        let back = decode(&text).unwrap();
        assert_eq!(
            back,
            Compact {
                region: "haidong".into(),
                household: h,
                dont_know: dk
            }
        );
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for n in 0..40u8 {
            let b: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37).wrapping_add(n)).collect();
            assert_eq!(unbase64url(&base64url(&b)).as_deref(), Some(&b[..]));
        }
        assert_eq!(unbase64url("A"), None);
        assert_eq!(unbase64url("A!"), None);
        // Non-zero padding bits: not what any encoder writes.
        assert_eq!(unbase64url("AB"), None);
    }

    #[test]
    fn damaged_or_foreign_text_is_refused_never_misread() {
        let text = encode("hebei", &family(), &[]);
        // Every cut is refused.
        for i in 0..text.len() {
            assert!(decode(&text[..i]).is_err(), "cut at {i}");
        }
        // Another version or fact table.
        let mut other = Vec::new();
        put(&mut other, VERSION + 1);
        assert_eq!(decode(&base64url(&other)), Err(CompactError::OtherVersion));
        let mut other = Vec::new();
        put(&mut other, VERSION);
        put(&mut other, table_check() ^ 1);
        assert_eq!(decode(&base64url(&other)), Err(CompactError::OtherVersion));
        // Flipping any one character never panics and never yields an out-of-range value.
        for i in 0..text.len() {
            for c in ["A", "_", "z"] {
                let mut t = text.clone();
                t.replace_range(i..i + 1, c);
                if let Ok(c) = decode(&t) {
                    for m in &c.household.members {
                        for (id, v) in m.answered() {
                            assert!(id.info().check(v).is_ok());
                        }
                    }
                }
            }
        }
    }
}
