//! The household: members with person-level facts, plus household-level facts.
//!
//! Input arrives as JSON (CLI file, share link, sessionStorage, JS API) and is parsed
//! here by hand rather than by derive, so every error names the exact path
//! (`members[1].age`) and no input, however odd, can panic.

use super::answer::{AnswerError, parse_yuan};
use super::error::{InputError, echo};
use super::facts::{FACTS, FactId, Kind, Scope, Value, fact_by_name, fact_count, id};
use super::plausible::{Standing, standing};
use rust_decimal::Decimal;
use serde_json::{Map, Value as Json};

/// Most members a household may have (the UI and the engine's cost bound).
pub const MAX_MEMBERS: usize = 30;

/// Answers for one member or for the household; `None` = unanswered.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts(Vec<Option<Value>>);

impl Default for Facts {
    fn default() -> Self {
        Facts(vec![None; fact_count()])
    }
}

impl Facts {
    #[inline]
    pub fn get(&self, id: FactId) -> Option<Value> {
        self.0.get(id.index()).copied().flatten()
    }
    pub fn set(&mut self, id: FactId, v: Option<Value>) {
        if let Some(slot) = self.0.get_mut(id.index()) {
            *slot = v;
        }
    }
    /// Every fact's answer, indexed by [`FactId::index`].
    pub(crate) fn as_slice(&self) -> &[Option<Value>] {
        &self.0
    }
    /// Answered facts, in table order.
    pub fn answered(&self) -> impl Iterator<Item = (FactId, Value)> + '_ {
        self.0
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (FactId(i as u16), v)))
    }
}

/// A household to evaluate.
#[derive(Debug, Clone, PartialEq)]
pub struct Household {
    /// Household-level facts (`scope = household`).
    pub facts: Facts,
    /// One entry per member, the applicant usually first.
    pub members: Vec<Facts>,
}

impl Default for Household {
    fn default() -> Self {
        Household {
            facts: Facts::default(),
            members: vec![Facts::default()],
        }
    }
}

impl Household {
    /// Household facts with derived ones (`household_size`) filled in. A member fact
    /// set on the household by mistake is left out: it would stand for every member's
    /// own answer (an age of 85 made every member elderly).
    pub fn household_facts(&self) -> Facts {
        let mut f = self.facts.clone();
        for (id, _) in self.facts.answered() {
            if id.info().scope != Scope::Household {
                f.set(id, None);
            }
        }
        f.set(
            id::HOUSEHOLD_SIZE,
            Some(Value::Int(self.members.len() as i64)),
        );
        f.set(
            id::SEVERAL_DISABLED_MEMBERS,
            self.several_disabled_members(),
        );
        f
    }

    /// Whether two or more members hold a disability certificate (一户多残): yes once
    /// two say so, no once too few members are left who could (an unanswered member
    /// counts as "no" only where the household said nobody holds one), else unknown.
    fn several_disabled_members(&self) -> Option<Value> {
        let cert = id::DISABILITY_CERTIFICATE;
        let (mut yes, mut open) = (0usize, 0usize);
        for m in &self.members {
            let v = m
                .get(cert)
                .or_else(|| match standing(cert, m, &self.facts) {
                    Standing::Assumed(v, _) => Some(v),
                    _ => None,
                });
            match v {
                Some(Value::Bool(true)) => yes += 1,
                Some(_) => {}
                None => open += 1,
            }
        }
        if yes >= 2 {
            Some(Value::Bool(true))
        } else if yes + open < 2 {
            Some(Value::Bool(false))
        } else {
            None
        }
    }

    /// Parses the documented JSON shape:
    /// `{"household": {fact: value…}, "members": [{fact: value…}, …]}`.
    /// Other top-level keys are left to the caller (`region`, `date`).
    pub fn from_json(v: &Json) -> Result<Household, InputError> {
        let obj = v.as_object().ok_or(InputError::NotAnObject {
            path: String::new(),
        })?;
        let facts = match obj.get("household") {
            None | Some(Json::Null) => Facts::default(),
            Some(h) => parse_facts(h, "household", Scope::Household)?,
        };
        let members = match obj.get("members") {
            Some(Json::Array(ms)) => ms,
            Some(_) => {
                return Err(InputError::WrongType {
                    path: "members".into(),
                    expected: "an array of members",
                });
            }
            None => return Err(InputError::NoMembers),
        };
        if members.is_empty() {
            return Err(InputError::NoMembers);
        }
        if members.len() > MAX_MEMBERS {
            return Err(InputError::TooManyMembers {
                count: members.len(),
            });
        }
        let members = members
            .iter()
            .enumerate()
            .map(|(i, m)| parse_facts(m, &format!("members[{i}]"), Scope::Member))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Household { facts, members })
    }

    /// Parses JSON text; a syntax error is reported with its line and column.
    pub fn from_json_str(s: &str) -> Result<Household, InputError> {
        Household::from_json(&super::json::parse(s)?)
    }

    /// Reads a household the app itself saved earlier, keeping every answer that is
    /// still valid: an answer this version cannot read (a fact it no longer has, a value
    /// out of bounds, members past [`MAX_MEMBERS`]) is left out and named in the list
    /// returned, so the resident is told what was dropped instead of losing everything.
    /// `None` when nothing of a household is there.
    pub fn from_json_lenient(v: &Json) -> Option<(Household, Vec<String>)> {
        let obj = v.as_object()?;
        let mut dropped = Vec::new();
        let keep = |m: &Json, path: &str, scope: Scope, dropped: &mut Vec<String>| {
            let mut facts = Facts::default();
            let Some(o) = m.as_object() else {
                dropped.push(path.to_string());
                return facts;
            };
            for (name, raw) in o {
                // Names are capped: a damaged copy could hold anything.
                let fpath = format!("{path}.{}", name.chars().take(40).collect::<String>());
                let Some(id) = fact_by_name(name) else {
                    dropped.push(fpath);
                    continue;
                };
                if raw.is_null() {
                    continue;
                }
                if id.info().scope != scope || id.info().is_derived() {
                    dropped.push(fpath);
                    continue;
                }
                match parse_value(id, raw, &fpath) {
                    Ok(v) => facts.set(id, Some(v)),
                    Err(_) => dropped.push(fpath),
                }
            }
            facts
        };
        let facts = match obj.get("household") {
            None | Some(Json::Null) => Facts::default(),
            Some(h) => keep(h, "household", Scope::Household, &mut dropped),
        };
        let members: Vec<Facts> = match obj.get("members") {
            Some(Json::Array(ms)) => {
                if ms.len() > MAX_MEMBERS {
                    dropped.push(format!("members[{MAX_MEMBERS}..{}]", ms.len()));
                }
                ms.iter()
                    .take(MAX_MEMBERS)
                    .enumerate()
                    .map(|(i, m)| keep(m, &format!("members[{i}]"), Scope::Member, &mut dropped))
                    .collect()
            }
            _ => return None,
        };
        if members.is_empty() {
            return None;
        }
        Some((Household { facts, members }, dropped))
    }

    /// The JSON form `from_json` reads back (answered facts only).
    pub fn to_json(&self) -> Json {
        let mut top = Map::new();
        top.insert(
            "household".into(),
            facts_json(&self.facts, Scope::Household),
        );
        top.insert(
            "members".into(),
            Json::Array(
                self.members
                    .iter()
                    .map(|m| facts_json(m, Scope::Member))
                    .collect(),
            ),
        );
        Json::Object(top)
    }
}

/// The answers of one table; an answer of the other scope (which the parser refuses,
/// so a saved copy holding one could never be read back) is left out.
fn facts_json(f: &Facts, scope: Scope) -> Json {
    let mut m = Map::new();
    for (id, v) in f.answered() {
        let info = id.info();
        if info.is_derived() || info.scope != scope {
            continue;
        }
        let j = match (v, &info.kind) {
            (Value::Bool(b), _) => Json::Bool(b),
            (Value::Int(i), _) => Json::from(i),
            (Value::Money(d), _) => Json::String(d.normalize().to_string()),
            // A choice the fact does not have (set by hand) is left out, as other
            // values of the wrong kind are.
            (Value::Choice(c), Kind::Choice { choices }) => match choices.get(c as usize) {
                Some(ch) => Json::String(ch.code.to_string()),
                None => continue,
            },
            (Value::Choice(_) | Value::NotApplicable, _) => continue,
        };
        m.insert(info.name.into(), j);
    }
    Json::Object(m)
}

fn parse_facts(v: &Json, path: &str, scope: Scope) -> Result<Facts, InputError> {
    let obj = v.as_object().ok_or_else(|| InputError::NotAnObject {
        path: path.to_string(),
    })?;
    let mut facts = Facts::default();
    for (name, raw) in obj {
        // Every piece of input a message echoes is capped (issue 25). The path is
        // written only for an error: formatting one per answer was a third of the parse.
        let fpath = || format!("{path}.{}", echo(name));
        let id = fact_by_name(name).ok_or_else(|| InputError::UnknownFact { path: fpath() })?;
        let info = id.info();
        if info.scope != scope {
            return Err(InputError::WrongScope {
                path: fpath(),
                belongs: info.scope,
            });
        }
        if info.is_derived() {
            return Err(InputError::Derived { path: fpath() });
        }
        if raw.is_null() {
            continue;
        }
        let value = match parse_value(id, raw, "") {
            Ok(v) => v,
            // Parsed again with its path, to name it.
            Err(_) => parse_value(id, raw, &fpath())?,
        };
        facts.set(id, Some(value));
    }
    Ok(facts)
}

/// Converts one JSON answer into a checked [`Value`].
pub fn parse_value(id: FactId, raw: &Json, path: &str) -> Result<Value, InputError> {
    let info = &FACTS[id.index()];
    let wrong = |expected| InputError::WrongType {
        path: path.to_string(),
        expected,
    };
    let value = match &info.kind {
        Kind::Bool => Value::Bool(raw.as_bool().ok_or_else(|| wrong("true or false"))?),
        Kind::Int { .. } => Value::Int(raw.as_i64().ok_or_else(|| wrong("a whole number"))?),
        Kind::Money { max } => {
            // A string by the one rule of `answer::parse_yuan` (as a form field, less
            // the form's allowances for full-width digits, separators and units);
            // a whole JSON number as it is (its range is checked below).
            let money =
                "an amount of yuan as a decimal string with at most two decimals, e.g. \"850.50\"";
            let d = match raw {
                Json::String(s) => parse_yuan(s, *max).map_err(|e| match e {
                    AnswerError::NotANumber => wrong(money),
                    error => InputError::Answer {
                        path: path.to_string(),
                        error,
                    },
                })?,
                Json::Number(n) => match (n.as_i64(), n.as_u64()) {
                    (Some(i), _) => Decimal::from(i),
                    (None, Some(u)) => Decimal::from(u),
                    _ => return Err(wrong(money)),
                },
                _ => return Err(wrong(money)),
            };
            Value::Money(d)
        }
        Kind::Choice { choices } => {
            let code = raw
                .as_str()
                .ok_or_else(|| wrong("one of the listed codes"))?;
            let i = info.choice(code).ok_or_else(|| InputError::UnknownChoice {
                path: path.to_string(),
                got: echo(code),
                allowed: choices
                    .iter()
                    .map(|c| c.code)
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
            Value::Choice(i)
        }
    };
    info.check(value).map_err(|error| InputError::Answer {
        path: path.to_string(),
        error,
    })?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_and_round_trips() {
        let j = json!({"household": {"dibao": true, "income_per_capita_month": "300.5"},
                       "members": [{"relation": "self", "age": 85, "disability_grade": 1}]});
        let h = Household::from_json(&j).unwrap();
        assert_eq!(h.members.len(), 1);
        assert_eq!(Household::from_json(&h.to_json()).unwrap(), h);
        assert_eq!(h.to_json(), j);
    }

    #[test]
    fn a_saved_copy_keeps_what_is_still_valid_and_names_the_rest() {
        let mut many = vec![json!({"age": 30}); 31];
        many[1] = json!({"age": 200, "hukou_local": true, "shoe_size": 42, "dibao": true});
        let v = json!({"household": {"dibao": true, "age": 85}, "members": many});
        let (h, dropped) = Household::from_json_lenient(&v).unwrap();
        assert_eq!(h.members.len(), MAX_MEMBERS);
        assert_eq!(h.members[1].answered().count(), 1, "hukou_local kept");
        assert_eq!(h.facts.answered().count(), 1, "dibao kept");
        assert_eq!(
            dropped,
            [
                "household.age",
                "members[30..31]",
                "members[1].age",
                "members[1].dibao",
                "members[1].shoe_size"
            ]
        );
        assert!(Household::from_json_lenient(&json!({"members": []})).is_none());
        assert!(Household::from_json_lenient(&json!("x")).is_none());
    }

    #[test]
    fn several_disabled_members_is_three_valued() {
        let several = |v: Json| {
            Household::from_json(&v)
                .unwrap()
                .household_facts()
                .get(id::SEVERAL_DISABLED_MEMBERS)
        };
        let (yes, no) = (Some(Value::Bool(true)), Some(Value::Bool(false)));
        // Two children with certificates: the case relations could not see.
        let two = json!({"members": [{"disability_certificate": false},
            {"disability_certificate": true}, {"disability_certificate": true}]});
        assert_eq!(several(two), yes);
        // Two said yes; a third unanswered cannot change that.
        let known = json!({"members": [{"disability_certificate": true},
            {"disability_certificate": true}, {}]});
        assert_eq!(several(known), yes);
        // One yes and one unanswered member: could still be two.
        let open = json!({"members": [{"disability_certificate": true}, {}]});
        assert_eq!(several(open), None);
        // …unless the household said nobody else holds one.
        let gated = json!({"household": {"household_disability": false},
            "members": [{}, {}]});
        assert_eq!(several(gated), no);
        // One member alone, or one yes and the rest no.
        assert_eq!(several(json!({"members": [{}]})), no);
        let one = json!({"members": [{"disability_certificate": true},
            {"disability_certificate": false}]});
        assert_eq!(several(one), no);
        // Computed, so never input.
        assert!(
            Household::from_json(
                &json!({"household": {"several_disabled_members": true}, "members": [{}]})
            )
            .is_err()
        );
    }

    #[test]
    fn errors_name_the_field() {
        let cases = [
            (json!({"members": [{"age": 200}]}), "members[0].age"),
            (json!({"members": [{"age": -1}]}), "members[0].age"),
            (json!({"members": [{"age": "old"}]}), "members[0].age"),
            (
                json!({"members": [{}, {"hukou_type": "mars"}]}),
                "members[1].hukou_type",
            ),
            (json!({"members": [{"dibao": true}]}), "members[0].dibao"),
            (
                json!({"members": [{"shoe_size": 42}]}),
                "members[0].shoe_size",
            ),
            (
                json!({"household": {"income_per_capita_month": -5}, "members": [{}]}),
                "household.income_per_capita_month",
            ),
            (
                json!({"household": {"income_per_capita_month": 3.5}, "members": [{}]}),
                "household.income_per_capita_month",
            ),
            (
                json!({"household": {"household_size": 3}, "members": [{}]}),
                "household.household_size",
            ),
        ];
        for (input, path) in cases {
            let err = Household::from_json(&input).unwrap_err();
            assert!(err.to_string().contains(path), "{err} should name {path}");
        }
        assert!(matches!(
            Household::from_json(&json!({"members": []})),
            Err(InputError::NoMembers)
        ));
        let many = json!({"members": vec![json!({}); 31]});
        assert!(matches!(
            Household::from_json(&many),
            Err(InputError::TooManyMembers { count: 31 })
        ));
        assert!(Household::from_json_str("{\"members\": [").is_err());
    }

    /// Money in JSON is a plain decimal string with at most two places, by the same rule
    /// as a typed answer (issue 25): what the README says, and nothing more lenient.
    #[test]
    fn money_is_a_plain_decimal_with_at_most_two_places() {
        let income = |v: Json| {
            Household::from_json(
                &json!({"household": {"income_per_capita_month": v}, "members": [{}]}),
            )
            .map(|h| h.facts.answered().next().map(|(_, v)| v))
        };
        for (ok, want) in [
            ("300", "300"),
            ("850.50", "850.50"),
            ("0.5", "0.5"),
            ("007", "7"),
            ("0", "0"),
        ] {
            let want: Decimal = want.parse().unwrap();
            assert_eq!(income(json!(ok)), Ok(Some(Value::Money(want))), "{ok}");
        }
        assert_eq!(
            income(json!(300)),
            Ok(Some(Value::Money(Decimal::from(300))))
        );
        for bad in [
            "1e2",
            "1_000",
            "+300",
            ".5",
            "5.",
            " 300 ",
            "300 ",
            "-5",
            "1,000",
            "３００",
            "300元",
            "0x10",
            "NaN",
            "",
            "1.2.3",
        ] {
            let e = income(json!(bad)).unwrap_err();
            assert_eq!(
                e.path(),
                Some("household.income_per_capita_month"),
                "{bad}: {e}"
            );
        }
        // Below the fen, and past the fact's bound however many digits.
        for bad in ["649.999999", "649.001", "99999999999", &"9".repeat(400)] {
            let e = income(json!(bad)).unwrap_err();
            assert!(matches!(e, InputError::Answer { .. }), "{bad}: {e}");
        }
    }

    #[test]
    fn echoed_keys_are_capped() {
        let key = "k".repeat(200_000);
        let e = Household::from_json(&json!({"members": [{ key: 1 }]})).unwrap_err();
        assert!(e.to_string().len() < 200, "{e}");
        assert!(e.zh().len() < 200);
        assert!(e.path().unwrap().starts_with("members[0].kkk"));
    }

    #[test]
    fn a_key_given_twice_is_refused() {
        let e = Household::from_json_str(r#"{"members": [{"age": 70, "age": 7}]}"#).unwrap_err();
        assert_eq!(e.path(), Some("members[0].age"), "{e}");
    }
}
