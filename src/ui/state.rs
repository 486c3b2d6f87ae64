//! The app's single state owner and the estimates derived from it.

use crate::catalog;
use crate::domain::Engine;
use crate::domain::facts::FactId;
use crate::domain::questions::Question;
use crate::domain::{Date, Household, Lang, Report, Settings, evaluate_in, questions};
use leptos::prelude::*;

/// A message for the user at the top of the page (a broken link, data cleared…).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub zh: String,
    pub en: String,
    /// An error (announced assertively) rather than a confirmation.
    pub error: bool,
}

/// What 清除全部 wiped: region, household, comparison region and "不清楚" answers.
pub type Cleared = (
    String,
    Household,
    Option<String>,
    Vec<(FactId, Option<usize>)>,
);

/// Everything the user has entered or chosen. `Copy`, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub region: RwSignal<String>,
    pub household: RwSignal<Household>,
    pub lang: RwSignal<Lang>,
    pub date: RwSignal<Date>,
    /// A second region to compare the same household with.
    pub compare: RwSignal<Option<String>>,
    /// Large-text (适老化) mode.
    pub large_text: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    /// What 清除全部 just wiped (region, household, comparison), kept in this page's
    /// memory only, so the notice can offer to undo it; dropped when the notice goes.
    pub cleared: RwSignal<Option<Cleared>>,
    /// Questions answered "不清楚" (fact, member; `None`: the household): they stay
    /// unanswered, are not asked again in the main form, and the results say what they
    /// would decide.
    pub dont_know: RwSignal<Vec<(FactId, Option<usize>)>>,
    /// The site's settings: `settings.json` next to index.html, the embed's `settings`
    /// attribute, or the file a single-file build carries (see `ui::settings`).
    pub site_settings: RwSignal<Option<Settings>>,
    /// The counter's own settings, entered on the 柜台设置 screen (this browser's
    /// localStorage); per fact they win over the site's.
    pub counter_settings: RwSignal<Option<Settings>>,
    /// A settings file that could not be used, for the site's administrator.
    pub settings_problem: RwSignal<Option<Notice>>,
    /// Whether the counter settings screen is shown instead of the estimate.
    pub counter_open: RwSignal<bool>,
}

/// A memo value that always counts as changed: the estimate is recomputed only when
/// its inputs change, and comparing two reports deeply would cost more than it saves.
#[derive(Clone)]
pub struct Fresh<T>(pub T);

impl<T> PartialEq for Fresh<T> {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

/// The estimate for the chosen region, provided as context.
pub type Estimate = Memo<Fresh<Option<Report<'static>>>>;

/// The questions that still matter for the estimate, most consequential first: computed
/// once per estimate and shared by every card, not once per card.
pub type Questions = Memo<Fresh<Vec<Question>>>;

/// The estimate for the comparison region (`None` inside when not comparing).
#[derive(Clone, Copy)]
pub struct CompareEstimate(pub Estimate);

/// Today's date in the browser.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// The region shown before the user picks one (or the address, a saved or a shared
/// household sets it: see `persist::restore`).
pub const DEFAULT_REGION: &str = "hebei";

impl AppState {
    pub fn new() -> AppState {
        AppState {
            region: RwSignal::new(DEFAULT_REGION.to_string()),
            household: RwSignal::new(Household::default()),
            lang: RwSignal::new(Lang::Zh),
            date: RwSignal::new(today()),
            compare: RwSignal::new(None),
            large_text: RwSignal::new(false),
            notice: RwSignal::new(None),
            cleared: RwSignal::new(None),
            dont_know: RwSignal::new(Vec::new()),
            site_settings: RwSignal::new(None),
            counter_settings: RwSignal::new(None),
            settings_problem: RwSignal::new(None),
            counter_open: RwSignal::new(false),
        }
    }

    /// The embedded catalog (validated by the tests before it can ship).
    pub fn catalog() -> Option<&'static Engine> {
        catalog::embedded().ok()
    }

    /// The estimate, recomputed when the region, household or date changes.
    pub fn estimate(self) -> Estimate {
        self.estimate_for(self.region.into())
    }

    /// The ranked questions of an estimate.
    pub fn questions(self, estimate: Estimate) -> Questions {
        Memo::new(move |_| {
            Fresh(estimate.with(|e| {
                e.0.as_ref()
                    .map(|r| self.household.with(|h| questions(r, h)))
                    .unwrap_or_default()
            }))
        })
    }

    /// The estimate of the comparison region.
    pub fn compare_estimate(self) -> Estimate {
        let compare = self.compare;
        self.estimate_for(Signal::derive(move || compare.get().unwrap_or_default()))
    }

    fn estimate_for(self, region: Signal<String>) -> Estimate {
        Memo::new(move |_| {
            let report = (|| {
                let cat = Self::catalog()?;
                let region = region.with(|r| cat.region(r))?;
                let date = self.date.get();
                let (site, counter) = (self.site_settings, self.counter_settings);
                Some(self.household.with(|h| {
                    site.with(|s| {
                        counter.with(|c| match (s, c) {
                            (Some(s), Some(c)) => {
                                evaluate_in(cat, region, h, date, Some(&c.over(s)))
                            }
                            (s, c) => evaluate_in(cat, region, h, date, c.as_ref().or(s.as_ref())),
                        })
                    })
                }))
            })();
            Fresh(report)
        })
    }

    /// Back to an empty household (region and language stay).
    pub fn clear(self) {
        self.household.set(Household::default());
        self.dont_know.set(Vec::new());
        self.compare.set(None);
    }

    /// Shows a message to the user.
    pub fn say(self, zh: impl Into<String>, en: impl Into<String>, error: bool) {
        self.cleared.set(None);
        self.notice.set(Some(Notice {
            zh: zh.into(),
            en: en.into(),
            error,
        }));
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

impl AppState {
    /// Whether the resident said they do not know this answer.
    pub fn is_dont_know(self, fact: FactId, member: Option<usize>) -> bool {
        self.dont_know.with(|d| d.contains(&(fact, member)))
    }

    /// Marks (or unmarks) an answer as "不清楚".
    pub fn set_dont_know(self, fact: FactId, member: Option<usize>, on: bool) {
        if on != self.is_dont_know(fact, member) {
            self.dont_know.update(|d| {
                d.retain(|k| *k != (fact, member));
                if on {
                    d.push((fact, member));
                }
            });
        }
    }

    /// Member `i` was removed: its "不清楚" go, later members' move up.
    pub fn member_removed(self, i: usize) {
        self.dont_know.update(|d| {
            d.retain(|(_, m)| *m != Some(i));
            for (_, m) in d.iter_mut() {
                if let Some(j) = m
                    && *j > i
                {
                    *j -= 1;
                }
            }
        });
    }
}
