//! The raw mirror of the rule files: exactly what a file may contain, nothing typed.
//! `deny_unknown_fields` everywhere, so a misspelt key is an error, not a silent gap.

use serde::Deserialize;
use std::collections::BTreeMap;

/// `rules/<region>/region.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegionFile {
    pub region: RawRegion,
    pub document: RawDocument,
    #[serde(default)]
    pub areas: Vec<RawArea>,
    #[serde(default)]
    pub params: Vec<RawParam>,
    /// Figures the document states for deployment-wide facts (`[[figures]]`).
    #[serde(default)]
    pub figures: Vec<RawFigure>,
}

/// `[[figures]]`: a figure the document states, e.g. the 2021 urban 低保 standard.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    /// A deployment-wide fact (`deployment_wide` in `rules/facts.toml`).
    pub fact: String,
    /// As the fact's answer is written: `"672"`, `"true"`, `"200"`.
    pub value: String,
    /// The year the document says the figure is for.
    pub year: u32,
    pub source: RawSource,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegion {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub parent: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub file: String,
    pub title: String,
    #[serde(default)]
    pub number: String,
    pub valid_from: String,
    pub valid_to: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawArea {
    pub id: String,
    pub zh: String,
    pub en: String,
    /// How many items the source lists in this area.
    pub items: u32,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParam {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub schedule: Option<Vec<RawScheduleEntry>>,
    pub scaled: Option<RawScaled>,
    pub source: Option<RawSource>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScheduleEntry {
    pub from: String,
    pub value: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScaled {
    pub factor: String,
    pub of: String,
}

/// One rule file after the format check, as the validation step takes it.
#[derive(Debug)]
pub enum RawFile {
    Region(Box<RawRegionFile>),
    Rules(Vec<RawRule>),
}

/// Any other `.toml` in a region folder: a list of rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRulesFile {
    pub rules: Vec<serde_json::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: String,
    pub item: String,
    pub area: String,
    pub zh: String,
    pub en: String,
    pub target: String,
    pub content: String,
    pub content_en: String,
    pub payer: String,
    #[serde(default)]
    pub payer_en: String,
    pub department: String,
    #[serde(default)]
    pub department_en: String,
    #[serde(default)]
    pub scope: Option<String>,
    /// Condition expression; absent = universal.
    pub when: Option<String>,
    pub amount: Option<RawAmount>,
    pub note: Option<String>,
    pub note_en: Option<String>,
    pub not_resident_facing: Option<String>,
    pub not_resident_facing_en: Option<String>,
    #[serde(default)]
    pub replaces: Vec<String>,
    /// The rule is in force only from / until these dates (inclusive), when the
    /// document says an entitlement starts or ends within its period.
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub source: Option<RawSource>,
    #[serde(default)]
    pub examples: Vec<RawExample>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub file: String,
    pub item: String,
    pub lines: [u32; 2],
    pub quote: Vec<String>,
}

/// A cash amount: exactly one of `fixed`, `range`, `at_least`, `up_to`, `rate`, `gap`,
/// or `tiers` (whose entries carry their own shape).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAmount {
    /// `cash` (default: money paid out) or `waived` (the value of a fee waived or of a
    /// service provided in kind: 减免 / 免除 / 免费提供 with a per-person value).
    pub kind: Option<String>,
    pub period: Option<String>,
    pub per: Option<String>,
    pub decided_by: Option<String>,
    pub decided_by_en: Option<String>,
    pub tiers: Option<Vec<RawTier>>,
    pub fixed: Option<String>,
    pub range: Option<[String; 2]>,
    pub at_least: Option<String>,
    pub up_to: Option<String>,
    pub rate: Option<String>,
    pub count: Option<String>,
    pub gap: Option<RawGap>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGap {
    pub standard: String,
    pub income: String,
    #[serde(default)]
    pub times_household: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTier {
    pub zh: String,
    pub en: String,
    pub when: String,
    pub period: Option<String>,
    pub per: Option<String>,
    pub fixed: Option<String>,
    pub range: Option<[String; 2]>,
    pub at_least: Option<String>,
    pub up_to: Option<String>,
    pub rate: Option<String>,
    pub count: Option<String>,
    pub gap: Option<RawGap>,
    pub decided_by: Option<String>,
    pub decided_by_en: Option<String>,
}

/// A worked example: a household in, an outcome out.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    pub name: String,
    #[serde(default)]
    pub household: BTreeMap<String, serde_json::Value>,
    /// One member (shorthand) …
    pub member: Option<BTreeMap<String, serde_json::Value>>,
    /// … or several; the outcome checked is that of `member_index` (default 0).
    pub members: Option<Vec<BTreeMap<String, serde_json::Value>>>,
    pub member_index: Option<usize>,
    /// Evaluation date; default the last day of the document's period.
    pub date: Option<String>,
    /// `eligible`, `not_eligible` or `undetermined`.
    pub expect: String,
    /// Amount per the stated period: `"1000"`, `"500..1000"`, `"300.."`.
    pub amount: Option<String>,
    /// Yearly equivalent.
    pub yearly: Option<String>,
}
