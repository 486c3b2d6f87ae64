//! The pure domain: facts, households, conditions, money, rules and `evaluate`.
//! No leptos, no web-sys: everything here is tested natively.
//!
//! Data: [`rule`] (catalog values), [`facts`], [`household`], [`condition`], [`money`].
//! Evaluation: [`engine`] (a catalog with its compiled [`plan`]s) → [`evaluate`] →
//! [`outcome`] and [`totals`] ([`amount`] computes each figure). Read from a report:
//! [`questions`], [`near_miss`], [`explain`].

pub mod amount;
pub mod answer;
pub mod condition;
pub mod date;
pub mod engine;
pub mod error;
pub mod evaluate;
pub mod explain;
pub mod facts;
#[cfg(test)]
mod facts_doc;
pub mod figures;
pub mod hash;
pub mod household;
pub mod json;
pub mod money;
pub mod near_miss;
pub mod outcome;
pub mod plan;
pub mod plausible;
pub mod questions;
pub mod rule;
pub mod scenarios;
pub mod totals;
pub mod verify;

pub use condition::{Cond, Tri};
pub use date::Date;
pub use engine::Engine;
pub use error::InputError;
pub use evaluate::{evaluate, evaluate_in, evaluate_unplanned};
pub use explain::explain;
pub use figures::{Figure, Settings, SettingsError};
pub use household::Household;
pub use money::MoneyRange;
pub use near_miss::near_misses;
pub use outcome::{Outcome, Report};
pub use questions::questions;
pub use rule::{Catalog, Lang, Region, Rule, Text};
pub use totals::Totals;
