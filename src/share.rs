//! What the app keeps of a household between page loads: the session copy (sessionStorage)
//! and the opt-in share link (the URL fragment, which browsers never send to a server).
//!
//! Both are the CLI's request JSON (`{"region", "household", "members"}`), so a saved or
//! shared household is checked by the same parser as any other input: a tampered link is
//! an error naming the field, never a half-applied household. Pure and native-tested; the
//! UI only moves the strings in and out of the browser.

use crate::api::{self, ApiError};
use crate::domain::rule::Catalog;
use crate::domain::{Household, InputError};
use serde_json::Value as Json;
use std::fmt;

/// The fragment key of a shared household: `#h=<percent-encoded JSON>`.
pub const FRAGMENT_KEY: &str = "h=";

/// Longest fragment accepted. A full 30-member household with every fact answered is
/// about 40 KB encoded; anything beyond is not a link this app made.
pub const MAX_FRAGMENT: usize = 64 * 1024;

/// A household and the region it was estimated for.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub region: String,
    pub household: Household,
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
}

impl ShareError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            ShareError::TooLong { bytes } => {
                format!("链接过长（{bytes} 字节），不是本工具生成的链接")
            }
            ShareError::BadEncoding => "链接不完整或已损坏（编码无效）".into(),
            ShareError::NotJson(e) => format!("链接内容已损坏：{e}"),
            ShareError::Invalid(e) => format!("链接中的家庭信息无效：{}", e.zh()),
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
            ShareError::NotJson(e) => write!(f, "the link's content is damaged: {e}"),
            ShareError::Invalid(e) => write!(f, "the household in the link is invalid: {e}"),
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

/// Reads back what [`to_json`] wrote, checking every field against the catalog.
pub fn from_json(text: &str, catalog: &Catalog) -> Result<Saved, ShareError> {
    if text.len() > MAX_FRAGMENT {
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
    })
}

/// The URL fragment (without `#`) that carries a household.
pub fn encode_fragment(region: &str, household: &Household) -> String {
    let json = to_json(region, household).to_string();
    let mut out = String::with_capacity(FRAGMENT_KEY.len() + json.len() * 2);
    out.push_str(FRAGMENT_KEY);
    for b in json.bytes() {
        // RFC 3986 unreserved characters stay; everything else is %XX, so the link
        // survives mail clients and chat apps that mangle quotes and braces.
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reads a URL fragment (with or without `#`). `Ok(None)`: the fragment carries no
/// household (empty, or something else such as an in-page anchor).
pub fn decode_fragment(fragment: &str, catalog: &Catalog) -> Result<Option<Saved>, ShareError> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
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

    fn sample() -> Household {
        Household::from_json_str(
            r#"{"household": {"economic_hardship": true, "income_per_capita_month": "650.5"},
                "members": [{"age": 40, "relation": "self"},
                            {"age": 14, "student_stage": "junior", "boarding": true}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_link_round_trips_the_household_and_region() {
        let cat = catalog::embedded().unwrap();
        let h = sample();
        let frag = encode_fragment("hebei", &h);
        assert!(frag.starts_with("h=%7B"), "{frag}");
        assert!(
            !frag.contains(['{', '"', ' ']),
            "no characters that mail clients mangle: {frag}"
        );
        let back = decode_fragment(&format!("#{frag}"), cat).unwrap().unwrap();
        assert_eq!(back.region, "hebei");
        assert_eq!(back.household, h);
    }

    #[test]
    fn other_fragments_are_not_households() {
        let cat = catalog::embedded().unwrap();
        assert_eq!(decode_fragment("", cat), Ok(None));
        assert_eq!(decode_fragment("#results", cat), Ok(None));
    }

    #[test]
    fn a_tampered_link_is_an_error_naming_what_is_wrong() {
        let cat = catalog::embedded().unwrap();
        let good = encode_fragment("hebei", &sample());
        // Cut in the middle of a %XX escape.
        let cut = &good[..good.len() - 1];
        assert_eq!(decode_fragment(cut, cat), Err(ShareError::BadEncoding));
        // Cut at an escape boundary: valid encoding, broken JSON.
        let cut = &good[..good.rfind('%').unwrap()];
        assert!(matches!(
            decode_fragment(cut, cat),
            Err(ShareError::NotJson(_))
        ));
        // Not UTF-8.
        assert_eq!(
            decode_fragment("h=%FF%FE", cat),
            Err(ShareError::BadEncoding)
        );
        // An absurd age names its field.
        let bad = good.replace("14", "400");
        match decode_fragment(&bad, cat) {
            Err(ShareError::Invalid(e)) => {
                assert_eq!(e.path().as_deref(), Some("members[1].age"), "{e}");
                assert!(ShareError::Invalid(e.clone()).zh().contains("无效"));
            }
            other => panic!("{other:?}"),
        }
        // An unknown region.
        let bad = good.replace("hebei", "atlantis");
        assert!(matches!(
            decode_fragment(&bad, cat),
            Err(ShareError::Invalid(ApiError::UnknownRegion { .. }))
        ));
        // Far too long.
        let long = format!("h={}", "a".repeat(MAX_FRAGMENT + 1));
        assert!(matches!(
            decode_fragment(&long, cat),
            Err(ShareError::TooLong { .. })
        ));
    }

    #[test]
    fn a_percent_escape_is_exactly_two_hex_digits() {
        let cat = catalog::embedded().unwrap();
        let good = encode_fragment("hebei", &sample());
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
            // Not two hex digits (issue 25): `from_str_radix` took a sign.
            "h=%+A",
            "h=%-1",
            "h=%7B%+A%7D",
        ] {
            assert!(decode_fragment(s, cat).is_err(), "{s}");
        }
    }
}
