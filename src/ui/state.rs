//! The app's single state owner and the derived estimate.

use crate::catalog;
use crate::domain::rule::Catalog;
use crate::domain::{Date, Household, Lang, Report, evaluate};
use leptos::prelude::*;

/// Everything the user has entered. `Copy`, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub region: RwSignal<String>,
    pub household: RwSignal<Household>,
    pub lang: RwSignal<Lang>,
    pub date: RwSignal<Date>,
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

impl AppState {
    pub fn new() -> AppState {
        let start = super::embed::StartOptions::from_location();
        AppState {
            region: RwSignal::new(start.region.unwrap_or_else(|| "hebei".to_string())),
            household: RwSignal::new(Household::default()),
            lang: RwSignal::new(start.lang.unwrap_or(Lang::Zh)),
            date: RwSignal::new(today()),
        }
    }

    /// The embedded catalog (validated by the tests before it can ship).
    pub fn catalog() -> Option<&'static Catalog> {
        catalog::embedded().ok()
    }

    /// The estimate, recomputed when the region, household or date changes.
    pub fn estimate(self) -> Memo<Fresh<Option<Report<'static>>>> {
        Memo::new(move |_| {
            let report = (|| {
                let cat = Self::catalog()?;
                let region = self.region.with(|r| cat.region(r))?;
                let date = self.date.get();
                Some(self.household.with(|h| evaluate(cat, region, h, date)))
            })();
            Fresh(report)
        })
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}
