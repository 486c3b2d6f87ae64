//! The pure domain: facts, households, conditions, money, rules and `evaluate`.
//! No leptos, no web-sys: everything here is tested natively.

pub mod answer;
pub mod condition;
pub mod date;
pub mod error;
pub mod evaluate;
pub mod facts;
pub mod figures;
pub mod hash;
pub mod household;
pub mod json;
pub mod money;
pub mod plan;
pub mod plausible;
pub mod rule;
pub mod scenarios;
pub mod verify;

pub use condition::{Cond, Tri};
pub use date::Date;
pub use error::InputError;
pub use evaluate::{
    Outcome, Report, Totals, evaluate, evaluate_in, evaluate_unplanned, explain, near_misses,
    questions,
};
pub use figures::{Figure, Settings, SettingsError};
pub use household::Household;
pub use money::MoneyRange;
pub use rule::{Catalog, Lang, Region, Rule, Text};
