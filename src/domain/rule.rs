//! Typed catalog values: regions, their documents, parameters and rules. Plain data:
//! built by the catalog layer after validation; what evaluation compiles from them is
//! the [`super::engine::Engine`]'s, so changing a value here can leave nothing stale.

use super::condition::{Cond, ParamId};
use super::date::Date;
use super::facts::{FactId, Scope};
use super::money::{Per, Period};
use rust_decimal::Decimal;
use serde::Serialize;

/// Text in Chinese and English. Quotes of the documents stay Chinese in both.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En if self.en.is_empty() => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// Display language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Where a rule comes from: file, item, lines and the words it encodes.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Seed file name, e.g. `002_c01123605e29fb57.txt`.
    pub file: String,
    /// Item number in the source list (or a body-text section such as `正文`).
    pub item: String,
    /// First and last line (1-based, inclusive) of the quoted words.
    pub lines: (u32, u32),
    /// Verbatim quotes; each occurs in `lines` (whitespace ignored).
    pub quotes: Vec<String>,
}

/// The policy document a region's catalog encodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    pub file: String,
    pub title: String,
    /// Issuing number such as 冀政发〔2018〕12号, if any.
    pub number: String,
    pub valid_from: Date,
    pub valid_to: Date,
}

/// A service area (服务领域) and how many items the source lists in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Area {
    pub id: String,
    pub name: Text,
    pub items: u32,
}

/// A named amount used by rules (e.g. a 低保 standard), possibly dated or derived.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Param {
    pub id: String,
    pub label: Text,
    pub def: ParamDef,
    pub citation: Option<Citation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamDef {
    /// Values from a date on; the latest entry not after the evaluation date applies.
    Schedule(Vec<(Date, Decimal)>),
    /// `factor ×` another parameter of the same region (declared before it).
    Scaled {
        factor: Decimal,
        #[serde(skip)]
        of: ParamId,
        of_name: String,
    },
}

/// A number an amount is computed from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueRef {
    Lit(Decimal),
    Param(ParamId),
    Fact(FactId),
    /// `factor ×` another value (特困: 1.5 × the city 低保 standard).
    Scaled(Decimal, Box<ValueRef>),
}

/// The shape of a cash amount.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeafKind {
    Fixed(ValueRef),
    /// A range whose exact figure is set locally (`decided_by` says who).
    Range {
        min: ValueRef,
        max: ValueRef,
    },
    /// 不少于: at least.
    AtLeast(ValueRef),
    /// 不超过 / 最高: at most.
    UpTo(ValueRef),
    /// `rate ×` a count the resident knows (e.g. days at school).
    Rate {
        rate: ValueRef,
        count: FactId,
    },
    /// (standard − income per person) × household size, never below zero (低保 top-up).
    Gap {
        standard: ValueRef,
        income: ValueRef,
        times_household: bool,
    },
}

/// Whether an amount is money paid to the resident or the value of something they do
/// not pay for: the two are never summed together.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Paid {
    /// Money paid out (补贴, 补助, 津贴…).
    #[default]
    Cash,
    /// A fee waived or a service provided in kind, at a stated value (减免, 免除, 免费提供).
    Waived,
}

/// A cash amount with its period and unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leaf {
    pub kind: LeafKind,
    /// Money paid, or the value of a fee waived.
    pub paid: Paid,
    pub period: Period,
    pub per: Per,
    /// Who sets the exact figure, for ranges and local standards.
    pub decided_by: Option<Text>,
}

/// One tier of a tiered amount; the first tier whose condition holds applies.
#[derive(Debug, Clone, PartialEq)]
pub struct Tier {
    pub label: Text,
    pub when: Cond,
    pub leaf: Leaf,
}

/// What a rule gives.
#[derive(Debug, Clone, PartialEq)]
pub enum Amount {
    /// A service in kind, no cash amount in the document.
    InKind,
    Cash(Leaf),
    Tiers(Vec<Tier>),
}

/// Whether a rule can apply to a resident at all.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Applicability {
    Resident,
    /// A duty of government or of employers with no resident-facing entitlement;
    /// kept so the item count matches the source.
    NotResidentFacing {
        reason: Text,
    },
}

/// One item of a source list, encoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub id: String,
    pub area: String,
    pub name: Text,
    /// 服务对象, verbatim.
    pub target: String,
    /// 服务内容 / 服务标准, verbatim Chinese, with an English summary.
    pub content: Text,
    pub scope: Scope,
    pub when: Cond,
    pub amount: Amount,
    /// 支出责任.
    pub payer: Text,
    /// 牵头负责单位.
    pub department: Text,
    /// How vague words were read and who decides them.
    pub note: Option<Text>,
    pub applicability: Applicability,
    pub citation: Citation,
    /// Ids of parent-region rules this one replaces.
    pub replaces: Vec<String>,
    /// First and last day the rule is in force, if the document limits it.
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
}

impl Rule {
    pub fn is_universal(&self) -> bool {
        matches!(self.when, Cond::True)
    }
    pub fn has_cash(&self) -> bool {
        !matches!(self.amount, Amount::InKind)
    }
    /// Whether the rule is in force on `date`.
    pub fn in_force(&self, date: Date) -> bool {
        in_period(self.valid_from, self.valid_to, date)
    }
}

/// Whether `date` lies in a period whose first and last days may be open.
#[inline]
pub(crate) fn in_period(from: Option<Date>, to: Option<Date>, date: Date) -> bool {
    from.is_none_or(|f| f <= date) && to.is_none_or(|t| date <= t)
}

/// One jurisdiction's catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub id: String,
    pub name: Text,
    pub parent: Option<String>,
    pub document: Document,
    pub areas: Vec<Area>,
    pub params: Vec<Param>,
    /// Figures the document itself states for deployment-wide facts (a dated 低保
    /// standard): the default when neither the resident nor the deployment gives one.
    pub figures: Vec<super::figures::Figure>,
    pub rules: Vec<Rule>,
}

/// All regions. Plain data: evaluate with an [`super::engine::Engine`] built from it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalog {
    pub regions: Vec<Region>,
}

impl Catalog {
    /// A catalog of `regions`.
    pub fn new(regions: Vec<Region>) -> Catalog {
        Catalog { regions }
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// The region and its ancestors, nearest first.
    pub fn chain<'a>(&'a self, region: &'a Region) -> Vec<&'a Region> {
        let mut out = vec![region];
        let mut cur = region;
        while let Some(p) = cur.parent.as_deref().and_then(|p| self.region(p)) {
            if out.iter().any(|r| r.id == p.id) || out.len() > 8 {
                break;
            }
            out.push(p);
            cur = p;
        }
        out
    }

    /// The rules in force in a region: its own, plus its ancestors' that no nearer
    /// region replaces. Parents' rules come first so areas read in document order.
    pub fn effective_rules<'a>(&'a self, region: &'a Region) -> Vec<(&'a Region, &'a Rule)> {
        let chain = self.chain(region);
        let mut out = Vec::new();
        for (depth, r) in chain.iter().enumerate().rev() {
            for rule in &r.rules {
                let replaced = chain[..depth]
                    .iter()
                    .any(|nearer| nearer.rules.iter().any(|x| x.replaces.contains(&rule.id)));
                if !replaced {
                    out.push((*r, rule));
                }
            }
        }
        out
    }
}

impl Region {
    /// Parameter values on `date`, in table order; the flag says a dated standard was
    /// stretched past its document's period.
    pub fn params_at(&self, date: Date) -> Vec<Option<Decimal>> {
        let mut vals: Vec<Option<Decimal>> = Vec::with_capacity(self.params.len());
        for p in &self.params {
            let v = match &p.def {
                ParamDef::Schedule(s) => s
                    .iter()
                    .rev()
                    .find(|(from, _)| *from <= date)
                    .or(s.first())
                    .map(|(_, v)| *v),
                ParamDef::Scaled { factor, of, .. } => vals
                    .get(of.0 as usize)
                    .copied()
                    .flatten()
                    .map(|b| b * factor),
            };
            vals.push(v);
        }
        vals
    }

    pub fn param_id(&self, name: &str) -> Option<ParamId> {
        self.params
            .iter()
            .position(|p| p.id == name)
            .map(|i| ParamId(i as u16))
    }
}
