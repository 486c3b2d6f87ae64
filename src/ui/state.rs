//! The app's single state owner and the estimates derived from it, provided once as
//! context: what the user entered (signals) and what follows from it (memos of the view).

use crate::catalog;
use crate::domain::Engine;
use crate::domain::facts::FactId;
use crate::domain::{Date, Household, Lang, Settings, evaluate_in};
use crate::view::{self, Msg};
use leptos::prelude::*;

/// A message for the user at the top of the page (a broken link, data cleared…).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub msg: Msg,
    /// An error (announced assertively) rather than a confirmation.
    pub error: bool,
}

impl Notice {
    pub fn new(msg: Msg, error: bool) -> Notice {
        Notice { msg, error }
    }
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.msg.get(lang).into_owned()
    }
}

/// What 清除全部 wiped: region, household, comparison region and "不清楚" answers.
pub type Cleared = (
    String,
    Household,
    Option<String>,
    Vec<(FactId, Option<usize>)>,
);

/// A region's rules on their way, or why they did not come (see [`AppState::load`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Failed { offline: bool, detail: String },
}

thread_local! {
    /// The rules in use (`catalog::engine`) as a signal, so whatever reads them through
    /// [`AppState::catalog`] (estimates, pickers, charts) is redone when a region's pack
    /// arrives. One per page, like the catalog it mirrors; an arc signal needs no owner.
    static RULES: ArcRwSignal<Option<&'static Engine>> = ArcRwSignal::new(catalog::engine().ok());
}

/// Points [`RULES`] at the catalog's current engine, if it moved on.
fn sync_rules() {
    let now = catalog::engine().ok();
    RULES.with(|r| {
        if r.with_untracked(|old| old.map(std::ptr::from_ref) != now.map(std::ptr::from_ref)) {
            r.set(now);
        }
    });
}

/// `region` of `cat`, once its rules are loaded: before that it is listed (the pickers
/// show every region) but has no rules to estimate with.
fn ready(cat: &'static Engine, region: &str) -> Option<&'static crate::domain::Region> {
    cat.region(region).filter(|_| catalog::is_loaded(region))
}

/// A member's identity in the form, kept while members before it come and go: the form's
/// lists are keyed by it, so removing a member never hands its card (and whatever is open
/// in it) to the next one.
pub type MemberId = u32;

/// Everything the user has entered or chosen, and the estimates that follow. `Copy`,
/// provided once as context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub region: RwSignal<String>,
    /// Change it through [`AppState::set_household`], [`AppState::add_member`] and
    /// [`AppState::remove_member`], which keep [`AppState::member_ids`] in step.
    pub household: RwSignal<Household>,
    /// One stable id per member, in the household's order.
    pub member_ids: RwSignal<Vec<MemberId>>,
    /// The next member id to hand out.
    next_member: RwSignal<MemberId>,
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
    /// Regions whose rules are being fetched, or failed to be (see [`AppState::load`]).
    pub packs: RwSignal<Vec<(String, Load)>>,
    /// The resident agreed to the share link's warning: the link, and its QR code on
    /// screen and on the printed summary, are shown only after that.
    pub share_agreed: RwSignal<bool>,
    /// The estimate of the chosen region, shaped for showing (its questions included):
    /// recomputed when the region, household, date or settings change, and passed on
    /// only when it differs from the last one.
    pub estimate: Estimate,
    /// The estimate of the comparison region (`None` when not comparing).
    pub compare_estimate: Estimate,
}

/// An estimate as the app shows it.
pub type Estimate = Memo<Option<view::Estimate<'static>>>;

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
        let region = RwSignal::new(DEFAULT_REGION.to_string());
        let household = RwSignal::new(Household::default());
        let date = RwSignal::new(today());
        let compare = RwSignal::new(None::<String>);
        let site_settings = RwSignal::new(None);
        let counter_settings = RwSignal::new(None);
        let inputs = Inputs {
            household,
            date,
            site_settings,
            counter_settings,
        };
        AppState {
            region,
            household,
            member_ids: RwSignal::new(vec![0]),
            next_member: RwSignal::new(1),
            lang: RwSignal::new(Lang::Zh),
            date,
            compare,
            large_text: RwSignal::new(false),
            notice: RwSignal::new(None),
            cleared: RwSignal::new(None),
            dont_know: RwSignal::new(Vec::new()),
            site_settings,
            counter_settings,
            settings_problem: RwSignal::new(None),
            counter_open: RwSignal::new(false),
            share_agreed: RwSignal::new(false),
            packs: RwSignal::new(Vec::new()),
            estimate: inputs.estimate_for(region.into()),
            compare_estimate: inputs
                .estimate_for(Signal::derive(move || compare.get().unwrap_or_default())),
        }
    }

    /// `move || msg` in the current language, for a view.
    pub fn t(self, msg: Msg) -> impl Fn() -> String + Send + Sync + Clone + 'static {
        let lang = self.lang;
        move || msg.get(lang.get()).into_owned()
    }

    /// Replaces the household; every member gets a new id.
    pub fn set_household(self, h: Household) {
        let n = h.members.len() as MemberId;
        let first = self.next_member.get_untracked();
        self.next_member.set(first + n);
        self.member_ids.set((first..first + n).collect());
        self.household.set(h);
    }

    /// Adds an empty member at the end.
    pub fn add_member(self) {
        let id = self.next_member.get_untracked();
        self.next_member.set(id + 1);
        self.member_ids.update(|ids| ids.push(id));
        self.household
            .update(|h| h.members.push(crate::domain::household::Facts::default()));
    }

    /// Removes member `i` (never the last one); its "不清楚" go, later members' move up.
    pub fn remove_member(self, i: usize) {
        if self
            .household
            .with_untracked(|h| h.members.len() <= 1 || i >= h.members.len())
        {
            return;
        }
        self.member_ids.update(|ids| {
            ids.remove(i);
        });
        self.household.update(|h| {
            h.members.remove(i);
        });
        self.member_removed(i);
    }

    /// The rules in use, tracked: every region's header, and the rules of those loaded
    /// (validated by the tests before they can ship). A region's estimate waits for
    /// [`AppState::load`].
    pub fn catalog() -> Option<&'static Engine> {
        RULES.with(|r| r.get())
    }

    /// Fetches `region`'s rules unless they are in or on their way; [`AppState::packs`]
    /// says how it goes, and the estimates follow when they arrive. Never loses input:
    /// only the rules change.
    pub fn load(self, region: String) {
        if catalog::is_loaded(&region) {
            // Perhaps loaded by the JavaScript API's `ready`, behind the signal's back.
            sync_rules();
            return;
        }
        let busy = self
            .packs
            .with_untracked(|l| l.iter().any(|(r, s)| *r == region && *s == Load::Loading));
        if busy {
            return;
        }
        self.packs.update(|l| {
            l.retain(|(r, _)| *r != region);
            l.push((region.clone(), Load::Loading));
        });
        let packs = self.packs;
        leptos::task::spawn_local(async move {
            let result = crate::load::ensure(&region).await;
            sync_rules();
            packs.try_update(|l| match result {
                Ok(_) => l.retain(|(r, _)| *r != region),
                Err(e) => {
                    if let Some((_, s)) = l.iter_mut().find(|(r, _)| *r == region) {
                        *s = Load::Failed {
                            offline: e.offline(),
                            detail: e.to_string(),
                        };
                    }
                }
            });
        });
    }

    /// Back to an empty household (region and language stay).
    pub fn clear(self) {
        self.set_household(Household::default());
        self.dont_know.set(Vec::new());
        self.compare.set(None);
    }

    /// The settings in force: the counter's laid over the site's (tracked).
    pub fn settings(self) -> Option<Settings> {
        self.site_settings.with(|s| {
            self.counter_settings.with(|c| match (s, c) {
                (Some(s), Some(c)) => Some(c.over(s)),
                (s, c) => c.clone().or_else(|| s.clone()),
            })
        })
    }

    /// Runs `f` on what an estimate of the chosen region is computed from, tracked: the
    /// engine, the region, the household, the date and the settings in force. `None`
    /// while the catalog or the region is missing.
    pub fn with_inputs<T>(
        self,
        f: impl FnOnce(
            &'static Engine,
            &'static crate::domain::Region,
            &Household,
            Date,
            Option<&Settings>,
        ) -> T,
    ) -> Option<T> {
        self.region.with(|r| self.with_inputs_in(r, f))
    }

    /// [`AppState::with_inputs`] for `region` rather than the chosen one (the
    /// comparison's).
    pub fn with_inputs_in<T>(
        self,
        region: &str,
        f: impl FnOnce(
            &'static Engine,
            &'static crate::domain::Region,
            &Household,
            Date,
            Option<&Settings>,
        ) -> T,
    ) -> Option<T> {
        let cat = AppState::catalog()?;
        let region = ready(cat, region)?;
        let settings = self.settings();
        let date = self.date.get();
        Some(
            self.household
                .with(|h| f(cat, region, h, date, settings.as_ref())),
        )
    }

    /// Why one result of `region`'s estimate (the chosen region's or the comparison's)
    /// holds, tracked. Estimates are shaped brief (see [`view::Estimate::brief`]): a
    /// result the resident opens is explained here, from its own evaluation of the same
    /// inputs, so only what is open costs anything on a keystroke.
    pub fn why_of(self, region: &str, rule: &str, member: Option<usize>) -> Option<view::Why> {
        self.with_inputs_in(region, |cat, region, h, date, settings| {
            let report = evaluate_in(cat, region, h, date, settings);
            view::why_of(&report, rule, member, h)
        })
        .flatten()
    }

    /// Shows a message to the user.
    pub fn say(self, msg: Msg, error: bool) {
        self.cleared.set(None);
        self.notice.set(Some(Notice::new(msg, error)));
    }
}

/// What an estimate is computed from.
#[derive(Clone, Copy)]
struct Inputs {
    household: RwSignal<Household>,
    date: RwSignal<Date>,
    site_settings: RwSignal<Option<Settings>>,
    counter_settings: RwSignal<Option<Settings>>,
}

impl Inputs {
    /// The estimate of `region`. Compared with the last one before it is passed on: an
    /// edit that changes no result (a field no rule reads yet) redraws nothing.
    fn estimate_for(self, region: Signal<String>) -> Estimate {
        Memo::new_with_compare(
            move |_| {
                let cat = AppState::catalog()?;
                let region = region.with(|r| ready(cat, r))?;
                let date = self.date.get();
                let (site, counter) = (self.site_settings, self.counter_settings);
                Some(self.household.with(|h| {
                    let report = site.with(|s| {
                        counter.with(|c| match (s, c) {
                            (Some(s), Some(c)) => {
                                evaluate_in(cat, region, h, date, Some(&c.over(s)))
                            }
                            (s, c) => evaluate_in(cat, region, h, date, c.as_ref().or(s.as_ref())),
                        })
                    });
                    view::Estimate::brief(cat, &report, h)
                }))
            },
            |old, new| old != new,
        )
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
