//! What the lists show, read from an estimate of the state: which results each list
//! takes (as keys: a rule and a member), and one row's data by its key. A list is a
//! `<For>` over keys; each row reads its own data and the language reactively, so an
//! edit or a switch of language redraws a row in place, never the whole list.

use crate::ui::state::Estimate;
use crate::view::{self, Outcome, RuleInfo, Status};
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A result's identity: its rule and its member (`None`: the household, or everyone for
/// a service open to all).
pub type Key = (&'static str, Option<usize>);

/// One row's data: the result and what its rule is.
#[derive(Clone, PartialEq)]
pub struct Row {
    pub outcome: Outcome<'static>,
    pub rule: RuleInfo<'static>,
}

/// The row of `key` in `estimate`, kept up to date. A universal service's row (member
/// `None`) stands for every member's result.
///
/// Compared before it is copied: on a keystroke every row's memo runs, and copying each
/// unchanged result (its lists of names and sentences) only to drop it was a tenth of
/// the work in the app's own code.
pub fn row(estimate: Estimate, key: Key) -> Memo<Option<Row>> {
    // Where the result was last time: an edit seldom moves it, so it is looked at first
    // instead of searching the results from the start (every row did, on every keystroke).
    let hint = AtomicUsize::new(usize::MAX);
    Memo::new_owning(move |prev: Option<Option<Row>>| {
        estimate.with(|e| {
            let found = e.as_ref().and_then(|e| {
                let at = hint.load(Ordering::Relaxed);
                let same = |o: &&Outcome<'static>| o.rule == key.0 && o.member_index() == key.1;
                let o = e.results.get(at).filter(same).or_else(|| {
                    let i = e.results.iter().position(|o| same(&o))?;
                    hint.store(i, Ordering::Relaxed);
                    e.results.get(i)
                });
                let o = o.or_else(|| {
                    e.results
                        .iter()
                        .find(|o| o.rule == key.0 && o.status == Status::Yes && key.1.is_none())
                })?;
                Some((o, e.rule_of(o)))
            });
            match (prev, found) {
                (Some(Some(p)), Some((o, r))) if p.outcome == *o && p.rule == *r => {
                    (Some(p), false)
                }
                (Some(None), None) => (None, false),
                (_, found) => (
                    found.map(|(o, r)| Row {
                        outcome: o.clone(),
                        rule: r.clone(),
                    }),
                    true,
                ),
            }
        })
    })
}

/// Eligible results of targeted rules, cash first within the catalog's order.
pub fn targeted(e: &view::Estimate<'static>) -> Vec<Key> {
    let out = cash_first(view::words::targeted(e).collect(), |o| o.cash.is_none());
    out.into_iter()
        .map(|o| (o.rule, o.member_index()))
        .collect()
}

/// [`targeted`] grouped by service area, areas in the catalog's order (the order of
/// `e.rules`, which holds every rule evaluated, met or not). Not the order the results
/// first appear in: then a section jumped up or down as an answer met its first rule
/// (an age crossing 80 moved 老有所养 from last to second), which the resident lost
/// their place to, and the browser restyled and laid out the moved section each time.
pub fn by_area(e: &view::Estimate<'static>) -> Vec<(&'static str, Vec<Key>)> {
    let area_of = |r: &RuleInfo<'static>| r.area.as_ref().map_or("", |a| a.id);
    // (area, [(key, in kind)]): whether a result is cash is noted as it is put in its
    // area, for the sort (looking each result up again at every comparison was most of
    // this, on every keystroke).
    let mut groups: Vec<(&'static str, Vec<(Key, bool)>)> = Vec::new();
    for r in &e.rules {
        let area = area_of(r);
        if !groups.iter().any(|(a, _)| *a == area) {
            groups.push((area, Vec::new()));
        }
    }
    for o in view::words::targeted(e) {
        let area = area_of(e.rule_of(o));
        if let Some((_, v)) = groups.iter_mut().find(|(a, _)| *a == area) {
            v.push(((o.rule, o.member_index()), o.cash.is_none()));
        }
    }
    groups.retain(|(_, keys)| !keys.is_empty());
    groups
        .into_iter()
        .map(|(area, keys)| {
            let keys = cash_first(keys, |(_, in_kind)| *in_kind);
            (area, keys.into_iter().map(|(k, _)| k).collect())
        })
        .collect()
}

/// Services open to every resident that the household gets: one row per rule.
pub fn universal(e: &view::Estimate<'static>) -> Vec<Key> {
    let mut out: Vec<&Outcome<'static>> = Vec::new();
    for o in &e.results {
        if o.status == Status::Yes
            && e.rule_of(o).universal
            && !out.iter().any(|k| k.rule == o.rule)
        {
            out.push(o);
        }
    }
    cash_first(out, |o| o.cash.is_none())
        .into_iter()
        .map(|o| (o.rule, None))
        .collect()
}

/// `items` with those `in_kind` says are services in kind moved after the others, each
/// part in its order: a stable sort on a yes/no key without a sort (each `sort_by_key`
/// brought its own copy of the standard library's sort into the wasm, about 3 KB each).
fn cash_first<T>(items: Vec<T>, in_kind: impl Fn(&T) -> bool) -> Vec<T> {
    let (mut cash, kind): (Vec<T>, Vec<T>) = items.into_iter().partition(|t| !in_kind(t));
    cash.extend(kind);
    cash
}

/// Most cash that hangs on a result (yearly, or the one-off sum), zero while unknown.
pub fn at_stake(o: &Outcome) -> Decimal {
    o.cash
        .as_ref()
        .and_then(|c| c.yearly.or(c.once))
        .map_or(Decimal::ZERO, |r| r.max.unwrap_or(r.min))
}

/// Results an answer could still decide, most cash at stake first.
pub fn pending(e: &view::Estimate<'static>) -> Vec<Key> {
    let mut out: Vec<&Outcome<'static>> = e
        .results
        .iter()
        .filter(|o| o.status == Status::Unknown && !e.rule_of(o).universal)
        .collect();
    out.sort_by_key(|o| std::cmp::Reverse(at_stake(o)));
    out.into_iter()
        .map(|o| (o.rule, o.member_index()))
        .collect()
}

/// Rules not met that one change would meet.
pub fn near_misses(e: &view::Estimate<'static>) -> Vec<Key> {
    e.results
        .iter()
        .filter(|o| o.near_miss.is_some() && !e.rule_of(o).universal)
        .map(|o| (o.rule, o.member_index()))
        .collect()
}

/// The words of a row before anything is opened: the rule's name, who, the amount and
/// where the local figures it uses come from — each read reactively, in the current
/// language. Shared by every list, so a result reads the same wherever it is shown.
#[component]
pub fn RowHead(
    /// The row's data (see [`row`]).
    data: Memo<Option<Row>>,
    /// Who it is for ("成员 2", "全家", "每位成员").
    who: crate::view::Msg,
    /// The amount in words: every cash result's ([`crate::view::words::amount_of`]), or only a known one.
    amount: fn(crate::domain::Lang, &Outcome) -> Option<String>,
    /// Whether the figures it reads are listed.
    #[prop(optional)]
    figures: bool,
) -> impl IntoView {
    let lang = expect_context::<crate::ui::state::AppState>().lang;
    view! {
        <span class="name">{move || data.with(|d| d.as_ref().map(|d| d.rule.name.get(lang.get()).to_string()))}</span>
        " "
        <span class="who">{move || who.get(lang.get())}</span>
        {move || data.with(|d| d.as_ref().and_then(|d| amount(lang.get(), &d.outcome)))
            .map(|a| view! { <span class="amount">{a}</span> })}
        {move || {
            let l = lang.get();
            data.with(|d| match d {
                Some(d) if figures => d.outcome.figures.clone(),
                _ => Vec::new(),
            })
            .into_iter()
            .map(|f| {
                let t = if l == crate::domain::Lang::Zh { f.zh } else { f.en };
                view! { <span class="figure" data-testid="figure">{t}</span> }
            })
            .collect_view()
        }}
    }
}
