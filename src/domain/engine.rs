//! The [`Engine`]: a catalog with what evaluation compiles from it, built once and owned
//! together, so no compiled program can outlive or disagree with the rules it came from.
//!
//! Per region, a [`Program`]: the rules in force there (its own and its ancestors' that
//! none nearer replaces) laid out side by side for `evaluate`'s loop, each with its
//! condition compiled as a [`Plan`].

use super::amount::cash_shape;
use super::date::Date;
use super::facts::Scope;
use super::outcome::CashOut;
use super::plan::Plan;
use super::rule::{Amount, Applicability, Catalog, Region, in_period};

/// A catalog and its compiled programs (one per region, in the catalog's order). The
/// catalog cannot be changed in place: build a new engine from a changed catalog.
///
/// An engine reads as its catalog (`engine.region("hebei")`, `engine.regions`): it is
/// that catalog, made ready to evaluate.
#[derive(Debug, Clone, Default)]
pub struct Engine {
    catalog: Catalog,
    programs: Vec<Program>,
}

impl Engine {
    /// Compiles every region's rules in force.
    pub fn new(catalog: Catalog) -> Engine {
        let programs = catalog
            .regions
            .iter()
            .map(|r| Program::new(&catalog, r))
            .collect();
        Engine { catalog, programs }
    }

    /// The catalog the engine was built from.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The compiled rules of `region` (`None` if it is not one of the engine's own
    /// regions, by identity: a copy or another catalog's region is compiled on the fly).
    pub(crate) fn program(&self, region: &Region) -> Option<&Program> {
        let i = self
            .catalog
            .regions
            .iter()
            .position(|r| std::ptr::eq(r, region))?;
        self.programs.get(i)
    }
}

impl std::ops::Deref for Engine {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        &self.catalog
    }
}

impl From<Catalog> for Engine {
    fn from(c: Catalog) -> Engine {
        Engine::new(c)
    }
}

/// A region's rules in force (its own and its ancestors' that none nearer replaces, in
/// [`Catalog::effective_rules`] order), laid out for `evaluate`: what its loop over the
/// rules reads, side by side, instead of scattered over rules of 800 bytes each (the
/// first touch of each rule was a cache miss).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Program {
    pub(crate) entries: Vec<Entry>,
}

/// One rule of a [`Program`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// The rule's condition compiled (`None`: evaluated from the tree).
    pub plan: Option<Plan>,
    /// The rule's amount (a copy: computing it then reads no `Rule`).
    pub amount: Amount,
    /// The cash shape of an outcome that is not met (`None`: in kind).
    pub shape: Option<CashOut>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    /// The rule's region, as an index into [`Catalog::chain`] of the program's region.
    pub depth: u8,
    /// The rule's index in its region's rules.
    pub index: u32,
    pub scope: Scope,
    pub resident: bool,
}

impl Program {
    /// Compiles the rules in force in `region`.
    pub fn new(catalog: &Catalog, region: &Region) -> Program {
        let chain = catalog.chain(region);
        let entries = catalog
            .effective_rules(region)
            .into_iter()
            .filter_map(|(reg, rule)| {
                let depth = chain.iter().position(|r| std::ptr::eq(*r, reg))?;
                let index = reg.rules.iter().position(|r| std::ptr::eq(r, rule))?;
                Some(Entry {
                    plan: Plan::new(&rule.when, &rule.amount),
                    amount: rule.amount.clone(),
                    shape: cash_shape(&rule.amount),
                    valid_from: rule.valid_from,
                    valid_to: rule.valid_to,
                    depth: u8::try_from(depth).ok()?,
                    index: u32::try_from(index).ok()?,
                    scope: rule.scope,
                    resident: matches!(rule.applicability, Applicability::Resident),
                })
            })
            .collect();
        Program { entries }
    }
}

impl Entry {
    /// Whether the rule is in force on `date`.
    #[inline]
    pub fn in_force(&self, date: Date) -> bool {
        in_period(self.valid_from, self.valid_to, date)
    }
}
