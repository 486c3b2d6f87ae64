//! Shared helpers of the native tests: reading `rules/` and the seed documents.
#![allow(dead_code)]

use estimator::catalog::{Loaded, SourceFile, load};
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Reads every rule file (examples included) the way `build.rs` bundles them.
pub fn rule_files() -> Vec<SourceFile> {
    let mut out = Vec::new();
    walk(&root().join("rules"), &mut out);
    if let Some(only) = regions_filter() {
        out.retain(|f| {
            f.path
                .split('/')
                .next()
                .is_some_and(|d| only.contains(&d.to_string()))
        });
    }
    out
}

/// `RULES_REGIONS=a,b`: limit to those region folders (same filter as build.rs).
pub fn regions_filter() -> Option<Vec<String>> {
    std::env::var("RULES_REGIONS")
        .ok()
        .map(|s| s.split(',').map(|x| x.trim().to_string()).collect())
}

fn walk(dir: &Path, out: &mut Vec<SourceFile>) {
    for e in std::fs::read_dir(dir).expect("rules/ exists").flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml")
            // rules/facts.toml is the fact vocabulary (build.rs), not a rule file.
            && p.parent() != Some(&root().join("rules"))
        {
            let text = std::fs::read_to_string(&p).unwrap();
            let value: toml::Value =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let rel = p
                .strip_prefix(root().join("rules"))
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push(SourceFile {
                path: rel,
                content: serde_json::to_value(value).unwrap(),
            });
        }
    }
}

pub fn loaded() -> Loaded {
    load(rule_files()).unwrap_or_else(|e| panic!("rules/ does not validate: {e}"))
}

/// The seed documents folder: `$SEEDS_DIR`, else `../shared/seeds`. Missing seeds fail
/// the test: the quote check must run in CI, never skip.
pub fn seeds_dir() -> PathBuf {
    let dir = std::env::var_os("SEEDS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/seeds"));
    assert!(
        dir.join("README.md").exists(),
        "seed documents not found at {} (set SEEDS_DIR)",
        dir.display()
    );
    dir
}

/// A worked example's household: its household answers and its `member` or `members`
/// (none: one member who answered nothing). `at` names the example in a panic.
pub fn example_household(
    e: &estimator::catalog::ExampleRef,
    at: &str,
) -> Result<estimator::domain::Household, estimator::domain::InputError> {
    use serde_json::{Map, Value};
    let e = &e.example;
    let mut top = Map::new();
    top.insert(
        "household".into(),
        Value::Object(e.household.clone().into_iter().collect()),
    );
    let members: Vec<Value> = match (&e.member, &e.members) {
        (Some(m), None) => vec![Value::Object(m.clone().into_iter().collect())],
        (None, Some(ms)) => ms
            .iter()
            .map(|m| Value::Object(m.clone().into_iter().collect()))
            .collect(),
        (None, None) => vec![Value::Object(Map::new())],
        (Some(_), Some(_)) => panic!("{at}: give member or members, not both"),
    };
    top.insert("members".into(), Value::Array(members));
    estimator::domain::Household::from_json(&Value::Object(top))
}
