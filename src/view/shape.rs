//! Shaping: a [`Report`] (and the catalog it was evaluated against) into the view types.

use super::{
    AllTotals, Area, AreaName, Cash, Catalog, CatalogArea, CatalogDocument, CatalogRegion,
    CatalogRule, Choice, Document, DocumentUsed, Estimate, FactKind, FactValue, FigureNote,
    FigureUsed, NotResidentFacing, Outcome, Question, Reason, Region, RegionName, RuleInfo, SCHEMA,
    Scope, Status, Totals,
};
use crate::domain::Totals as DomainTotals;
use crate::domain::condition::{ParamId, atom_text};
use crate::domain::facts::{self, FactId, FactInfo, Kind};
use crate::domain::figures::{Figure, Origin};
use crate::domain::near_miss::{NearMiss, near_miss_text};
use crate::domain::rule::{self, Amount, Applicability, Catalog as Rules, Rule, Text};
use crate::domain::{Household, Report, Tri, explain, near_misses, questions};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

impl From<Tri> for Status {
    fn from(t: Tri) -> Status {
        match t {
            Tri::Yes => Status::Yes,
            Tri::No => Status::No,
            Tri::Unknown => Status::Unknown,
        }
    }
}

impl From<&DomainTotals> for Totals {
    fn from(t: &DomainTotals) -> Totals {
        Totals {
            yearly: t.yearly,
            once: t.once,
            cash_pending: t.cash_pending,
            cash: t.cash,
            in_kind: t.in_kind,
            possible_yearly: t.possible_yearly,
            waived_yearly: t.waived_yearly,
            waived_once: t.waived_once,
            waived: t.waived,
            monthly: t.yearly.monthly_equivalent(),
        }
    }
}

impl<'c> Document<'c> {
    fn of(d: &'c rule::Document) -> Document<'c> {
        Document {
            file: &d.file,
            title: &d.title,
            number: &d.number,
            valid_from: d.valid_from,
            valid_to: d.valid_to,
        }
    }
}

/// A value as JSON writes it.
pub(crate) fn fact_value(fact: FactId, v: facts::Value) -> FactValue {
    match (v, &fact.info().kind) {
        (facts::Value::Bool(b), _) => FactValue::Bool(b),
        (facts::Value::Int(i), _) => FactValue::Int(i),
        (facts::Value::Money(d), _) => FactValue::Money(d.normalize()),
        (facts::Value::Choice(c), Kind::Choice { choices }) => choices
            .get(c as usize)
            .map_or(FactValue::Null, |c| FactValue::Code(c.code)),
        _ => FactValue::Null,
    }
}

/// A figure with the sentence that says where it comes from.
fn figure_used(f: &Figure, document: &str) -> FigureUsed {
    let Text { zh, en } = f.text(document);
    let (origin, source, citation) = match &f.origin {
        Origin::Deployment { source } => ("deployment", Some(source.clone()), None),
        Origin::Document { citation } => ("document", None, Some(citation.clone())),
    };
    FigureUsed {
        fact: f.fact.info().name,
        value: fact_value(f.fact, f.value),
        year: f.year,
        origin,
        source,
        citation,
        zh,
        en,
    }
}

fn choices(info: &FactInfo) -> Option<Vec<Choice>> {
    match &info.kind {
        Kind::Choice { choices } => Some(
            choices
                .iter()
                .map(|c| Choice {
                    code: c.code,
                    zh: c.zh,
                    en: c.en,
                })
                .collect(),
        ),
        _ => None,
    }
}

/// A fact's kind; a money bound is a decimal like every amount.
pub(crate) fn fact_kind(info: &FactInfo) -> FactKind {
    match &info.kind {
        Kind::Bool => FactKind::Bool,
        Kind::Int {
            min,
            max,
            unit_zh,
            unit_en,
        } => FactKind::Int {
            min: *min,
            max: *max,
            unit_zh,
            unit_en,
        },
        Kind::Money { max } => FactKind::Money {
            max: Decimal::from(*max),
        },
        Kind::Choice { .. } => FactKind::Choice {
            choices: choices(info).unwrap_or_default(),
        },
    }
}

/// The unanswered facts that can still change an outcome, most cash at stake first.
pub fn questions_of(report: &Report, household: &Household) -> Vec<Question> {
    questions(report, household)
        .iter()
        .map(|q| {
            let info = q.fact.info();
            Question {
                fact: info.name,
                member: q.member,
                rules: q.rules,
                amount: q.amount.normalize(),
                zh: info.zh,
                en: info.en,
                hint_zh: info.hint_zh,
                hint_en: info.hint_en,
                kind: fact_kind(info),
                choices: choices(info),
                id: q.fact,
            }
        })
        .collect()
}

/// The rounding rule, as the output states it.
fn rounding() -> Text {
    Text::new(
        "金额按元精确计算；月度折算四舍五入到分。按天计算的补助仅在填写天数后计入。",
        "Amounts are exact in yuan; monthly equivalents are rounded to the fen, half away from zero. Per-day aid is counted only once the number of days is given.",
    )
}

impl<'c> Estimate<'c> {
    /// Shapes a report. What a rule is (its name, area, content, payer, citation…) is the
    /// same for every member, so it is written once, in `rules`; each distinct list of
    /// reasons once, in `explanations`; `results` hold what differs per member and point
    /// at those. An outcome that is `no` and has no near miss is left out of `results`
    /// and counted in `omitted` (for 30 members the first schema repeated all of it per
    /// member and outcome: 4 to 11 MB, issue 25).
    pub fn new(catalog: &'c Rules, report: &Report<'c>, household: &Household) -> Estimate<'c> {
        Estimate::shape(catalog, report, household, true)
    }

    /// [`Estimate::new`] without what a screen shows only once a result is opened
    /// ([`why_of`]): `explanations` is empty, every `Outcome.explanation` is 0 and every
    /// `Outcome.computation` is `None`. Putting every condition and every amount of
    /// every result into words, in two languages, was most of a keystroke's work.
    pub fn brief(catalog: &'c Rules, report: &Report<'c>, household: &Household) -> Estimate<'c> {
        Estimate::shape(catalog, report, household, false)
    }

    fn shape(
        catalog: &'c Rules,
        report: &Report<'c>,
        household: &Household,
        whole: bool,
    ) -> Estimate<'c> {
        let region = report.region;
        let date = report.date;
        let misses = near_misses(report, household);
        let chain = catalog.chain(region);

        // Each rule once; `rule_of[i]`: the index in `rules` of outcome i's rule.
        let mut seen: Vec<*const Rule> = Vec::new();
        let mut rule_of: Vec<usize> = Vec::with_capacity(report.outcomes.len());
        let mut rules: Vec<RuleInfo<'c>> = Vec::new();
        for o in &report.outcomes {
            let ptr: *const Rule = o.rule;
            // Outcomes come rule by rule: the last rule seen is nearly always the one.
            let last = seen.len().checked_sub(1).filter(|&k| seen[k] == ptr);
            if let Some(k) = last.or_else(|| seen.iter().position(|&p| p == ptr)) {
                rule_of.push(k);
                continue;
            }
            rule_of.push(seen.len());
            seen.push(ptr);
            let (r, reg): (&'c Rule, &'c rule::Region) = (o.rule, o.region);
            rules.push(RuleInfo {
                rule: &r.id,
                region: &reg.id,
                item: &r.citation.item,
                area: reg.areas.iter().find(|a| a.id == r.area).map(|a| AreaName {
                    id: &a.id,
                    zh: &a.name.zh,
                    en: &a.name.en,
                }),
                name: &r.name,
                universal: r.is_universal(),
                target: &r.target,
                content: &r.content,
                payer: &r.payer,
                department: &r.department,
                note: r.note.as_ref(),
                source: &r.citation,
                document: &reg.document.title,
                region_name: &reg.name,
                years: (reg.document.valid_from.year, reg.document.valid_to.year),
            });
        }

        let mut omitted = 0usize;
        let mut results: Vec<Outcome<'c>> = Vec::new();
        let mut explanations: Vec<Vec<Reason>> = Vec::new();
        let mut explanation_ids: BTreeMap<Vec<Reason>, usize> = BTreeMap::new();
        // A member's explanations depend only on the member's facts as evaluated (answers
        // and what was assumed): the first member with the same ones stands for each.
        let class: Vec<usize> = (0..report.member_facts.len())
            .map(|i| {
                (0..i)
                    .find(|&j| {
                        report.member_facts[j] == report.member_facts[i]
                            && report.assumed.get(j) == report.assumed.get(i)
                    })
                    .unwrap_or(i)
            })
            .collect();
        // (rule, member class or the household) → (explanation index, computation, figures).
        let classes = class.len() + 1;
        type Done = (usize, Option<Text>, Vec<FigureNote>);
        let mut memo: Vec<Option<Done>> = vec![None; rules.len() * classes];
        let mut figure_texts = Vec::new();
        for (i, o) in report.outcomes.iter().enumerate() {
            let miss: Option<&NearMiss> = misses.iter().find(|n| n.outcome == i);
            if o.status == Tri::No && miss.is_none() {
                omitted += 1;
                continue;
            }
            // Members evaluated alike are explained alike: explained once per rule.
            let key = rule_of[i] * classes + o.member_index().map_or(class.len(), |m| class[m]);
            let (explanation, computation, figures) = match &memo[key] {
                Some(done) => done.clone(),
                None => {
                    let computation = if whole {
                        explain::computation_of(report, o, household)
                    } else {
                        None
                    };
                    let figures = explain::figures_read_in(report, o, &mut figure_texts);
                    // Where each local figure the rule uses comes from (deployment, document).
                    let figures: Vec<FigureNote> = figures
                        .into_iter()
                        .map(|(f, t)| FigureNote {
                            fact: f.info().name,
                            zh: t.zh,
                            en: t.en,
                        })
                        .collect();
                    let k = if whole {
                        let reasons = view_reasons(explain::reasons(report, o, household));
                        match explanation_ids.get(&reasons) {
                            Some(&k) => k,
                            None => {
                                explanations.push(reasons.clone());
                                explanation_ids.insert(reasons, explanations.len() - 1);
                                explanations.len() - 1
                            }
                        }
                    } else {
                        0
                    };
                    memo[key] = Some((k, computation.clone(), figures.clone()));
                    (k, computation, figures)
                }
            };
            let tier = match (&o.rule.amount, o.cash.as_ref().and_then(|c| c.tier_index())) {
                (Amount::Tiers(ts), Some(t)) => ts.get(t).map(|t| &t.label),
                _ => None,
            };
            let missing = report.missing(o);
            results.push(Outcome {
                rule: &o.rule.id,
                member: o.member,
                status: o.status.into(),
                cash: o.cash.as_ref().map(|c| Cash {
                    paid: c.paid,
                    stated: c.stated,
                    period: c.period,
                    per: c.per,
                    yearly: c.yearly(),
                    once: c.once(),
                    tier,
                }),
                missing: missing.iter().map(|f| f.info().name).collect(),
                explanation,
                computation,
                figures,
                near_miss: miss.map(near_miss_text),
                rule_at: rule_of[i],
                missing_ids: missing.to_vec(),
            });
        }

        Estimate {
            schema: SCHEMA,
            region: RegionName {
                id: &region.id,
                name: &region.name,
            },
            date,
            documents: chain
                .iter()
                .map(|r| DocumentUsed {
                    region: &r.id,
                    document: Document::of(&r.document),
                    dated: date > r.document.valid_to,
                })
                .collect(),
            rounding: rounding(),
            totals: AllTotals {
                household: (&report.total).into(),
                members: report.members.iter().map(Totals::from).collect(),
                household_rules: (&report.household_rules).into(),
            },
            deployment: report.deployment.clone(),
            figures: report
                .figures
                .iter()
                .map(|f| {
                    // The region whose document states it (the region itself for a deployment's).
                    let of = chain
                        .iter()
                        .find(|r| r.figures.contains(f))
                        .copied()
                        .unwrap_or(region);
                    figure_used(f, &of.document.title)
                })
                .collect(),
            rules,
            results,
            omitted,
            explanations,
            questions: questions_of(report, household),
            not_resident_facing: report
                .not_resident_facing
                .iter()
                .map(|r| NotResidentFacing {
                    rule: &r.id,
                    name: &r.name,
                    reason: match &r.applicability {
                        Applicability::NotResidentFacing { reason } => Some(reason),
                        Applicability::Resident => None,
                    },
                })
                .collect(),
            provided: report.provided.clone(),
            assumed: report
                .assumed
                .iter()
                .map(|a| a.iter().map(|(f, _)| *f).collect())
                .collect(),
        }
    }

    /// The rule of a result.
    pub fn rule_of(&self, o: &Outcome) -> &RuleInfo<'c> {
        &self.rules[o.rule_at]
    }

    /// The result of `rule` for `member`, if it is among `results`.
    pub fn result(&self, rule: &str, member: Option<usize>) -> Option<&Outcome<'c>> {
        self.results
            .iter()
            .find(|o| o.rule == rule && o.member_index() == member)
    }
}

/// The domain's reasons as the view shows them.
fn view_reasons(reasons: Vec<crate::domain::condition::Reason>) -> Vec<Reason> {
    reasons
        .into_iter()
        .map(|r| Reason {
            depth: r.depth,
            status: r.status.into(),
            zh: r.zh,
            en: r.en,
        })
        .collect()
}

/// What an opened result shows that [`Estimate::brief`] leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct Why {
    pub reasons: Vec<Reason>,
    pub computation: Option<Text>,
}

/// The reasons and computation of the result of `rule` for `member` in `report`, as
/// [`Estimate::new`] gives them: for a screen whose estimate is [`Estimate::brief`],
/// when the resident opens that result. A service open to everyone, shown once for all
/// (`member` `None` on a member rule), is explained by its first member who gets it.
pub fn why_of(
    report: &Report,
    rule: &str,
    member: Option<usize>,
    household: &Household,
) -> Option<Why> {
    let of_rule = |o: &&crate::domain::Outcome| o.rule.id == rule;
    let o = report
        .outcomes
        .iter()
        .filter(of_rule)
        .find(|o| o.member_index() == member)
        .or_else(|| {
            report
                .outcomes
                .iter()
                .filter(of_rule)
                .find(|o| member.is_none() && o.status == Tri::Yes)
        })?;
    Some(Why {
        reasons: view_reasons(explain::reasons(report, o, household)),
        computation: explain::computation_of(report, o, household),
    })
}

/// Regions with their documents (for pickers and the JS API).
pub fn regions(catalog: &Rules) -> Vec<Region<'_>> {
    catalog
        .regions
        .iter()
        .map(|r| Region {
            id: &r.id,
            name: &r.name,
            parent: r.parent.as_deref(),
            document: Document::of(&r.document),
            rules: r.rules.len(),
            areas: r
                .areas
                .iter()
                .map(|a| Area {
                    id: &a.id,
                    name: &a.name,
                    items: a.items,
                })
                .collect(),
        })
        .collect()
}

/// A region's catalog (schema [`super::CATALOG_SCHEMA`]): its documents and areas and
/// every rule in force there — its own and its ancestors' that none replaces — with who
/// it is for in plain words and the source it is cited from.
pub fn catalog<'c>(catalog: &'c Rules, reg: &'c rule::Region) -> Catalog<'c> {
    let chain = catalog.chain(reg);
    let rules = catalog
        .effective_rules(reg)
        .into_iter()
        .map(|(r, rule)| {
            let label = |p: ParamId| {
                r.params
                    .get(p.0 as usize)
                    .map(|d| (d.label.zh.clone(), d.label.en.clone()))
                    .unwrap_or_default()
            };
            let (zh, en) = atom_text(&rule.when, &label);
            CatalogRule {
                rule: &rule.id,
                region: &r.id,
                item: &rule.citation.item,
                area: &rule.area,
                name: &rule.name,
                scope: match rule.scope {
                    facts::Scope::Member => Scope::Member,
                    facts::Scope::Household => Scope::Household,
                },
                who: Text { zh, en },
                universal: rule.is_universal(),
                cash: rule.has_cash(),
                applicability: &rule.applicability,
                target: &rule.target,
                content: &rule.content,
                payer: &rule.payer,
                department: &rule.department,
                note: rule.note.as_ref(),
                valid_from: rule.valid_from,
                valid_to: rule.valid_to,
                replaces: &rule.replaces,
                source: &rule.citation,
                document: &r.document.title,
            }
        })
        .collect();
    Catalog {
        schema: super::CATALOG_SCHEMA,
        region: CatalogRegion {
            id: &reg.id,
            name: &reg.name,
            parent: reg.parent.as_deref(),
        },
        documents: chain
            .iter()
            .map(|r| CatalogDocument {
                region: &r.id,
                document: Document::of(&r.document),
            })
            .collect(),
        areas: chain
            .iter()
            .flat_map(|r| {
                r.areas.iter().map(|a| CatalogArea {
                    region: &r.id,
                    area: Area {
                        id: &a.id,
                        name: &a.name,
                        items: a.items,
                    },
                })
            })
            .collect(),
        rules,
    }
}
