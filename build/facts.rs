//! `rules/facts.toml` → `$OUT_DIR/facts.rs`: the fact table (`FACTS`), a constant per fact
//! (`id::AGE`), and the deployment-wide and local-figure lists, all checked here so a
//! mistake in the vocabulary fails the build with the fact and the field it is in.

use serde::Deserialize;
use std::collections::HashSet;
use std::fmt::Write;

/// `rules/facts.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactsFile {
    pub groups: Vec<String>,
    pub deployment_wide: Vec<String>,
    pub local_figures: Vec<String>,
    pub facts: Vec<RawFact>,
    /// Whom each fact can apply to, in the order they are applied.
    #[serde(default)]
    pub limits: Vec<RawLimits>,
}

/// One `[[limits]]` entry: a fact and its limits.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLimits {
    pub fact: String,
    pub only: Vec<RawLimit>,
}

/// One limit: exactly one of `age`, `sex`, `gate`, `implied_by`, with the keys it takes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLimit {
    pub age: Option<[i64; 2]>,
    pub sex: Option<String>,
    pub gate: Option<String>,
    pub implied_by: Option<String>,
    pub is: Option<Vec<String>>,
    #[serde(rename = "else")]
    pub otherwise: Option<String>,
    pub then: Option<String>,
    pub ages: Option<[i64; 2]>,
}

/// One `[[facts]]` entry.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    pub name: String,
    pub scope: RawScope,
    pub group: String,
    pub kind: RawKind,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub unit_zh: Option<String>,
    pub unit_en: Option<String>,
    #[serde(default)]
    pub choices: Vec<RawChoice>,
    #[serde(default)]
    pub derived: bool,
    pub zh: String,
    pub en: String,
    #[serde(default)]
    pub hint_zh: String,
    #[serde(default)]
    pub hint_en: String,
}

#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum RawScope {
    Member,
    Household,
}

#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum RawKind {
    Bool,
    Int,
    Money,
    Choice,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub code: String,
    pub zh: String,
    pub en: String,
}

fn snake(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Every mistake in the file, each naming the fact and the field.
pub fn check(f: &FactsFile) -> Vec<String> {
    let mut errors = Vec::new();
    let mut e = |fact: &str, field: &str, msg: String| {
        errors.push(format!("rules/facts.toml: fact {fact:?}, {field}: {msg}"))
    };
    let mut names = HashSet::new();
    if f.facts.len() > usize::from(u16::MAX) {
        e("-", "facts", "more facts than a FactId holds".into());
    }
    for x in &f.facts {
        let n = x.name.as_str();
        if !snake(n) {
            e(
                n,
                "name",
                "not snake_case (a–z, 0–9, _, starting with a letter)".into(),
            );
        }
        if !names.insert(n) {
            e(n, "name", "a second fact of this name".into());
        }
        if !f.groups.contains(&x.group) {
            e(n, "group", format!("{:?} is not one of `groups`", x.group));
        }
        if x.zh.trim().is_empty() || x.en.trim().is_empty() {
            e(
                n,
                "zh/en",
                "the question needs a label in both languages".into(),
            );
        }
        let int = x.kind == RawKind::Int;
        let money = x.kind == RawKind::Money;
        let choice = x.kind == RawKind::Choice;
        if !int && (x.min.is_some() || x.unit_zh.is_some() || x.unit_en.is_some()) {
            e(n, "min/unit_zh/unit_en", "only for kind = \"int\"".into());
        }
        if !(int || money) && x.max.is_some() {
            e(n, "max", "only for kind = \"int\" or \"money\"".into());
        }
        if !choice && !x.choices.is_empty() {
            e(n, "choices", "only for kind = \"choice\"".into());
        }
        match x.kind {
            RawKind::Int => match (x.min, x.max) {
                (Some(lo), Some(hi)) if lo < hi => {}
                (Some(_), Some(_)) => e(n, "min/max", "min must be below max".into()),
                _ => e(n, "min/max", "an int needs both".into()),
            },
            RawKind::Money => match x.max {
                Some(m) if m > 0 => {}
                _ => e(n, "max", "money needs a positive max".into()),
            },
            RawKind::Choice => {
                if x.choices.is_empty() {
                    e(n, "choices", "a choice needs choices".into());
                }
                // Choice values are a `u8`, and `plausible` masks them in a `u64`.
                if x.choices.len() > 64 {
                    e(n, "choices", "at most 64".into());
                }
                let mut codes = HashSet::new();
                for c in &x.choices {
                    if !snake(&c.code) {
                        e(n, "choices", format!("code {:?} is not snake_case", c.code));
                    }
                    if !codes.insert(c.code.as_str()) {
                        e(n, "choices", format!("code {:?} twice", c.code));
                    }
                    if c.zh.trim().is_empty() || c.en.trim().is_empty() {
                        e(n, "choices", format!("{:?} needs zh and en", c.code));
                    }
                }
            }
            RawKind::Bool => {}
        }
    }
    for (list, names_in) in [
        ("deployment_wide", &f.deployment_wide),
        ("local_figures", &f.local_figures),
    ] {
        let mut seen = HashSet::new();
        for n in names_in {
            if !names.contains(n.as_str()) {
                e(n, list, "not a fact".into());
            }
            if !seen.insert(n) {
                e(n, list, "listed twice".into());
            }
        }
    }
    for n in &f.local_figures {
        if !f.deployment_wide.contains(n) {
            e(
                n,
                "local_figures",
                "a local figure must be deployment-wide".into(),
            );
        }
    }
    let mut groups = HashSet::new();
    for g in &f.groups {
        if !groups.insert(g) {
            e("-", "groups", format!("{g:?} twice"));
        }
    }
    let find = |n: &str| f.facts.iter().find(|x| x.name == n);
    let mut limited: Vec<&str> = Vec::new();
    for l in &f.limits {
        let n = l.fact.as_str();
        let Some(fact) = find(n) else {
            e(n, "limits", "not a fact".into());
            continue;
        };
        if limited.contains(&n) {
            e(
                n,
                "limits",
                "listed twice: give one entry every limit".into(),
            );
        }
        for (i, x) in l.only.iter().enumerate() {
            let field = format!("limits, only[{i}]");
            let mut err = |msg: String| e(n, &field, msg);
            let which = [
                x.age.is_some(),
                x.sex.is_some(),
                x.gate.is_some(),
                x.implied_by.is_some(),
            ];
            if which.iter().filter(|b| **b).count() != 1 {
                err("give exactly one of age, sex, gate, implied_by".into());
                continue;
            }
            let (assume, key) = if x.implied_by.is_some() {
                if x.otherwise.is_some() {
                    err("implied_by takes `then`, not `else`".into());
                }
                (x.then.as_deref(), "then")
            } else {
                if x.then.is_some() {
                    err("only implied_by takes `then`".into());
                }
                (x.otherwise.as_deref(), "else")
            };
            match assume {
                None => err(format!("`{key}` is missing: what is assumed")),
                Some(a) if assumed_fits(fact, a) => {}
                Some(a) => err(format!("`{key} = {a:?}` does not fit the fact's kind")),
            }
            if x.ages.is_some() && x.gate.is_none() {
                err("only a gate takes `ages`".into());
            }
            if x.is.is_some() && x.gate.is_none() && x.implied_by.is_none() {
                err("only gate and implied_by take `is`".into());
            }
            for [lo, hi] in [x.age, x.ages].into_iter().flatten() {
                if lo > hi || lo < 0 {
                    err(format!("[{lo}, {hi}] is not an age band"));
                }
            }
            if let Some(code) = &x.sex
                && find("sex").is_none_or(|s| !s.choices.iter().any(|c| &c.code == code))
            {
                err(format!("{code:?} is not a choice of `sex`"));
            }
            if let Some(g) = x.gate.as_deref().or(x.implied_by.as_deref()) {
                let Some(gf) = find(g) else {
                    err(format!("{g:?} is not a fact"));
                    continue;
                };
                let codes = x.is.as_deref().unwrap_or_default();
                if codes.is_empty() {
                    err("`is` lists the answers that open it".into());
                }
                for c in codes {
                    let ok = match gf.kind {
                        RawKind::Bool => c == "yes",
                        RawKind::Choice => gf.choices.iter().any(|x| &x.code == c),
                        _ => false,
                    };
                    if !ok {
                        err(format!(
                            "{c:?} is not an answer of {g:?} (\"yes\" or a choice code)"
                        ));
                    }
                }
                // Applied in order: a gate that is itself limited must be settled first.
                if f.limits.iter().any(|o| o.fact == g) && !limited.contains(&g) {
                    err(format!("{g:?} is limited too: list it before {n:?}"));
                }
            }
        }
        limited.push(n);
    }
    errors
}

/// Whether `a` can be assumed of `fact`.
fn assumed_fits(fact: &RawFact, a: &str) -> bool {
    a == "not_applicable"
        || match fact.kind {
            RawKind::Bool => a == "yes" || a == "no",
            RawKind::Choice => fact.choices.iter().any(|c| c.code == a),
            _ => false,
        }
}

/// The Rust source of `LIMITS`, included by `src/domain/plausible.rs`.
pub fn generate_limits(f: &FactsFile) -> String {
    let q = |s: &str| format!("{s:?}");
    let id = |n: &str| format!("id::{}", n.to_ascii_uppercase());
    let codes = |c: &Option<Vec<String>>| {
        let c: Vec<String> = c.iter().flatten().map(|x| q(x)).collect();
        format!("&[{}]", c.join(", "))
    };
    let assume = |fact: &str, a: &str| -> String {
        let bool_fact = f
            .facts
            .iter()
            .any(|x| x.name == fact && x.kind == RawKind::Bool);
        match a {
            "not_applicable" => "Assume::NotApplicable".into(),
            "yes" if bool_fact => "Assume::Yes".into(),
            "no" if bool_fact => "Assume::No".into(),
            code => format!("Assume::Choice({})", q(code)),
        }
    };
    let mut o = String::from(
        "// @generated by build.rs from rules/facts.toml ([[limits]]): edit that file.\n\n\
         /// The limits of each fact that has any, in the order they are applied (gates before\n\
         /// what they gate).\n\
         pub static LIMITS: &[(FactId, &[Limit])] = &[\n",
    );
    for l in &f.limits {
        let n = l.fact.as_str();
        let _ = write!(o, "    ({}, &[", id(n));
        for x in &l.only {
            let a = assume(
                n,
                x.otherwise.as_deref().or(x.then.as_deref()).unwrap_or(""),
            );
            let _ = if let Some([min, max]) = x.age {
                write!(o, "Limit::Age {{ min: {min}, max: {max}, outside: {a} }}, ")
            } else if let Some(code) = &x.sex {
                write!(o, "Limit::Sex {{ code: {}, outside: {a} }}, ", q(code))
            } else if let Some(g) = &x.gate {
                let [lo, hi] = x.ages.unwrap_or([0, 130]);
                write!(
                    o,
                    "Limit::Gate {{ fact: {}, codes: {}, outside: {a}, ages: ({lo}, {hi}) }}, ",
                    id(g),
                    codes(&x.is)
                )
            } else if let Some(g) = &x.implied_by {
                write!(
                    o,
                    "Limit::Implied {{ fact: {}, codes: {}, value: {a} }}, ",
                    id(g),
                    codes(&x.is)
                )
            } else {
                Ok(())
            };
        }
        o += "]),\n";
    }
    o += "];\n";
    o
}

/// The Rust source of the table, included by `src/domain/facts.rs`.
pub fn generate(f: &FactsFile) -> String {
    let q = |s: &str| format!("{s:?}");
    let mut o = String::from(
        "// @generated by build.rs from rules/facts.toml: edit that file, never this one.\n\n\
         /// Every fact, in the order of rules/facts.toml (a fact's index is its number in\n\
         /// saved households and share links).\n\
         pub static FACTS: &[FactInfo] = &[\n",
    );
    for x in &f.facts {
        let scope = match x.scope {
            RawScope::Member => "Scope::Member",
            RawScope::Household => "Scope::Household",
        };
        let kind = match x.kind {
            RawKind::Bool => "Kind::Bool".to_string(),
            RawKind::Int => format!(
                "Kind::Int {{ min: {}, max: {}, unit_zh: {}, unit_en: {} }}",
                x.min.unwrap_or(0),
                x.max.unwrap_or(0),
                q(x.unit_zh.as_deref().unwrap_or("")),
                q(x.unit_en.as_deref().unwrap_or("")),
            ),
            RawKind::Money => format!("Kind::Money {{ max: {} }}", x.max.unwrap_or(0)),
            RawKind::Choice => {
                let mut s = String::from("Kind::Choice { choices: &[");
                for c in &x.choices {
                    let _ = write!(
                        s,
                        "Choice {{ code: {}, zh: {}, en: {} }}, ",
                        q(&c.code),
                        q(&c.zh),
                        q(&c.en)
                    );
                }
                s + "] }"
            }
        };
        let _ = writeln!(
            o,
            "    FactInfo {{ name: {}, scope: {scope}, kind: {kind}, group: {}, zh: {}, en: {}, \
             hint_zh: {}, hint_en: {}, derived: {} }},",
            q(&x.name),
            q(&x.group),
            q(&x.zh),
            q(&x.en),
            q(&x.hint_zh),
            q(&x.hint_en),
            x.derived,
        );
    }
    o += "];\n\n/// A constant per fact, named after it: `id::AGE` is `age`.\npub mod id {\n    use super::FactId;\n";
    for (i, x) in f.facts.iter().enumerate() {
        let _ = writeln!(
            o,
            "    /// `{}`: {}\n    pub const {}: FactId = FactId({i});",
            x.name,
            x.en.replace('`', "'"),
            x.name.to_ascii_uppercase()
        );
    }
    o += "}\n\n";
    for (name, doc, list) in [
        (
            "DEPLOYMENT_WIDE",
            "The facts a deployment (or a document) may answer for everyone, in the order of\n/// rules/facts.toml's `deployment_wide`.",
            &f.deployment_wide,
        ),
        (
            "LOCAL_FIGURES",
            "Figures a resident cannot know as a fact: never among the main questions.",
            &f.local_figures,
        ),
    ] {
        let _ = writeln!(o, "/// {doc}\npub const {name}: &[&str] = &[");
        for n in list {
            let _ = writeln!(o, "    {},", q(n));
        }
        o += "];\n";
        let _ = writeln!(
            o,
            "/// [`{name}`] as ids.\npub const {name}_IDS: &[FactId] = &["
        );
        for n in list {
            let _ = writeln!(o, "    id::{},", n.to_ascii_uppercase());
        }
        o += "];\n\n";
    }
    o += "/// The groups a fact may belong to, in the order of rules/facts.toml.\npub const GROUPS: &[&str] = &[";
    for g in &f.groups {
        let _ = write!(o, "{}, ", q(g));
    }
    o += "];\n";
    o
}
