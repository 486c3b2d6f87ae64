//! The presentation layer: what a result looks like, typed, once.
//!
//! The domain computes a [`Report`](crate::domain::Report); [`Estimate::new`] shapes it
//! into the values below, built once per estimate. Everything that shows a result renders
//! from them: the CLI's JSON and the JS API's are their serialisation (schema
//! [`SCHEMA`]), the CLI's table is [`table::render`], and the app's lists read the same
//! values. The TypeScript types of the JS API (`src/js_api.d.ts`) are generated from these
//! types (`ts.rs`, a test that fails when the committed file drifts). Words for people
//! (amounts, counts, who) are in [`words`]; every fixed UI string is in [`msg`].
//!
//! Fields marked `#[serde(skip)]` are typed handles for Rust readers (the table, the
//! app): they are not in the JSON.

pub mod chart;
pub mod msg;
pub mod qr;
pub(crate) mod shape;
pub mod table;
#[cfg(test)]
mod ts;
pub mod verdict;
pub mod words;

pub use msg::Msg;
pub use shape::{Why, catalog, regions, why_of};

use crate::domain::Date;
use crate::domain::facts::FactId;
use crate::domain::money::{MoneyRange, Per, Period};
use crate::domain::rule::{Applicability, Citation, Paid, Text};
use rust_decimal::Decimal;
use serde::Serialize;

/// Schema name and version of an [`Estimate`].
pub const SCHEMA: &str = "benefit-estimate/2";

/// Schema name and version of a [`Catalog`].
pub const CATALOG_SCHEMA: &str = "benefit-catalog/1";

/// An estimate, from `estimate(household)`: schema benefit-estimate/2, as the CLI prints it.
/// What a rule is comes once per rule in `rules`, each distinct list of reasons once in
/// `explanations`; `results` say what holds for each member and point at both.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "EstimateResult"))]
pub struct Estimate<'c> {
    #[cfg_attr(test, ts(type = "\"benefit-estimate/2\""))]
    pub schema: &'static str,
    pub region: RegionName<'c>,
    #[cfg_attr(test, ts(type = "IsoDate"))]
    pub date: Date,
    pub documents: Vec<DocumentUsed<'c>>,
    pub rounding: Text,
    pub totals: AllTotals,
    /// The name of the deployment whose settings answered a fact here, or null.
    pub deployment: Option<String>,
    /// The figures that answered a fact nobody entered: the deployment's settings, else the document's own (dated).
    pub figures: Vec<FigureUsed>,
    /// Every rule evaluated, once, in the order of its first outcome.
    pub rules: Vec<RuleInfo<'c>>,
    /// One per rule and member, except outcomes that are "no" with no near miss (counted in `omitted`).
    pub results: Vec<Outcome<'c>>,
    /// How many "no" outcomes with no near miss were left out of `results`.
    pub omitted: usize,
    /// Each distinct list of reasons; `Outcome.explanation` is an index into it.
    pub explanations: Vec<Vec<Reason>>,
    pub questions: Vec<Question>,
    pub not_resident_facing: Vec<NotResidentFacing<'c>>,
    /// Answers the deployment's or the document's figures gave (fact, member; `None`:
    /// the household): the app offers them for correction.
    #[serde(skip)]
    #[cfg_attr(test, ts(skip))]
    pub provided: Vec<(FactId, Option<usize>)>,
    /// What the engine assumed of each member (not in school at 85): correctable too.
    #[serde(skip)]
    #[cfg_attr(test, ts(skip))]
    pub assumed: Vec<Vec<FactId>>,
}

/// A region's id and name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RegionName<'c> {
    pub id: &'c str,
    pub name: &'c Text,
}

/// A document in force for the estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DocumentUsed<'c> {
    pub region: &'c str,
    #[serde(flatten)]
    #[cfg_attr(test, ts(flatten))]
    pub document: Document<'c>,
    /// The date is past the document's period: its last amounts are used.
    pub dated: bool,
}

/// The totals of the household, of each member and of the household's own rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AllTotals {
    pub household: Totals,
    pub members: Vec<Totals>,
    pub household_rules: Totals,
}

/// Sums over eligible outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Totals {
    /// Cash per year, exact.
    pub yearly: MoneyRange,
    /// One-off cash.
    pub once: MoneyRange,
    pub cash_pending: u32,
    pub cash: u32,
    pub in_kind: u32,
    /// What undetermined outcomes could add per year.
    pub possible_yearly: MoneyRange,
    /// Fees waived and services in kind at a stated value, per year: never cash.
    pub waived_yearly: MoneyRange,
    /// One-off fees waived.
    pub waived_once: MoneyRange,
    /// Waivers counted (not among `cash`).
    pub waived: u32,
    /// `yearly` / 12, rounded to the fen.
    pub monthly: MoneyRange,
}

/// A figure the resident did not enter, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FigureUsed {
    /// A deployment-wide fact (see `Settings`).
    pub fact: &'static str,
    #[cfg_attr(test, ts(type = "Money | boolean | number"))]
    pub value: FactValue,
    /// The year the figure is for.
    pub year: u16,
    #[cfg_attr(test, ts(type = "\"deployment\" | \"document\""))]
    pub origin: &'static str,
    /// The deployment's source ("海东市民政局 2025 年第 3 号通知"); null for a document's figure.
    pub source: Option<String>,
    /// Where the document states it; null for a deployment's figure.
    pub citation: Option<Citation>,
    /// "按本站设定：…（2025 年，…）" or "文件所载 2021 年标准：…".
    pub zh: String,
    pub en: String,
}

/// An answer as JSON writes it: money as a decimal string, a choice as its code.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    Bool(bool),
    Int(i64),
    Money(#[serde(with = "rust_decimal::serde::str")] Decimal),
    Code(&'static str),
    Null,
}

/// A service area, named in both languages.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AreaName<'c> {
    pub id: &'c str,
    pub zh: &'c str,
    pub en: &'c str,
}

/// What a rule is: the same for every member (one per rule in `EstimateResult.rules`).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "RuleInfo"))]
pub struct RuleInfo<'c> {
    pub rule: &'c str,
    pub region: &'c str,
    pub item: &'c str,
    pub area: Option<AreaName<'c>>,
    pub name: &'c Text,
    pub universal: bool,
    pub target: &'c str,
    pub content: &'c Text,
    pub payer: &'c Text,
    pub department: &'c Text,
    pub note: Option<&'c Text>,
    pub source: &'c Citation,
    pub document: &'c str,
    /// The name of the region whose document it comes from.
    #[serde(skip)]
    #[cfg_attr(test, ts(skip))]
    pub region_name: &'c Text,
    /// That document's period, in years (the "why" panel says it).
    #[serde(skip)]
    #[cfg_attr(test, ts(skip))]
    pub years: (i32, i32),
}

/// Field by field, as a derived `PartialEq` would, but a field that is the same
/// reference is equal without reading its text: the app compares each keystroke's
/// estimate with the last, whose rules are the same rules of the same catalog, and
/// comparing their texts byte by byte was a twentieth of a keystroke's work.
impl PartialEq for RuleInfo<'_> {
    fn eq(&self, o: &Self) -> bool {
        fn same<T: PartialEq + ?Sized>(a: &T, b: &T) -> bool {
            std::ptr::eq(a, b) || a == b
        }
        // Destructured, so a field added to RuleInfo cannot be left out of its equality.
        let RuleInfo {
            rule,
            region,
            item,
            area,
            name,
            universal,
            target,
            content,
            payer,
            department,
            note,
            source,
            document,
            region_name,
            years,
        } = self;
        same(*rule, o.rule)
            && same(*region, o.region)
            && same(*item, o.item)
            && *area == o.area
            && same(*name, o.name)
            && *universal == o.universal
            && same(*target, o.target)
            && same(*content, o.content)
            && same(*payer, o.payer)
            && same(*department, o.department)
            && match (note, o.note) {
                (Some(a), Some(b)) => same(*a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && same(*source, o.source)
            && same(*document, o.document)
            && same(*region_name, o.region_name)
            && *years == o.years
    }
}

/// Eligible, not eligible, or still undetermined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Status {
    Yes,
    No,
    Unknown,
}

/// One rule for one member (or the household).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Outcome<'c> {
    /// The rule: its `RuleInfo` in `EstimateResult.rules` has the same `rule`.
    pub rule: &'c str,
    /// Member index, or null for a household rule.
    pub member: Option<u16>,
    pub status: Status,
    pub cash: Option<Cash<'c>>,
    /// Facts still unanswered that decide it.
    pub missing: Vec<&'static str>,
    /// Why: index into `EstimateResult.explanations`.
    pub explanation: usize,
    pub computation: Option<Text>,
    /// Figures this outcome reads that the deployment or the document gave.
    pub figures: Vec<FigureNote>,
    pub near_miss: Option<Text>,
    /// Index of the rule in `rules`.
    #[serde(skip)]
    #[cfg_attr(test, ts(skip))]
    pub rule_at: usize,
    /// The missing facts, typed.
    #[serde(skip)]
    #[cfg_attr(test, ts(skip))]
    pub missing_ids: Vec<FactId>,
}

impl Outcome<'_> {
    /// Member index for member-scope rules.
    pub fn member_index(&self) -> Option<usize> {
        self.member.map(usize::from)
    }
}

/// Money paid, or the value of a fee waived / a service provided in kind.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Cash<'c> {
    /// `waived`: not money paid; counted in `Totals.waived_yearly`, never in `yearly`.
    pub paid: Paid,
    pub stated: Option<MoneyRange>,
    pub period: Period,
    pub per: Per,
    pub yearly: Option<MoneyRange>,
    pub once: Option<MoneyRange>,
    pub tier: Option<&'c Text>,
}

/// A figure an outcome reads, as shown with its amount.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FigureNote {
    pub fact: &'static str,
    pub zh: String,
    pub en: String,
}

/// One line of an explanation: a condition and its truth.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Reason {
    pub depth: u8,
    pub status: Status,
    pub zh: String,
    pub en: String,
}

/// An unanswered fact that can still change an outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Question {
    /// The fact's name, a key of Member or HouseholdFacts.
    pub fact: &'static str,
    pub member: Option<usize>,
    /// How many outcomes it can still change.
    pub rules: u32,
    /// Most yearly cash that hangs on it.
    #[serde(with = "rust_decimal::serde::str")]
    #[cfg_attr(test, ts(type = "Money"))]
    pub amount: Decimal,
    pub zh: &'static str,
    pub en: &'static str,
    pub hint_zh: &'static str,
    pub hint_en: &'static str,
    pub kind: FactKind,
    pub choices: Option<Vec<Choice>>,
    /// The fact, typed.
    #[serde(skip)]
    #[cfg_attr(test, ts(skip))]
    pub id: FactId,
}

/// The type of a fact's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum FactKind {
    Bool,
    Int {
        #[cfg_attr(test, ts(type = "number"))]
        min: i64,
        #[cfg_attr(test, ts(type = "number"))]
        max: i64,
        unit_zh: &'static str,
        unit_en: &'static str,
    },
    Money {
        #[serde(with = "rust_decimal::serde::str")]
        #[cfg_attr(test, ts(type = "Money"))]
        max: Decimal,
    },
    Choice {
        choices: Vec<Choice>,
    },
}

/// One allowed answer of a choice fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Choice {
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

/// A rule kept for the item count that no resident can claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct NotResidentFacing<'c> {
    pub rule: &'c str,
    pub name: &'c Text,
    pub reason: Option<&'c Text>,
}

/// A policy document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "PolicyDocument"))]
pub struct Document<'c> {
    pub file: &'c str,
    pub title: &'c str,
    /// Issuing number such as 冀政发〔2018〕12号, or "".
    pub number: &'c str,
    #[cfg_attr(test, ts(type = "IsoDate"))]
    pub valid_from: Date,
    #[cfg_attr(test, ts(type = "IsoDate"))]
    pub valid_to: Date,
}

/// A service area and how many items the source lists in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Area<'c> {
    pub id: &'c str,
    pub name: &'c Text,
    /// Items the source lists in this area.
    pub items: u32,
}

/// A region, from `regions()`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Region<'c> {
    pub id: &'c str,
    pub name: &'c Text,
    pub parent: Option<&'c str>,
    pub document: Document<'c>,
    /// Rules encoded from its own document.
    pub rules: usize,
    pub areas: Vec<Area<'c>>,
}

/// A region's catalog, from `catalog(region)`: every rule in force there with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Catalog<'c> {
    #[cfg_attr(test, ts(type = "\"benefit-catalog/1\""))]
    pub schema: &'static str,
    pub region: CatalogRegion<'c>,
    /// The region's document and its ancestors', nearest first.
    pub documents: Vec<CatalogDocument<'c>>,
    pub areas: Vec<CatalogArea<'c>>,
    pub rules: Vec<CatalogRule<'c>>,
}

/// The region a catalog is of.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CatalogRegion<'c> {
    pub id: &'c str,
    pub name: &'c Text,
    pub parent: Option<&'c str>,
}

/// A document of a catalog, with the region it is of.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CatalogDocument<'c> {
    pub region: &'c str,
    #[serde(flatten)]
    #[cfg_attr(test, ts(flatten))]
    pub document: Document<'c>,
}

/// An area of a catalog, with the region it is of.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CatalogArea<'c> {
    pub region: &'c str,
    #[serde(flatten)]
    #[cfg_attr(test, ts(flatten))]
    pub area: Area<'c>,
}

/// Whether a fact belongs to one person or to the household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Scope {
    Member,
    Household,
}

/// A rule of a catalog: who it is for, what it gives, where it is cited from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CatalogRule<'c> {
    pub rule: &'c str,
    /// The region whose document the rule comes from.
    pub region: &'c str,
    pub item: &'c str,
    pub area: &'c str,
    pub name: &'c Text,
    pub scope: Scope,
    /// Who it is for, in plain words.
    pub who: Text,
    pub universal: bool,
    /// Whether it pays cash (else a service in kind).
    pub cash: bool,
    pub applicability: &'c Applicability,
    /// 服务对象, verbatim.
    pub target: &'c str,
    pub content: &'c Text,
    pub payer: &'c Text,
    pub department: &'c Text,
    pub note: Option<&'c Text>,
    #[cfg_attr(test, ts(type = "IsoDate | null"))]
    pub valid_from: Option<Date>,
    #[cfg_attr(test, ts(type = "IsoDate | null"))]
    pub valid_to: Option<Date>,
    /// Parent-region rules this one replaces.
    pub replaces: &'c [String],
    pub source: &'c Citation,
    pub document: &'c str,
}

/// What a refused call returns: `{ok: false, error}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ApiError {
    pub code: ApiErrorCode,
    /// JSON path of the field, e.g. "members[1].age"; "" is the request as a whole; null only for "catalog".
    pub path: Option<String>,
    pub message_zh: String,
    pub message_en: String,
}

/// Why a call was refused, as a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum ApiErrorCode {
    Syntax,
    InvalidHousehold,
    UnknownRegion,
    BadDate,
    UnknownField,
    TooLarge,
    NotJson,
    Catalog,
    InvalidSettings,
    /// The region's rules are not loaded yet (`await ready(region)`), or could not be.
    NotLoaded,
}
