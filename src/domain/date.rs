//! Calendar dates for dated standards. A tiny civil date is all the engine needs:
//! pulling in chrono would cost wasm size for parsing and ordering `YYYY-MM-DD`.

use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Builds a date, rejecting impossible days (2021-02-29) and years outside 1900–2200,
    /// which no standard here can concern.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1900..=2200).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` exactly: ten characters, ASCII digits and two hyphens. No
    /// space, sign, short field (`2020-6-1`) or long one (`2014-03-031`).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !shape {
            return None;
        }
        Date::new(
            s[..4].parse().ok()?,
            s[5..7].parse().ok()?,
            s[8..].parse().ok()?,
        )
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil, the inverse of
    /// [`Date::from_unix_days`]).
    pub fn unix_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Today on this machine (UTC), natively.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_unix_days(secs.div_euclid(86_400))
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a date (YYYY-MM-DD)")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_dates_round_trip() {
        for days in (-25_567..100_000).step_by(7) {
            let d = Date::from_unix_days(days);
            assert_eq!(d.unix_days(), days, "{d}");
        }
        assert_eq!(Date::new(2000, 1, 1).unwrap().unix_days(), 10_957);
        assert_eq!(Date::new(2024, 2, 29).unwrap().unix_days(), 19_782);
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse("2020-02-29"), Date::new(2020, 2, 29));
        assert!(Date::parse("2021-02-29").is_none());
        assert!(Date::parse("2021-13-01").is_none());
        assert!(Date::parse("yesterday").is_none());
        assert!(Date::parse("2020-1").is_none());
        // Exactly YYYY-MM-DD (issue 25).
        for lenient in [
            "2020-6-1",
            "2014-03-031",
            " 2020-06-01",
            "2020-06-01 ",
            "+2020-06-01",
            "2020-+6-01",
            "2020/06/01",
            "２０２０-06-01",
        ] {
            assert!(Date::parse(lenient).is_none(), "{lenient}");
        }
    }

    #[test]
    fn unix_days_round_trip_known_dates() {
        assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1).unwrap());
        assert_eq!(
            Date::from_unix_days(18_321),
            Date::new(2020, 2, 29).unwrap()
        );
        assert_eq!(
            Date::from_unix_days(20_782),
            Date::new(2026, 11, 25).unwrap()
        );
    }
}
