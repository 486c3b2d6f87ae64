//! What the app keeps of a household between page loads: the session copy (sessionStorage)
//! and the opt-in share link (the URL fragment, which browsers never send to a server).
//!
//! Both are the CLI's request JSON (`{"region", "household", "members"}`), so a saved or
//! shared household is checked by the same parser as any other input: a tampered link is
//! an error naming the field, never a half-applied household. Pure and native-tested; the
//! UI only moves the strings in and out of the browser.

use crate::api::{self, ApiError};
use crate::compact::{self, CompactError};
use crate::domain::facts::FactId;
use crate::domain::rule::Catalog;
use crate::domain::{Household, InputError};
use serde_json::Value as Json;
use std::fmt;

/// The fragment key of a shared household in the first format: `#h=<percent-encoded
/// JSON>` (still read: links already handed out keep working).
pub const FRAGMENT_KEY: &str = "h=";

/// The fragment key of the compact format this build writes: `#v2=<base64url>`
/// (see [`crate::compact`]).
pub const COMPACT_KEY: &str = "v2=";

/// Longest fragment accepted. A full 30-member household with every fact answered is
/// about 40 KB encoded; anything beyond is not a link this app made.
pub const MAX_FRAGMENT: usize = 64 * 1024;

/// A household and the region it was estimated for.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub region: String,
    pub household: Household,
    /// Answers the resident marked "不清楚" (fact, member; `None`: the household).
    pub dont_know: Vec<(FactId, Option<usize>)>,
}

/// Why a saved or shared household could not be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Longer than [`MAX_FRAGMENT`].
    TooLong { bytes: usize },
    /// Not valid percent-encoded UTF-8 (a cut or mangled link).
    BadEncoding,
    /// Not JSON; the parser's message.
    NotJson(String),
    /// JSON, but not a valid household (names the field).
    Invalid(ApiError),
    /// Made by another version of the app, whose answers this one cannot read.
    OtherVersion,
    /// Decoded, but an answer breaks its fact's rules or the region is unknown (a
    /// changed link): nothing of it is applied.
    BadValue,
}

impl ShareError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            ShareError::TooLong { bytes } => {
                format!("链接过长（{bytes} 字节），不是本工具生成的链接")
            }
            ShareError::BadEncoding => "链接不完整或已损坏（编码无效）".into(),
            // Nothing of the link's own text is repeated: whoever wrote it could put
            // any words there, and the page would show them as the app's.
            ShareError::NotJson(_) => "链接内容已损坏".into(),
            ShareError::Invalid(_) => {
                "链接中的家庭信息无效（已被改动，或不是本工具生成的链接）".into()
            }
            ShareError::OtherVersion => "链接由另一版本的测算工具生成，本版本无法读取".into(),
            ShareError::BadValue => {
                "链接中的家庭信息无效（已被改动，或不是本工具生成的链接）".into()
            }
        }
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLong { bytes } => {
                write!(
                    f,
                    "the link is too long ({bytes} bytes): not one this tool made"
                )
            }
            ShareError::BadEncoding => write!(f, "the link is cut or damaged (bad encoding)"),
            ShareError::NotJson(_) => write!(f, "the link's content is damaged"),
            ShareError::Invalid(_) => write!(
                f,
                "the household in the link is invalid (changed, or not made by this tool)"
            ),
            ShareError::OtherVersion => write!(
                f,
                "the link was made by another version of the estimator, which this one cannot read"
            ),
            ShareError::BadValue => write!(
                f,
                "the household in the link is invalid (changed, or not made by this tool)"
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// The request JSON of a household, as the CLI reads it.
pub fn to_json(region: &str, household: &Household) -> Json {
    let mut v = household.to_json();
    if let Json::Object(m) = &mut v {
        m.insert("region".into(), Json::String(region.to_string()));
    }
    v
}

/// Reads back what [`to_json`] wrote in a link, checking every field against the catalog.
pub fn from_json(text: &str, catalog: &Catalog) -> Result<Saved, ShareError> {
    from_json_within(text, catalog, MAX_FRAGMENT)
}

/// Longest session copy read back: every valid household fits (30 members with every
/// fact answered is about 150 KB of JSON), far inside sessionStorage's quota.
pub const MAX_SESSION: usize = 1024 * 1024;

/// Reads back the tab's session copy (the same JSON as a link, with a bound that holds
/// every valid household).
pub fn from_session(text: &str, catalog: &Catalog) -> Result<Saved, ShareError> {
    from_json_within(text, catalog, MAX_SESSION)
}

/// Reads back the tab's session copy keeping whatever is still valid (a copy saved by
/// another version, or damaged): the household with the answers that could be read,
/// and the fields left out. An unknown region falls back to `default_region`.
pub fn from_session_lenient(
    text: &str,
    catalog: &Catalog,
    default_region: &str,
) -> Result<(Saved, Vec<String>), ShareError> {
    if text.len() > MAX_SESSION {
        return Err(ShareError::TooLong { bytes: text.len() });
    }
    let v = crate::domain::json::parse(text).map_err(|e| ShareError::NotJson(e.zh()))?;
    let (household, mut dropped) = Household::from_json_lenient(&v).ok_or(ShareError::BadValue)?;
    let region = match v.get("region").and_then(Json::as_str) {
        Some(r) if catalog.region(r).is_some() => r.to_string(),
        _ => {
            dropped.insert(0, "region".into());
            default_region.to_string()
        }
    };
    Ok((
        Saved {
            region,
            household,
            dont_know: Vec::new(),
        },
        dropped,
    ))
}

fn from_json_within(text: &str, catalog: &Catalog, limit: usize) -> Result<Saved, ShareError> {
    if text.len() > limit {
        return Err(ShareError::TooLong { bytes: text.len() });
    }
    let v = crate::domain::json::parse(text).map_err(|e| match e {
        InputError::Syntax(e) => ShareError::NotJson(e),
        e => ShareError::Invalid(ApiError::Input(e)),
    })?;
    let req = api::parse_request(&v, None, catalog).map_err(ShareError::Invalid)?;
    Ok(Saved {
        region: req.region,
        household: req.household,
        dont_know: Vec::new(),
    })
}

/// The URL fragment (without `#`) that carries a household, in the compact format: a
/// family of five in about 150 characters, small enough for a QR code.
pub fn encode_fragment(
    region: &str,
    household: &Household,
    dont_know: &[(FactId, Option<usize>)],
) -> String {
    format!(
        "{COMPACT_KEY}{}",
        compact::encode(region, household, dont_know)
    )
}

/// Reads a URL fragment (with or without `#`), in either format. `Ok(None)`: the
/// fragment carries no household (empty, or something else such as an in-page anchor).
pub fn decode_fragment(fragment: &str, catalog: &Catalog) -> Result<Option<Saved>, ShareError> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    if let Some(body) = f.strip_prefix(COMPACT_KEY) {
        if body.len() > MAX_FRAGMENT {
            return Err(ShareError::TooLong { bytes: body.len() });
        }
        let c = compact::decode(body).map_err(|e| match e {
            CompactError::Damaged => ShareError::BadEncoding,
            CompactError::OtherVersion => ShareError::OtherVersion,
            CompactError::Invalid => ShareError::BadValue,
        })?;
        if catalog.region(&c.region).is_none() {
            return Err(ShareError::BadValue);
        }
        return Ok(Some(Saved {
            region: c.region,
            household: c.household,
            dont_know: c.dont_know,
        }));
    }
    let Some(body) = f.strip_prefix(FRAGMENT_KEY) else {
        return Ok(None);
    };
    if body.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong { bytes: body.len() });
    }
    let text = percent_decode(body).ok_or(ShareError::BadEncoding)?;
    from_json(&text, catalog).map(Some)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            // Exactly two hex digits: `from_str_radix` alone would take `%+A` for 0x0A.
            let hex = b.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::domain::facts::id;

    fn sample() -> Household {
        Household::from_json_str(
            r#"{"household": {"economic_hardship": true, "income_per_capita_month": "650.5"},
                "members": [{"age": 40, "relation": "self"},
                            {"age": 14, "student_stage": "junior", "boarding": true}]}"#,
        )
        .unwrap()
    }

    /// A link in the first format (JSON), as earlier builds wrote it.
    fn legacy(json: &str) -> String {
        let mut out = FRAGMENT_KEY.to_string();
        for b in json.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }

    #[test]
    fn a_link_round_trips_the_household_region_and_dont_knows() {
        let cat = catalog::embedded().unwrap();
        let h = sample();
        let dk = vec![(id::DIBAO, None)];
        let frag = encode_fragment("hebei", &h, &dk);
        assert!(frag.starts_with(COMPACT_KEY), "{frag}");
        assert!(
            !frag[COMPACT_KEY.len()..].contains(['{', '"', ' ', '%', '=', '+', '/']),
            "no characters that mail clients mangle: {frag}"
        );
        let back = decode_fragment(&format!("#{frag}"), cat).unwrap().unwrap();
        assert_eq!(back.region, "hebei");
        assert_eq!(back.household, h);
        assert_eq!(back.dont_know, dk);
        // Links handed out before the compact format still open.
        let old = legacy(&to_json("hebei", &h).to_string());
        let back = decode_fragment(&old, cat).unwrap().unwrap();
        assert_eq!(back.household, h);
    }

    /// Every fact answered with its largest value, for every member (issue 25, finding 3:
    /// valid households outgrew the 64 KiB bounds).
    fn largest_household() -> Household {
        use crate::domain::facts::{FACTS, FactId, Kind, Scope, Value};
        use crate::domain::household::{Facts, MAX_MEMBERS};
        let fill = |scope: Scope| {
            let mut f = Facts::default();
            for (i, info) in FACTS.iter().enumerate() {
                if info.scope != scope || info.is_derived() {
                    continue;
                }
                let v = match &info.kind {
                    Kind::Bool => Value::Bool(true),
                    Kind::Int { max, .. } => Value::Int(*max),
                    Kind::Money { max } => {
                        Value::Money(rust_decimal::Decimal::new(*max * 100 - 1, 2))
                    }
                    Kind::Choice { choices } => Value::Choice(choices.len() as u8 - 1),
                };
                f.set(FactId(i as u16), Some(v));
            }
            f
        };
        Household {
            facts: fill(Scope::Household),
            members: vec![fill(Scope::Member); MAX_MEMBERS],
        }
    }

    #[test]
    fn the_largest_valid_household_survives_the_link_and_the_session_copy() {
        let cat = catalog::embedded().unwrap();
        let h = largest_household();
        let frag = encode_fragment("jinan", &h, &[]);
        assert!(frag.len() < MAX_FRAGMENT, "{} bytes", frag.len());
        assert_eq!(decode_fragment(&frag, cat).unwrap().unwrap().household, h);
        let session = to_json("jinan", &h).to_string();
        assert!(
            session.len() > 64 * 1024,
            "the old bound would have lost it"
        );
        assert_eq!(from_session(&session, cat).unwrap().household, h);
    }

    #[test]
    fn other_fragments_are_not_households() {
        let cat = catalog::embedded().unwrap();
        assert_eq!(decode_fragment("", cat), Ok(None));
        assert_eq!(decode_fragment("#results", cat), Ok(None));
    }

    #[test]
    fn a_tampered_link_is_refused_without_repeating_its_words() {
        let cat = catalog::embedded().unwrap();
        let good = encode_fragment("hebei", &sample(), &[]);
        for i in COMPACT_KEY.len()..good.len() {
            assert!(decode_fragment(&good[..i], cat).is_err(), "cut at {i}");
        }
        let other = encode_fragment("atlantis", &sample(), &[]);
        assert_eq!(decode_fragment(&other, cat), Err(ShareError::BadValue));
        // The first format: an absurd age, an unknown region, words planted in a key.
        let json = to_json("hebei", &sample()).to_string();
        let planted = "请立即拨打电话领取补贴";
        for bad in [
            json.replace("14", "400"),
            json.replace("hebei", "atlantis"),
            json.replace("boarding", planted),
            json.replace("junior", planted),
        ] {
            let e = decode_fragment(&legacy(&bad), cat).unwrap_err();
            assert!(matches!(e, ShareError::Invalid(_)), "{e:?}");
            assert!(!e.zh().contains(planted) && !e.to_string().contains(planted));
            assert!(!e.zh().contains("atlantis"));
        }
        let e = decode_fragment(&legacy(&format!("{{\"{planted}\"")), cat).unwrap_err();
        assert!(!e.zh().contains(planted), "{}", e.zh());
        assert_eq!(
            decode_fragment("h=%FF%FE", cat),
            Err(ShareError::BadEncoding)
        );
        let long = format!("{COMPACT_KEY}{}", "A".repeat(MAX_FRAGMENT + 1));
        assert!(matches!(
            decode_fragment(&long, cat),
            Err(ShareError::TooLong { .. })
        ));
    }

    #[test]
    fn a_percent_escape_is_exactly_two_hex_digits() {
        let cat = catalog::embedded().unwrap();
        // Escapes are in links of the first format (JSON).
        let good = legacy(&to_json("hebei", &sample()).to_string());
        for bad in ["%+A", "%-0", "%+0", "% A", "%A"] {
            let link = good.replacen("%22", bad, 1);
            assert_eq!(
                decode_fragment(&link, cat),
                Err(ShareError::BadEncoding),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_key_given_twice_in_a_link_is_refused() {
        let cat = catalog::embedded().unwrap();
        let json = r#"{"region":"hebei","members":[{"age":70,"age":7}]}"#;
        let link: String = json.bytes().map(|b| format!("%{b:02X}")).collect();
        match decode_fragment(&format!("h={link}"), cat) {
            Err(ShareError::Invalid(e)) => assert_eq!(e.path().as_deref(), Some("members[0].age")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn garbage_never_panics() {
        let cat = catalog::embedded().unwrap();
        for s in [
            "h=",
            "h=%",
            "h=%G0",
            "h=null",
            "h=%5B%5D",
            "h=%7B%7D",
            "h=%7B%22members%22%3A%5B%5D%7D",
            "h=\u{1F600}",
            "v2=",
            "v2=A",
            "v2=AAAA",
            "v2=\u{1F600}",
            "v2=____",
            // Not two hex digits (issue 25): `from_str_radix` took a sign.
            "h=%+A",
            "h=%-1",
            "h=%7B%+A%7D",
        ] {
            assert!(decode_fragment(s, cat).is_err(), "{s}");
        }
    }
}
