//! JSON text to a [`serde_json::Value`], refusing a key given twice in one object.
//!
//! serde_json's own `Value` keeps the last of two equal keys and drops the first without
//! a word, so `{"age": 70, "age": 7}` was a seven-year-old. Every entry point that reads
//! JSON text (CLI, JS API, share link, session copy) goes through [`parse`] instead: the
//! same values as `serde_json::from_str`, but a repeated key is an error naming its path.

use super::error::{InputError, echo_into};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value as Json};
use std::cell::RefCell;
use std::fmt;

/// Parses JSON text. A syntax error is [`InputError::Syntax`] with serde_json's line and
/// column; a repeated key is [`InputError::DuplicateKey`] naming the second occurrence
/// (`members[0].age`). serde_json's recursion limit still refuses deep nesting.
pub fn parse(text: &str) -> Result<Json, InputError> {
    let path = RefCell::new(String::new());
    let dup = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let out = Strict {
        path: &path,
        dup: &dup,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    out.map_err(|e| match dup.into_inner() {
        Some(path) => InputError::DuplicateKey { path },
        None => InputError::Syntax(e.to_string()),
    })
}

/// The seed and visitor: `path` is where the value being read sits (a buffer pushed to
/// and cut back, so no path is built unless it is needed); `dup` receives the path of a
/// repeated key.
#[derive(Clone, Copy)]
struct Strict<'a> {
    path: &'a RefCell<String>,
    dup: &'a RefCell<Option<String>>,
}

impl Strict<'_> {
    fn enter(&self, segment: fmt::Arguments) -> usize {
        use std::fmt::Write;
        let mut p = self.path.borrow_mut();
        let at = p.len();
        let _ = p.write_fmt(segment);
        at
    }
    fn leave(&self, at: usize) {
        self.path.borrow_mut().truncate(at);
    }
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Json;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::from(n))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::from(n))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Json, E> {
        Ok(Number::from_f64(n).map_or(Json::Null, Json::Number))
    }
    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut out = Vec::new();
        loop {
            let at = self.enter(format_args!("[{}]", out.len()));
            let Some(v) = seq.next_element_seed(self)? else {
                self.leave(at);
                break;
            };
            self.leave(at);
            out.push(v);
        }
        Ok(Json::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let at = {
                let mut p = self.path.borrow_mut();
                let at = p.len();
                if at > 0 {
                    p.push('.');
                }
                echo_into(&mut p, &key);
                at
            };
            if out.contains_key(&key) {
                *self.dup.borrow_mut() = Some(self.path.borrow().clone());
                return Err(de::Error::custom("a key given twice"));
            }
            let v = map.next_value_seed(self)?;
            self.leave(at);
            out.insert(key, v);
        }
        Ok(Json::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_values_as_serde_json() {
        for text in [
            "null",
            "true",
            "-3",
            "18446744073709551615",
            "1e400",
            "2.5",
            r#""\u00e9\ud83d\ude00""#,
            r#"{"a": [1, {"b": null}], "c": {}}"#,
            " [ ] ",
        ] {
            let want: Result<Json, _> = serde_json::from_str(text);
            assert_eq!(parse(text).ok(), want.ok(), "{text}");
        }
        for bad in ["", "{", "[1,]", "{} x", "{\"a\" 1}", "nul"] {
            assert!(
                matches!(parse(bad), Err(InputError::Syntax(_))),
                "{bad}: {:?}",
                parse(bad)
            );
        }
        let deep = "[".repeat(100_000);
        assert!(matches!(parse(&deep), Err(InputError::Syntax(_))));
    }

    #[test]
    fn a_repeated_key_is_refused_naming_its_path() {
        let e = parse(r#"{"region": "hebei", "members": [{}, {"age": 70, "age": 7}]}"#);
        assert_eq!(
            e,
            Err(InputError::DuplicateKey {
                path: "members[1].age".into()
            })
        );
        assert!(e.unwrap_err().to_string().starts_with("members[1].age: "));
        let e = parse(r#"{"region": "hebei", "region": "qinghai"}"#);
        assert_eq!(
            e,
            Err(InputError::DuplicateKey {
                path: "region".into()
            })
        );
        // The same key in two objects is no repeat.
        assert!(parse(r#"[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]"#).is_ok());
        // A long repeated key is echoed cut short.
        let k = "k".repeat(100_000);
        match parse(&format!("{{\"{k}\": 1, \"{k}\": 2}}")) {
            Err(InputError::DuplicateKey { path }) => assert!(path.chars().count() <= 41),
            other => panic!("{other:?}"),
        }
    }
}
