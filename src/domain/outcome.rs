//! What `evaluate` finds: an [`Outcome`] per rule and member (status, the facts still
//! missing, the cash side as a [`CashOut`]) and the [`Report`] that holds them with the
//! facts as evaluated. Plain values: how they are computed is [`super::evaluate`]'s.

use super::condition::{Ctx, Tri};
use super::date::Date;
use super::facts::FactId;
use super::figures::Figure;
use super::household::{Facts, Household};
use super::money::{MoneyRange, Per, Period};
use super::plausible::Basis;
use super::rule::{Paid, Region, Rule};
use super::totals::Totals;
use rust_decimal::Decimal;
use serde::Serialize;

/// The cash side of an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CashOut {
    /// Amount per the stated period; `None` until the facts it needs are answered.
    pub stated: Option<MoneyRange>,
    pub period: Period,
    pub per: Per,
    /// Index of the tier that applies, for tiered amounts (see [`CashOut::tier_index`];
    /// `u16` keeps outcomes small: evaluate writes thousands per keystroke).
    pub tier: Option<u16>,
    /// A rate over a yearly count (days at school): `stated` is already a yearly figure.
    pub over_count: bool,
    /// Money paid, or the value of a fee waived: summed apart, never together.
    pub paid: Paid,
}

impl CashOut {
    /// Index of the tier that applies, for tiered amounts.
    pub fn tier_index(&self) -> Option<usize> {
        self.tier.map(usize::from)
    }
    /// Yearly equivalent (monthly × 12, yearly as is, a rate over days in the year);
    /// `None` for one-off and per-day amounts and until the amount is known.
    pub fn yearly(&self) -> Option<MoneyRange> {
        let s = self.stated?;
        Some(s.scale(Decimal::from(self.yearly_factor()?)))
    }
    /// The whole factor [`CashOut::yearly`] scales by (12 for monthly amounts, 1 for
    /// yearly ones and rates over a yearly count); `None` for one-off and per-day
    /// amounts, which are never silently annualised. The totals scale mantissas by it
    /// instead of building the yearly range.
    #[inline]
    pub fn yearly_factor(&self) -> Option<i128> {
        match self.period {
            Period::Month => Some(12),
            Period::Year => Some(1),
            Period::Day | Period::Once if self.over_count => Some(1),
            Period::Day | Period::Once => None,
        }
    }
    /// Most cash that hangs on this outcome, for ranking (yearly, or the one-off sum;
    /// an open range counted at its minimum); zero while the amount is unknown.
    pub fn at_stake(&self) -> Decimal {
        self.yearly()
            .or(self.once())
            .map_or(Decimal::ZERO, |r| r.max.unwrap_or(r.min))
    }
    /// The one-off amount, for `Period::Once`.
    pub fn once(&self) -> Option<MoneyRange> {
        if self.period == Period::Once {
            self.stated
        } else {
            None
        }
    }
}

/// The result of one rule for one member (or for the household).
#[derive(Debug, Clone)]
pub struct Outcome<'c> {
    pub region: &'c Region,
    pub rule: &'c Rule,
    /// Member index for member-scope rules (see [`Outcome::member_index`]; a household
    /// parsed from JSON has at most 30 members, and a narrow field keeps outcomes small;
    /// `evaluate` considers at most the first 65 535).
    pub member: Option<u16>,
    /// Eligible (yes), not eligible (no) or undetermined (unknown).
    pub status: Tri,
    /// Unanswered facts that could still decide the status or the amount, as a range
    /// of [`Report::missing_pool`] (one shared buffer: no allocation per outcome).
    pub missing: (u32, u32),
    /// `None` for services in kind.
    pub cash: Option<CashOut>,
}

impl Outcome<'_> {
    /// Member index for member-scope rules.
    pub fn member_index(&self) -> Option<usize> {
        self.member.map(usize::from)
    }
}

/// Everything `evaluate` finds.
#[derive(Debug, Clone)]
pub struct Report<'c> {
    pub region: &'c Region,
    pub date: Date,
    /// Regions in force whose document period ended before `date` (their last amounts
    /// are used), nearest first.
    pub dated: Vec<&'c Region>,
    pub outcomes: Vec<Outcome<'c>>,
    /// Totals per member (member-scope rules).
    pub members: Vec<Totals>,
    /// Totals of household-scope rules.
    pub household_rules: Totals,
    /// Whole household: the members' totals plus the household rules'.
    pub total: Totals,
    /// Rules kept for the count but with no resident-facing side.
    pub not_resident_facing: Vec<&'c Rule>,
    /// Storage of every outcome's missing facts.
    pub missing_pool: Vec<FactId>,
    /// Household facts with derived ones filled in, as evaluated.
    pub household_facts: Facts,
    /// Parameter values on `date` of each region in force.
    pub params: Vec<(&'c Region, Vec<Option<Decimal>>)>,
    /// Each member's facts as evaluated: the answers, plus what is assumed of the
    /// member where a fact cannot apply (see [`plausible`]).
    pub member_facts: Vec<Facts>,
    /// What was assumed of each member, and on what basis.
    pub assumed: Vec<Vec<(FactId, Basis)>>,
    /// What follows from the household's own answers (a 低保 family is 家庭经济困难).
    pub household_assumed: Vec<(FactId, Basis)>,
    /// The figures that answered a fact the resident left open (the deployment's or the
    /// document's; see [`figures::provide`]), with where each comes from.
    pub figures: Vec<Figure>,
    /// The name of the deployment whose settings were used, if any.
    pub deployment: Option<String>,
    /// Each answer those figures gave: the fact and the member (`None`: the household).
    pub provided: Vec<(FactId, Option<usize>)>,
}

impl<'c> Report<'c> {
    /// Parameter values of `region` on the report's date (computed once by `evaluate`).
    pub fn params_of(&self, region: &Region) -> &[Option<Decimal>] {
        self.params
            .iter()
            .find(|(r, _)| std::ptr::eq(*r, region))
            .map(|(_, v)| v.as_slice())
            .unwrap_or(&[])
    }

    /// The evaluation context of an outcome.
    pub(crate) fn ctx<'a>(&'a self, o: &Outcome, _household: &'a Household) -> Ctx<'a> {
        Ctx {
            member: o.member_index().and_then(|i| self.member_facts.get(i)),
            household: &self.household_facts,
            members: &self.member_facts,
            params: self.params_of(o.region),
        }
    }

    /// The unanswered facts that could still decide an outcome.
    pub fn missing(&self, o: &Outcome) -> &[FactId] {
        self.missing_pool
            .get(o.missing.0 as usize..o.missing.1 as usize)
            .unwrap_or(&[])
    }
}
