//! [`Totals`]: sums over the outcomes of an estimate, exact (no rounding, ranges kept)
//! and cheap (`evaluate` adds thousands of outcomes per keystroke: fixed point in `i128`).

use super::condition::Tri;
use super::money::{MoneyRange, Period};
use super::outcome::{CashOut, Outcome};
use super::rule::Paid;
use rust_decimal::Decimal;
use serde::Serialize;

/// Sums over eligible outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Totals {
    /// Cash per year: monthly and yearly amounts, exact, ranges kept.
    pub yearly: MoneyRange,
    /// One-off cash.
    pub once: MoneyRange,
    /// Cash benefits whose amount still needs an answer (or is per day without a count).
    pub cash_pending: u32,
    /// Cash benefits counted.
    pub cash: u32,
    /// Services in kind.
    pub in_kind: u32,
    /// What undetermined outcomes could add per year, if they turn out eligible.
    pub possible_yearly: MoneyRange,
    /// Fees waived and services in kind at a stated value, per year (never cash).
    pub waived_yearly: MoneyRange,
    /// One-off fees waived.
    pub waived_once: MoneyRange,
    /// Waivers counted (not among `cash`).
    pub waived: u32,
}

impl Default for Totals {
    fn default() -> Self {
        Totals {
            yearly: MoneyRange::ZERO,
            once: MoneyRange::ZERO,
            cash_pending: 0,
            cash: 0,
            in_kind: 0,
            possible_yearly: MoneyRange::ZERO,
            waived_yearly: MoneyRange::ZERO,
            waived_once: MoneyRange::ZERO,
            waived: 0,
        }
    }
}

/// An exact running sum of yuan in fixed point (1/10 000 yuan) in `i128`: summing
/// thousands of outcomes per keystroke with Decimal additions was a fifth of the cost
/// of `evaluate`. Amounts with more than four decimals go to an exact Decimal spill,
/// so nothing is ever rounded.
#[derive(Clone, Copy, Default)]
struct Sum {
    fixed: i128,
    spill: Decimal,
}

/// Fixed-point scale of [`Sum`].
const SUM_SCALE: u32 = 4;
const POW10: [i64; 5] = [1, 10, 100, 1_000, 10_000];

/// `m × f`: one 64-bit multiplication when the mantissa fits in 64 bits (any amount
/// a document states), three for a full `i128`.
#[inline(always)]
fn times(m: i128, f: i64) -> i128 {
    match i64::try_from(m) {
        Ok(m) => i128::from(m) * i128::from(f),
        Err(_) => m * i128::from(f),
    }
}

impl Sum {
    #[inline]
    fn add(&mut self, d: Decimal) {
        let s = d.scale();
        if s <= SUM_SCALE {
            self.fixed += times(d.mantissa(), POW10[(SUM_SCALE - s) as usize]);
        } else {
            self.spill += d;
        }
    }
    /// Adds `d × k` for a small whole factor (12 months): the mantissa is scaled in
    /// `i128`, so annualising costs no Decimal multiplication.
    #[inline]
    fn add_times(&mut self, d: Decimal, k: i128) {
        let s = d.scale();
        if s <= SUM_SCALE {
            // k is a whole factor of a year (at most 12 × 366 days): k × 10⁴ fits.
            match i64::try_from(k) {
                Ok(k) => self.fixed += times(d.mantissa(), k * POW10[(SUM_SCALE - s) as usize]),
                Err(_) => {
                    self.fixed += d.mantissa() * k * i128::from(POW10[(SUM_SCALE - s) as usize])
                }
            }
        } else {
            self.spill += MoneyRange::exact(d).scale(Decimal::from(k)).min;
        }
    }
    fn value(self) -> Decimal {
        (Decimal::from_i128_with_scale(self.fixed, SUM_SCALE) + self.spill).normalize()
    }
}

/// A running [`MoneyRange`] sum; an open upper end stays open.
#[derive(Clone, Copy, Default)]
struct RangeSum {
    min: Sum,
    max: Sum,
    open: bool,
}

impl RangeSum {
    #[inline]
    fn add(&mut self, r: MoneyRange) {
        self.min.add(r.min);
        match r.max {
            Some(m) => self.max.add(m),
            None => self.open = true,
        }
    }
    /// Adds `r × k` (see [`Sum::add_times`]).
    #[inline]
    fn add_times(&mut self, r: MoneyRange, k: i128) {
        self.min.add_times(r.min, k);
        match r.max {
            Some(m) => self.max.add_times(m, k),
            None => self.open = true,
        }
    }
    fn value(self) -> MoneyRange {
        MoneyRange {
            min: self.min.value(),
            max: if self.open {
                None
            } else {
                Some(self.max.value())
            },
        }
    }
}

/// Accumulates [`Totals`] exactly and cheaply.
#[derive(Clone, Copy, Default)]
pub(crate) struct TotalsAcc {
    yearly: RangeSum,
    once: RangeSum,
    possible_yearly: RangeSum,
    cash_pending: u32,
    cash: u32,
    in_kind: u32,
    waived_yearly: RangeSum,
    waived_once: RangeSum,
    waived: u32,
}

impl TotalsAcc {
    #[inline]
    pub(crate) fn add_outcome(&mut self, o: &Outcome) {
        self.add(o.status, o.cash.as_ref())
    }
    #[inline(always)]
    pub(crate) fn add(&mut self, status: Tri, cash: Option<&CashOut>) {
        match (status, cash) {
            (Tri::Yes, None) => self.in_kind += 1,
            // A fee waived is worth money but pays none: its own sums.
            (Tri::Yes, Some(c)) if c.paid == Paid::Waived => {
                self.waived += 1;
                if let Some(s) = c.stated {
                    if let Some(k) = c.yearly_factor() {
                        self.waived_yearly.add_times(s, k);
                    } else if c.period == Period::Once {
                        self.waived_once.add(s);
                    }
                }
            }
            (Tri::Unknown, Some(c)) if c.paid == Paid::Waived => {}
            (Tri::Yes, Some(c)) => {
                self.cash += 1;
                // The same cases as `CashOut::yearly` and `CashOut::once`, summed
                // without building the yearly range.
                let Some(s) = c.stated else {
                    self.cash_pending += 1;
                    return;
                };
                let k = c.yearly_factor();
                if let Some(k) = k {
                    self.yearly.add_times(s, k);
                }
                let once = c.period == Period::Once;
                if once {
                    self.once.add(s);
                }
                if k.is_none() && !once {
                    self.cash_pending += 1;
                }
            }
            (Tri::Unknown, Some(c)) => {
                if let (Some(s), Some(k)) = (c.stated, c.yearly_factor()) {
                    self.possible_yearly.add_times(s, k);
                }
            }
            _ => {}
        }
    }
    pub(crate) fn finish(self) -> Totals {
        Totals {
            yearly: self.yearly.value(),
            once: self.once.value(),
            cash_pending: self.cash_pending,
            cash: self.cash,
            in_kind: self.in_kind,
            possible_yearly: self.possible_yearly.value(),
            waived_yearly: self.waived_yearly.value(),
            waived_once: self.waived_once.value(),
            waived: self.waived,
        }
    }
}

impl std::ops::Add for Totals {
    type Output = Totals;
    /// Field-wise sum.
    fn add(self, o: Totals) -> Totals {
        Totals {
            yearly: self.yearly + o.yearly,
            once: self.once + o.once,
            cash_pending: self.cash_pending + o.cash_pending,
            cash: self.cash + o.cash,
            in_kind: self.in_kind + o.in_kind,
            possible_yearly: self.possible_yearly + o.possible_yearly,
            waived_yearly: self.waived_yearly + o.waived_yearly,
            waived_once: self.waived_once + o.waived_once,
            waived: self.waived + o.waived,
        }
    }
}
