//! Files generated from the fact table, and the tests that fail when they drift:
//! `rules/FACTS.md`, the vocabulary for policy analysts, and `rules/facts.lock`, the
//! facts in order with their kinds and choice codes, which only ever grows (a fact's
//! index and a choice's index are what saved households and share links store).
//! `UPDATE_FACTS_MD=1 cargo test --lib facts_doc` rewrites FACTS.md and appends new
//! facts to the lock; it never rewrites a line of the lock.

use super::facts::{FACTS, FactInfo, GROUPS, Kind, Scope};
use super::figures::DEPLOYMENT_WIDE;
use super::plausible::{Assume, LIMITS, LOCAL_FIGURES, Limit};
use std::fmt::Write;
use std::path::PathBuf;

fn path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("rules")
        .join(file)
}

fn updating() -> bool {
    std::env::var_os("UPDATE_FACTS_MD").is_some()
}

/// A table cell: no `|`, no line break.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn kind_text(f: &FactInfo) -> String {
    match &f.kind {
        Kind::Bool => "yes/no".into(),
        Kind::Int {
            min,
            max,
            unit_zh,
            unit_en,
        } => {
            let unit = match (unit_zh.is_empty(), unit_en.is_empty()) {
                (true, _) => String::new(),
                (false, true) => format!(" {unit_zh}"),
                (false, false) => format!(" {unit_zh} / {unit_en}"),
            };
            format!("whole number {min}–{max}{unit}")
        }
        Kind::Money { max } => format!("yuan, 0–{max}"),
        Kind::Choice { choices } => {
            let list: Vec<String> = choices
                .iter()
                .map(|c| format!("`{}` {} {}", c.code, c.zh, c.en))
                .collect();
            format!("one of: {}", list.join("; "))
        }
    }
}

fn assume_text(a: Assume) -> String {
    match a {
        Assume::No => "no".into(),
        Assume::Yes => "yes".into(),
        Assume::Choice(c) => format!("`{c}`"),
        Assume::NotApplicable => "does not apply".into(),
    }
}

fn codes_text(codes: &[&str]) -> String {
    let c: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
    match c.as_slice() {
        [one] if one == "`yes`" => "yes".into(),
        [one] => one.clone(),
        _ => format!("one of {}", c.join(", ")),
    }
}

/// Who is asked the fact: its limits in `plausible`, in words.
fn who(f: &FactInfo) -> String {
    if f.derived {
        return "never asked: computed".into();
    }
    let everyone = match f.scope {
        Scope::Member => "every member",
        Scope::Household => "the household",
    };
    let limits = LIMITS
        .iter()
        .find(|(id, _)| id.info().name == f.name)
        .map_or(&[][..], |(_, l)| *l);
    if limits.is_empty() {
        return everyone.into();
    }
    let parts: Vec<String> = limits
        .iter()
        .map(|l| match *l {
            Limit::Age { min, max, outside } => {
                format!("aged {min}–{max} (else assumed {})", assume_text(outside))
            }
            Limit::Sex { code, outside } => {
                format!("sex `{code}` (else assumed {})", assume_text(outside))
            }
            Limit::Gate {
                fact,
                codes,
                outside,
                ages,
            } => {
                let ages = if ages == (0, 130) {
                    String::new()
                } else {
                    format!(", for those aged {}–{}", ages.0, ages.1)
                };
                format!(
                    "once `{}` is {}{ages} (else assumed {})",
                    fact.info().name,
                    codes_text(codes),
                    assume_text(outside)
                )
            }
            Limit::Implied { fact, codes, value } => format!(
                "not asked when `{}` is {} (then assumed {})",
                fact.info().name,
                codes_text(codes),
                assume_text(value)
            ),
        })
        .collect();
    parts.join("; ")
}

/// `rules/FACTS.md` as the table makes it.
pub fn facts_md() -> String {
    let mut o = String::from(
        "# Facts\n\n\
         <!-- GENERATED from rules/facts.toml by `UPDATE_FACTS_MD=1 cargo test --lib facts_doc`:\n\
         edit that file, never this one. -->\n\n\
         What a household can state, and so what a rule may read (`fact = \"…\"` in a\n\
         condition). A **member** fact is asked of each person, a **household** fact once.\n\
         Every fact may be left unanswered; unanswered is never read as \"no\". *Who is\n\
         asked*: a member outside a limit is not asked; the app assumes the value shown and\n\
         says so, and the member's own answer always wins. *Deployment-wide*: a deployment\n\
         may set the fact for everyone it serves, and a region's document may state it\n\
         (`[[figures]]`); a *local figure* is one a resident cannot know and is never among\n\
         the main questions.\n\n",
    );
    let _ = writeln!(o, "{} facts in {} groups.\n", FACTS.len(), GROUPS.len());
    for g in GROUPS {
        let facts: Vec<&FactInfo> = FACTS.iter().filter(|f| f.group == *g).collect();
        if facts.is_empty() {
            continue;
        }
        let _ = writeln!(o, "## {g}\n");
        o += "| Fact | Scope | Answer | Question | Hint | Who is asked | Deployment-wide |\n";
        o += "|---|---|---|---|---|---|---|\n";
        for f in facts {
            let scope = match f.scope {
                Scope::Member => "member",
                Scope::Household => "household",
            };
            let hint = match (f.hint_zh.is_empty(), f.hint_en.is_empty()) {
                (true, true) => String::new(),
                _ => format!("{}<br>{}", cell(f.hint_zh), cell(f.hint_en)),
            };
            let wide = if LOCAL_FIGURES.contains(&f.name) {
                "yes, local figure"
            } else if DEPLOYMENT_WIDE.contains(&f.name) {
                "yes"
            } else {
                ""
            };
            let _ = writeln!(
                o,
                "| `{}` | {scope} | {} | {}<br>{} | {hint} | {} | {wide} |",
                f.name,
                cell(&kind_text(f)),
                cell(f.zh),
                cell(f.en),
                cell(&who(f)),
            );
        }
        o += "\n";
    }
    o.pop();
    o
}

/// One line of `rules/facts.lock`: what a saved index means.
fn lock_line(f: &FactInfo) -> String {
    match &f.kind {
        Kind::Bool => format!("{} bool", f.name),
        Kind::Int { .. } => format!("{} int", f.name),
        Kind::Money { .. } => format!("{} money", f.name),
        Kind::Choice { choices } => {
            let codes: Vec<&str> = choices.iter().map(|c| c.code).collect();
            format!("{} choice {}", f.name, codes.join(" "))
        }
    }
}

const LOCK_HEAD: &str = "\
# GENERATED, APPEND-ONLY: every fact in the order of rules/facts.toml, with its kind and
# choice codes. Saved households and share links store a fact by its position and a
# choice by its position, so no line here may change; a new fact, or a new choice at the
# end of a fact's choices, is appended by `UPDATE_FACTS_MD=1 cargo test --lib facts_doc`.
";

#[test]
fn facts_md_is_generated_from_the_table() {
    let want = facts_md();
    let p = path("FACTS.md");
    if updating() {
        std::fs::write(&p, &want).expect("write rules/FACTS.md");
        return;
    }
    let have = std::fs::read_to_string(&p).unwrap_or_default();
    assert!(
        have == want,
        "rules/FACTS.md is out of date: run `UPDATE_FACTS_MD=1 cargo test --lib facts_doc`"
    );
}

#[test]
fn order_is_append_only() {
    let p = path("facts.lock");
    let text = std::fs::read_to_string(&p).unwrap_or_default();
    let locked: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    let now: Vec<String> = FACTS.iter().map(lock_line).collect();
    for (i, (was, is)) in locked.iter().zip(&now).enumerate() {
        // A choice may gain codes at its end; nothing else may change.
        let grown =
            is.starts_with(was) && is[was.len()..].starts_with(' ') && is.contains(" choice ");
        assert!(
            *was == is || grown,
            "fact {i} was `{was}` and is now `{is}`: facts and choices are append-only \
             (saved households and share links store positions); restore it in rules/facts.toml"
        );
    }
    assert!(
        now.len() >= locked.len(),
        "rules/facts.toml lost facts: {} locked, {} now",
        locked.len(),
        now.len()
    );
    if now.len() > locked.len() || (updating() && now.iter().zip(&locked).any(|(a, b)| a != b)) {
        assert!(
            updating(),
            "new facts: run `UPDATE_FACTS_MD=1 cargo test --lib facts_doc` to append them to \
             rules/facts.lock"
        );
        let mut out = String::from(LOCK_HEAD);
        for l in &now {
            out += l;
            out += "\n";
        }
        std::fs::write(&p, out).expect("write rules/facts.lock");
    }
}
