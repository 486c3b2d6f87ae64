//! The fuzz layer: every entry point that reads outside input, fed generated and
//! mutated input, checked for panics, hangs, wrong accepts and broken invariants.
//!
//! - `household`: structured request JSON (mostly valid, some fields wrong), through
//!   `api::parse_request` and `evaluate`, and every tenth valid one through the whole
//!   `api::estimate` the CLI and the JS API render.
//! - `household-text`: request JSON text, mutated (bytes, lenient spellings, keys given
//!   twice), through `api::parse_text` and `api::parse_request`.
//! - `share-link`: `share::decode_fragment` of links `share::encode_fragment` made, as
//!   they are (they must round-trip) and mutated.
//! - `session-copy`: the request text the app keeps in sessionStorage
//!   (`share::to_json`, read back by `share::from_session`), as it is and mutated.
//! - `answer`: `answer::parse_answer` (the form fields) and `household::parse_value`
//!   (a JSON answer) on generated text.
//! - `date`: `Date::parse`.
//!
//! Checked: no panic; no hang (a valid household of at most 8 members estimated in more
//! than 100 ms, any other input handled in more than 1 s; a watchdog aborts after 20 s);
//! no wrong accept (money that is not a plain decimal with at most two places, a date
//! that is not exactly YYYY-MM-DD, a key given twice, a malformed percent-escape, an
//! unknown key); and for accepted households: totals never negative, the household
//! total the sum of the members' totals and the household rules', `evaluate` equal to
//! `evaluate_unplanned` on statuses, missing facts, cash and totals, and a saved copy
//! reading back as what was saved.
//!
//! `cargo test` runs a short smoke run (debug build). `./dev test` runs the bounded
//! layer and `./dev fuzz N` a long one: `cargo test --profile bench --test fuzz -- N`.
//! `FUZZ_SEED` picks the seed (printed, so a failure can be replayed).

#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use estimator::api;
    use estimator::domain::answer::parse_answer;
    use estimator::domain::facts::{FACTS, FactId, Kind, Scope, Value};
    use estimator::domain::household::parse_value;
    use estimator::domain::{Date, Engine, Household, Report, evaluate, evaluate_unplanned};
    use estimator::share;
    use proptest::prelude::RngExt;
    use proptest::test_runner::{RngAlgorithm, TestRng};
    use rust_decimal::Decimal;
    use serde_json::{Map, Value as Json, json};
    use std::fmt::Write as _;
    use std::panic::{AssertUnwindSafe, catch_unwind};
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    /// Inputs of the smoke run `cargo test` makes (debug build).
    const SMOKE: u64 = 3_000;
    /// A valid household of at most this many members must be estimated within
    /// [`VALID_BUDGET`].
    const SMALL: usize = 8;
    const VALID_BUDGET: Duration = Duration::from_millis(100);
    /// Any other input must be handled within this.
    const ANY_BUDGET: Duration = Duration::from_secs(1);
    /// The watchdog aborts the run when one input takes this long (a real hang).
    const WATCHDOG: Duration = Duration::from_secs(20);

    type Rng = TestRng;

    #[derive(Default)]
    struct Tally {
        inputs: u64,
        accepted: u64,
        panics: u64,
        hangs: u64,
        wrong_accepts: u64,
        invariants: u64,
        /// Saved copies and links of valid households refused only for being longer
        /// than `share::MAX_FRAGMENT`: a known limit (issue 25, finding 3: a compact link
        /// encoding is under way), counted and shown, not failed.
        over_length: u64,
        slowest: Duration,
        /// The first few failures, to replay.
        examples: Vec<String>,
    }

    impl Tally {
        fn fail(&mut self, what: &str, input: &str) {
            if self.examples.len() < 5 {
                let cut: String = input.chars().take(600).collect();
                self.examples.push(format!("{what}: {cut}"));
            }
        }
        fn bad(&self) -> u64 {
            self.panics + self.hangs + self.wrong_accepts + self.invariants
        }
    }

    /// What the watchdog sees: when the current input started (µs since the run began,
    /// 0 when idle) and a short description of it.
    struct Watch {
        t0: Instant,
        started: AtomicU64,
        current: Mutex<String>,
    }

    struct Fuzz {
        rng: Rng,
        /// Per mille of answers [`Fuzz::request`] gives a wrong value.
        wrong: usize,
        cat: &'static Engine,
        watch: Arc<Watch>,
    }

    /// One generated input: its text for a report, and what the oracle demands.
    struct Outcome {
        panicked: Option<String>,
        took: Duration,
    }

    impl Fuzz {
        /// Runs `f` on an input, catching a panic and timing it.
        fn run<T>(&self, describe: &str, f: impl FnOnce() -> T) -> (Option<T>, Outcome) {
            *self.watch.current.lock().unwrap() = describe.chars().take(2000).collect();
            let start = Instant::now();
            self.watch.started.store(
                start.duration_since(self.watch.t0).as_micros() as u64 + 1,
                Ordering::SeqCst,
            );
            let r = catch_unwind(AssertUnwindSafe(f));
            let took = start.elapsed();
            self.watch.started.store(0, Ordering::SeqCst);
            match r {
                Ok(v) => (
                    Some(v),
                    Outcome {
                        panicked: None,
                        took,
                    },
                ),
                Err(p) => {
                    let msg = p
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    (
                        None,
                        Outcome {
                            panicked: Some(msg),
                            took,
                        },
                    )
                }
            }
        }

        fn below(&mut self, n: usize) -> usize {
            if n == 0 {
                0
            } else {
                self.rng.random_range(0..n)
            }
        }
        fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }
        fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
            &xs[self.below(xs.len())]
        }

        // ---- generators ------------------------------------------------------------

        /// A valid amount of yuan as the README spells it, at most `max`.
        fn plain_money(&mut self, max: i64) -> String {
            let whole = match self.below(4) {
                0 => 0,
                1 => self.below(1000) as i64,
                2 => self.below(10_000) as i64,
                _ => self.rng.random_range(0..=max),
            }
            .min(max);
            match self.below(4) {
                0 if whole < max => format!("{whole}.{}", self.below(10)),
                1 if whole < max => format!("{whole}.{:02}", self.below(100)),
                _ => whole.to_string(),
            }
        }

        /// Spellings of money that are not a plain decimal with at most two places.
        fn lenient_money(&mut self) -> String {
            let n = self.below(5000);
            let forms = [
                format!("{n}e2"),
                format!("1_{n:03}"),
                format!("+{n}"),
                format!(".{}", n % 100),
                format!("{n}."),
                format!(" {n} "),
                format!("{n} "),
                format!("-{n}"),
                format!("{n}.{:03}", self.below(1000)),
                format!("{n}.999999"),
                format!("{n},000"),
                format!("{n}元"),
                "３００".to_string(),
                format!("0x{n:x}"),
                "NaN".into(),
                "inf".into(),
                String::new(),
                format!("{n}.5.5"),
                format!("{n}\u{0}"),
                "9".repeat(40),
            ];
            self.pick(&forms).clone()
        }

        /// A valid date in the engine's range.
        fn plain_date(&mut self) -> String {
            let y = self.rng.random_range(2000..=2030);
            let m = self.rng.random_range(1..=12);
            let d = self.rng.random_range(1..=28);
            format!("{y:04}-{m:02}-{d:02}")
        }

        /// Spellings of a date that are not exactly YYYY-MM-DD (or not a day).
        fn lenient_date(&mut self) -> String {
            let d = self.plain_date();
            let forms = [
                "2020-6-1".to_string(),
                "2014-03-031".into(),
                format!(" {d}"),
                format!("{d} "),
                d.replace('-', "/"),
                format!("+{d}"),
                "2021-02-29".into(),
                "2020-13-01".into(),
                "2020-00-10".into(),
                format!("{d}T00:00"),
                "20200601".into(),
                "１９９９-01-01".into(),
                "2020-1a-01".into(),
                String::new(),
            ];
            self.pick(&forms).clone()
        }

        /// A value for a fact: valid unless `bad`. Returns the value and whether it is
        /// one the README allows.
        fn fact_value(&mut self, id: FactId, bad: bool) -> (Json, bool) {
            let info = id.info();
            if bad {
                let v = match (&info.kind, self.below(6)) {
                    (Kind::Money { .. }, 0..=3) => Json::String(self.lenient_money()),
                    (Kind::Money { .. }, 4) => json!(self.below(1000) as f64 + 0.5),
                    (Kind::Int { max, .. }, 0..=2) => json!(max + 1 + self.below(1000) as i64),
                    (Kind::Int { .. }, 3) => json!("12"),
                    (Kind::Int { .. }, 4) => json!(1.5),
                    (Kind::Choice { .. }, 0..=3) => json!("mars"),
                    (Kind::Bool, 0..=3) => json!("yes"),
                    (_, 5) => json!({"nested": [1, 2]}),
                    _ => json!([true]),
                };
                return (v, false);
            }
            let v = match &info.kind {
                Kind::Bool => json!(self.chance(50)),
                Kind::Int { min, max, .. } => {
                    let span = (max - min).clamp(0, 120);
                    json!(min + self.rng.random_range(0..=span))
                }
                Kind::Money { max } => {
                    if self.chance(10) {
                        json!(self.below((*max).min(5000) as usize + 1))
                    } else {
                        Json::String(self.plain_money((*max).min(100_000)))
                    }
                }
                Kind::Choice { choices } => json!(self.pick(choices).code),
            };
            (v, true)
        }

        /// Facts of one scope: a random share of the askable facts answered.
        fn facts(&mut self, scope: Scope, share: usize, bad: &mut bool) -> Json {
            let mut m = Map::new();
            for (i, info) in FACTS.iter().enumerate() {
                if info.scope != scope || info.is_derived() || !self.chance(share) {
                    continue;
                }
                if self.chance(2) {
                    m.insert(info.name.into(), Json::Null);
                    continue;
                }
                let wrong = self.wrong > 0 && self.below(1000) < self.wrong;
                let (v, ok) = self.fact_value(FactId::new(i).unwrap(), wrong);
                *bad |= !ok;
                m.insert(info.name.into(), v);
            }
            if self.chance(1) {
                m.insert("shoe_size".into(), json!(42));
                *bad = true;
            }
            Json::Object(m)
        }

        /// A request and whether it is one the README says is valid.
        fn request(&mut self) -> (Json, bool) {
            let mut bad = false;
            // Per mille of answers given a wrong value: none in most households.
            self.wrong = if self.chance(70) {
                0
            } else {
                1 + self.below(30)
            };
            let members = match self.below(100) {
                0 => 0,
                1 => 31,
                2..=4 => self.rng.random_range(9..=30),
                _ => self.rng.random_range(1..=SMALL),
            };
            bad |= members == 0 || members > 30;
            let share = *self.pick(&[0, 5, 20, 50, 90]);
            let ms: Vec<Json> = (0..members)
                .map(|_| self.facts(Scope::Member, share, &mut bad))
                .collect();
            let mut top = Map::new();
            let cat = self.cat;
            let region = if self.chance(97) {
                self.pick(&cat.regions).id.clone()
            } else {
                bad = true;
                "atlantis".into()
            };
            top.insert("region".into(), json!(region));
            if self.chance(70) {
                let d = if self.chance(95) {
                    self.plain_date()
                } else {
                    bad = true;
                    self.lenient_date()
                };
                top.insert("date".into(), json!(d));
            }
            if self.chance(80) {
                let h = self.facts(Scope::Household, share.max(20), &mut bad);
                top.insert("household".into(), h);
            }
            top.insert("members".into(), Json::Array(ms));
            if self.chance(1) {
                top.insert("member".into(), json!([]));
                bad = true;
            }
            (Json::Object(top), !bad)
        }

        /// JSON text of `v`, by hand so that one key of one object can be given twice.
        fn text(&mut self, v: &Json, twice: &mut bool, out: &mut String) {
            match v {
                Json::Object(m) => {
                    out.push('{');
                    let dup = if !*twice && !m.is_empty() && self.chance(4) {
                        *twice = true;
                        Some(self.below(m.len()))
                    } else {
                        None
                    };
                    for (i, (k, x)) in m.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        let _ = write!(out, "{}:", Json::String(k.clone()));
                        self.text(x, twice, out);
                        if dup == Some(i) {
                            let _ = write!(out, ",{}:", Json::String(k.clone()));
                            self.text(x, twice, out);
                        }
                    }
                    out.push('}');
                }
                Json::Array(a) => {
                    out.push('[');
                    for (i, x) in a.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        self.text(x, twice, out);
                    }
                    out.push(']');
                }
                other => out.push_str(&other.to_string()),
            }
        }

        /// A few random edits of a text.
        fn mutate(&mut self, text: &str) -> String {
            const TOKENS: [&str; 24] = [
                "\"1e2\"",
                "\" 300 \"",
                "\"+300\"",
                "\".5\"",
                "\"5.\"",
                "\"649.999999\"",
                "\"2020-6-1\"",
                "\"2014-03-031\"",
                "null",
                "true",
                "-0",
                "1e999",
                "18446744073709551616",
                "[",
                "]",
                "{",
                "}",
                ",",
                ":",
                "\"",
                "\\u0000",
                "\\ud800",
                "😀",
                "\"age\":7,",
            ];
            let mut b = text.as_bytes().to_vec();
            for _ in 0..self.rng.random_range(1..=3) {
                let at = self.below(b.len() + 1);
                match self.below(6) {
                    0 if !b.is_empty() => {
                        let at = at.min(b.len() - 1);
                        b[at] = self.below(256) as u8;
                    }
                    1 if !b.is_empty() => {
                        let end = (at + self.below(8) + 1).min(b.len());
                        b.drain(at.min(end)..end);
                    }
                    2 if !b.is_empty() => {
                        let end = (at + self.below(40) + 1).min(b.len());
                        let piece = b[at.min(end)..end].to_vec();
                        let to = self.below(b.len() + 1);
                        b.splice(to..to, piece);
                    }
                    _ => {
                        let t = self.pick(&TOKENS).as_bytes().to_vec();
                        b.splice(at..at, t);
                    }
                }
            }
            String::from_utf8_lossy(&b).into_owned()
        }

        // ---- entry points ----------------------------------------------------------

        fn household(&mut self, t: &mut Tally) {
            let (v, valid) = self.request();
            let members = v["members"].as_array().map_or(0, Vec::len);
            let render = self.chance(10);
            let cat = self.cat;
            let text = v.to_string();
            // Timed: what the CLI and the JS API do (the invariants' second, reference
            // evaluation is not).
            let (r, mut o) = self.run(&text, || {
                let t0 = Instant::now();
                api::parse_request(&v, None, cat).map(|req| {
                    let region = cat.region(&req.region).expect("checked by parse_request");
                    let day = req.date.unwrap_or(Date::new(2024, 6, 1).unwrap());
                    let report = evaluate(cat, region, &req.household, day);
                    if render {
                        let _ = api::estimate(cat, &req, day);
                    }
                    let took = t0.elapsed();
                    (invariants(cat, &report, &req.household), took)
                })
            });
            if let Some(Ok((_, took))) = &r {
                o.took = *took;
            }
            let r = r.map(|x| x.map(|(broken, _)| broken));
            let budget = if valid && members <= SMALL {
                VALID_BUDGET
            } else {
                ANY_BUDGET
            };
            // Over budget: timed twice more, the fastest counts. This machine's cores are
            // shared, and a run descheduled for 100 ms is not a slow household.
            if o.panicked.is_none() && o.took > budget {
                for _ in 0..2 {
                    let t0 = Instant::now();
                    if let Ok(req) = api::parse_request(&v, None, cat) {
                        let region = cat.region(&req.region).expect("checked by parse_request");
                        let day = req.date.unwrap_or(Date::new(2024, 6, 1).unwrap());
                        let _ = evaluate(cat, region, &req.household, day);
                        if render {
                            let _ = api::estimate(cat, &req, day);
                        }
                    }
                    o.took = o.took.min(t0.elapsed());
                }
            }
            let accepted = matches!(r, Some(Ok(_)));
            tally(t, &o, budget, accepted, &text);
            match r {
                Some(Ok(broken)) => {
                    if !valid {
                        t.wrong_accepts += 1;
                        t.fail("wrong accept", &text);
                    }
                    if let Some(b) = broken {
                        t.invariants += 1;
                        t.fail(&b, &text);
                    }
                }
                Some(Err(e)) if valid => {
                    t.invariants += 1;
                    t.fail(&format!("a valid household was refused: {e}"), &text);
                }
                _ => {}
            }
        }

        fn household_text(&mut self, t: &mut Tally) {
            let (v, valid) = self.request();
            let mut twice = false;
            let mut text = String::new();
            self.text(&v, &mut twice, &mut text);
            let mutated = !twice && self.chance(70);
            if mutated {
                text = self.mutate(&text);
            }
            let cat = self.cat;
            let (r, o) = self.run(&text, || {
                api::parse_text(&text).and_then(|j| api::parse_request(&j, None, cat))
            });
            let accepted = matches!(r, Some(Ok(_)));
            tally(t, &o, ANY_BUDGET, accepted, &text);
            if accepted {
                // What was accepted must be what the README allows: read leniently,
                // the text is checked by the oracle (no key twice, plain money, dates).
                let wrong = if twice {
                    Some("a key given twice")
                } else if !mutated && !valid {
                    Some("an invalid request")
                } else {
                    serde_json::from_str::<Json>(&text)
                        .ok()
                        .and_then(|j| lenient_in(&j))
                };
                if let Some(w) = wrong {
                    t.wrong_accepts += 1;
                    t.fail(&format!("wrong accept ({w})"), &text);
                }
            } else if !mutated && !twice && valid {
                t.invariants += 1;
                t.fail("a valid request text was refused", &text);
            }
        }

        fn share_link(&mut self, t: &mut Tally) {
            let Some((region, h)) = self.valid_household() else {
                return;
            };
            // The compact links this build makes, and links of the first format (JSON),
            // which it still reads.
            let compact = self.chance(50);
            let key = if compact {
                share::COMPACT_KEY
            } else {
                share::FRAGMENT_KEY
            };
            let link = if compact {
                share::encode_fragment(&region, &h, &[])
            } else {
                let json = share::to_json(&region, &h).to_string();
                let mut l = share::FRAGMENT_KEY.to_string();
                for b in json.bytes() {
                    if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                        l.push(b as char);
                    } else {
                        l.push_str(&format!("%{b:02X}"));
                    }
                }
                l
            };
            let mutated = self.chance(75);
            let link = if mutated {
                let mut l = link.clone();
                for _ in 0..self.rng.random_range(1..=2) {
                    let body = l.len() - key.len();
                    let at = key.len() + self.below(body + 1);
                    let piece = *self.pick(&[
                        "%+A",
                        "%-1",
                        "%G0",
                        "%",
                        "%2",
                        "% A",
                        "%0",
                        "%7B",
                        "%22",
                        "%FF",
                        "%C3",
                        "%e4%b8%ad",
                        "a",
                        "😀",
                        "%25",
                        "%2C%22age%22%3A7",
                    ]);
                    if self.chance(50) {
                        if l.is_char_boundary(at) {
                            l.insert_str(at, piece);
                        }
                    } else if l.is_char_boundary(at) {
                        l.truncate(at);
                    }
                }
                l
            } else {
                link
            };
            let cat = self.cat;
            let (r, o) = self.run(&link, || share::decode_fragment(&link, cat));
            let accepted = matches!(r, Some(Ok(Some(_))));
            tally(t, &o, ANY_BUDGET, accepted, &link);
            match r {
                Some(Ok(Some(saved))) => {
                    if !mutated && (saved.region != region || saved.household != h) {
                        t.invariants += 1;
                        t.fail("a link did not round-trip", &link);
                    }
                    if malformed_escape(&link) {
                        t.wrong_accepts += 1;
                        t.fail("wrong accept (malformed percent-escape)", &link);
                    }
                }
                // A JSON link of a large household may pass the link bound (links are
                // compact now); a compact link this app made never does.
                Some(Err(share::ShareError::TooLong { .. })) if !mutated && !compact => {
                    t.over_length += 1
                }
                Some(other) if !mutated => {
                    t.invariants += 1;
                    t.fail(
                        &format!("a link this app made was refused: {other:?}"),
                        &link,
                    );
                }
                _ => {}
            }
        }

        fn session_copy(&mut self, t: &mut Tally) {
            let (text, mutated, twice, original) = if self.chance(30) {
                let Some((region, h)) = self.valid_household() else {
                    return;
                };
                (
                    share::to_json(&region, &h).to_string(),
                    false,
                    false,
                    Some((region, h)),
                )
            } else {
                let (v, valid) = self.request();
                let mut twice = false;
                let mut text = String::new();
                self.text(&v, &mut twice, &mut text);
                let mutated = !valid || (!twice && self.chance(60));
                if mutated && !twice {
                    text = self.mutate(&text);
                }
                (text, mutated, twice, None)
            };
            let cat = self.cat;
            let (r, o) = self.run(&text, || share::from_session(&text, cat));
            let accepted = matches!(r, Some(Ok(_)));
            tally(t, &o, ANY_BUDGET, accepted, &text);
            if let Some(Ok(saved)) = &r {
                if let Some((region, h)) = &original
                    && (&saved.region != region || &saved.household != h)
                {
                    t.invariants += 1;
                    t.fail("a session copy did not read back as saved", &text);
                }
                let wrong = if twice {
                    Some("a key given twice")
                } else {
                    serde_json::from_str::<Json>(&text)
                        .ok()
                        .and_then(|j| lenient_in(&j))
                };
                if let Some(w) = wrong {
                    t.wrong_accepts += 1;
                    t.fail(&format!("wrong accept ({w})"), &text);
                }
            } else if original.is_some() || (!mutated && !twice) {
                t.invariants += 1;
                let why = match &r {
                    Some(Err(e)) => e.to_string(),
                    _ => "a panic".into(),
                };
                t.fail(&format!("a copy this app saved was refused: {why}"), &text);
            }
        }

        fn answer(&mut self, t: &mut Tally) {
            let i = self.below(FACTS.len());
            let id = FactId::new(i).unwrap();
            let info = id.info();
            let typed = match self.below(4) {
                0 => self.lenient_money(),
                1 => self.plain_money(100_000),
                2 => {
                    let s = self.plain_money(100_000);
                    self.mutate(&s)
                }
                _ => match &info.kind {
                    Kind::Choice { choices } => self.pick(choices).code.to_string(),
                    _ => self
                        .pick(&[
                            "是",
                            "否",
                            "yes",
                            "true",
                            "85岁",
                            "１２００元",
                            "1,200",
                            "eighty",
                        ])
                        .to_string(),
                },
            };
            let (r, o) = self.run(&typed, || {
                (
                    parse_answer(id, &typed),
                    if info.is_derived() {
                        None
                    } else {
                        Some(parse_value(id, &Json::String(typed.clone()), "x"))
                    },
                )
            });
            let accepted = matches!(&r, Some((Ok(Some(_)), _)));
            tally(t, &o, ANY_BUDGET, accepted, &typed);
            let Some((form, json)) = r else { return };
            if let (Kind::Money { max }, Ok(Some(Value::Money(d)))) = (&info.kind, &form)
                && (d.scale() > 2
                    || d.is_sign_negative()
                    || *d > Decimal::from(*max)
                    || typed.contains(['e', 'E', '+', '-', '_']))
            {
                t.wrong_accepts += 1;
                t.fail(&format!("form field accepted {d}"), &typed);
            }
            // A JSON string for money: accepted exactly when it is a plain decimal
            // with at most two places and within the bound.
            if let (Kind::Money { max }, Some(json)) = (&info.kind, json) {
                let want = plain_decimal(&typed)
                    && typed
                        .parse::<Decimal>()
                        .is_ok_and(|d| d <= Decimal::from(*max));
                match (json, want) {
                    (Ok(_), false) => {
                        t.wrong_accepts += 1;
                        t.fail("JSON money accepted", &typed);
                    }
                    (Err(e), true) => {
                        t.invariants += 1;
                        t.fail(&format!("JSON money refused: {e}"), &typed);
                    }
                    _ => {}
                }
            }
        }

        fn date(&mut self, t: &mut Tally) {
            let s = match self.below(3) {
                0 => self.plain_date(),
                1 => self.lenient_date(),
                _ => {
                    let d = self.plain_date();
                    self.mutate(&d)
                }
            };
            let (r, o) = self.run(&s, || Date::parse(&s));
            let accepted = matches!(r, Some(Some(_)));
            tally(t, &o, ANY_BUDGET, accepted, &s);
            if let Some(Some(d)) = r
                && d.to_string() != s
            {
                t.wrong_accepts += 1;
                t.fail(&format!("date accepted as {d}"), &s);
            }
        }

        /// A valid household and its region, as the app holds one.
        fn valid_household(&mut self) -> Option<(String, Household)> {
            for _ in 0..20 {
                let (v, valid) = self.request();
                if valid && let Ok(req) = api::parse_request(&v, None, self.cat) {
                    return Some((req.region, req.household));
                }
            }
            None
        }
    }

    fn tally(t: &mut Tally, o: &Outcome, budget: Duration, accepted: bool, input: &str) {
        t.inputs += 1;
        t.accepted += u64::from(accepted);
        t.slowest = t.slowest.max(o.took);
        if let Some(p) = &o.panicked {
            t.panics += 1;
            t.fail(&format!("panic: {p}"), input);
        } else if o.took > budget {
            t.hangs += 1;
            t.fail(&format!("took {:?}", o.took), input);
        }
    }

    /// `^[0-9]+(\.[0-9]{1,2})?$`, written out.
    fn plain_decimal(s: &str) -> bool {
        let (w, f) = s.split_once('.').unwrap_or((s, "0"));
        !w.is_empty()
            && (1..=2).contains(&f.len())
            && w.bytes().chain(f.bytes()).all(|b| b.is_ascii_digit())
    }

    /// A `%` not followed by two hex digits.
    fn malformed_escape(link: &str) -> bool {
        let b = link.as_bytes();
        b.iter().enumerate().any(|(i, &c)| {
            c == b'%'
                && !b
                    .get(i + 1..i + 3)
                    .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
        })
    }

    /// What in an accepted request the README does not allow: money that is not a
    /// plain decimal, a date not exactly YYYY-MM-DD.
    fn lenient_in(v: &Json) -> Option<&'static str> {
        if let Some(d) = v.get("date").and_then(Json::as_str)
            && Date::parse(d).is_none_or(|x| x.to_string() != d)
        {
            return Some("a date not exactly YYYY-MM-DD");
        }
        let mut tables: Vec<&Json> = vec![&v["household"]];
        tables.extend(v["members"].as_array().into_iter().flatten());
        for t in tables {
            for (k, x) in t.as_object().into_iter().flatten() {
                let money = estimator::domain::facts::fact_by_name(k)
                    .is_some_and(|id| matches!(id.info().kind, Kind::Money { .. }));
                if money
                    && let Some(s) = x.as_str()
                    && !plain_decimal(s)
                {
                    return Some("money that is not a plain decimal");
                }
                if money && x.is_f64() {
                    return Some("money as a fractional number");
                }
            }
        }
        None
    }

    /// The engine's invariants on one report; the first one broken.
    fn invariants(cat: &Engine, r: &Report, h: &Household) -> Option<String> {
        let sum = r.members.iter().fold(r.household_rules, |a, t| a + *t);
        if sum != r.total {
            return Some(
                "the household total is not the members' plus the household rules'".into(),
            );
        }
        let mut totals = vec![r.total, r.household_rules];
        totals.extend(r.members.iter().copied());
        for t in &totals {
            for m in [t.yearly, t.once, t.possible_yearly] {
                if m.min.is_sign_negative() || m.max.is_some_and(|x| x < m.min) {
                    return Some(format!("a negative or inverted total: {m:?}"));
                }
            }
        }
        for o in &r.outcomes {
            if let Some(s) = o.cash.as_ref().and_then(|c| c.stated)
                && (s.min.is_sign_negative() || s.max.is_some_and(|x| x < s.min))
            {
                return Some(format!("{}: a negative amount {s:?}", o.rule.id));
            }
        }
        let u = evaluate_unplanned(cat, r.region, h, r.date);
        if u.outcomes.len() != r.outcomes.len() {
            return Some("evaluate_unplanned has other outcomes".into());
        }
        for (x, y) in r.outcomes.iter().zip(&u.outcomes) {
            if (&x.rule.id, x.member, x.status, x.cash) != (&y.rule.id, y.member, y.status, y.cash)
                || r.missing(x) != u.missing(y)
            {
                return Some(format!(
                    "{} (member {:?}): evaluate != evaluate_unplanned",
                    x.rule.id, x.member
                ));
            }
        }
        if u.total != r.total || u.members != r.members || u.household_rules != r.household_rules {
            return Some("evaluate_unplanned has other totals".into());
        }
        None
    }

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let n: u64 = args
            .iter()
            .find_map(|a| a.replace('_', "").parse().ok())
            .unwrap_or(SMOKE);
        let seed: u64 = std::env::var("FUZZ_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(25);
        let cat = estimator::catalog::embedded().expect("the embedded rules validate");
        // Panics are counted and reported below, not printed as they happen.
        std::panic::set_hook(Box::new(|_| {}));
        let watch = Arc::new(Watch {
            t0: Instant::now(),
            started: AtomicU64::new(0),
            current: Mutex::new(String::new()),
        });
        {
            let watch = watch.clone();
            std::thread::spawn(move || {
                loop {
                    std::thread::sleep(Duration::from_millis(500));
                    let s = watch.started.load(Ordering::SeqCst);
                    let now = watch.t0.elapsed().as_micros() as u64;
                    if s != 0 && now.saturating_sub(s) > WATCHDOG.as_micros() as u64 {
                        eprintln!(
                            "fuzz: HANG: one input took more than {WATCHDOG:?}: {}",
                            watch.current.lock().map(|c| c.clone()).unwrap_or_default()
                        );
                        std::process::exit(3);
                    }
                }
            });
        }
        let mut seed_bytes = [0u8; 32];
        seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
        let mut f = Fuzz {
            rng: TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
            wrong: 0,
            cat,
            watch,
        };
        // Shares of the inputs per entry point, by cost: strings are cheap, a household
        // evaluated twice (plans and trees) is not.
        type Entry = (&'static str, u64, fn(&mut Fuzz, &mut Tally));
        let entries: [Entry; 6] = [
            ("household", 12, Fuzz::household),
            ("household-text", 22, Fuzz::household_text),
            ("share-link", 14, Fuzz::share_link),
            ("session-copy", 14, Fuzz::session_copy),
            ("answer", 24, Fuzz::answer),
            ("date", 14, Fuzz::date),
        ];
        let mut tallies: Vec<Tally> = entries.iter().map(|_| Tally::default()).collect();
        let started = Instant::now();
        println!("fuzz: {n} inputs, seed {seed} (FUZZ_SEED to replay)");
        for i in 0..n {
            // Interleaved, so a short run covers every entry point.
            let mut k = i % 100;
            let mut e = 0;
            while k >= entries[e].1 {
                k -= entries[e].1;
                e += 1;
            }
            (entries[e].2)(&mut f, &mut tallies[e]);
            if n >= 200_000 && i > 0 && i % 100_000 == 0 {
                println!("  … {i} inputs, {:.0?}", started.elapsed());
            }
        }
        let elapsed = started.elapsed();
        println!(
            "{:<16}{:>10}{:>10}{:>8}{:>7}{:>14}{:>12}{:>10}",
            "entry point",
            "inputs",
            "accepted",
            "panics",
            "hangs",
            "wrong accepts",
            "invariants",
            "slowest"
        );
        let mut bad = 0;
        for ((name, ..), t) in entries.iter().zip(&tallies) {
            println!(
                "{name:<16}{:>10}{:>10}{:>8}{:>7}{:>14}{:>12}{:>8.1}ms",
                t.inputs,
                t.accepted,
                t.panics,
                t.hangs,
                t.wrong_accepts,
                t.invariants,
                t.slowest.as_secs_f64() * 1000.0
            );
            bad += t.bad();
        }
        let total: u64 = tallies.iter().map(|t| t.inputs).sum();
        println!("{total} inputs in {elapsed:.1?}");
        for ((name, ..), t) in entries.iter().zip(&tallies) {
            if t.over_length > 0 {
                println!(
                    "  not failed: {name}: {} links of the first (JSON) format longer than {} bytes; the compact links this build makes always fit",
                    t.over_length,
                    share::MAX_FRAGMENT
                );
            }
        }
        for ((name, ..), t) in entries.iter().zip(&tallies) {
            for e in &t.examples {
                println!("  {name}: {e}");
            }
        }
        if bad > 0 {
            println!("fuzz: {bad} failures");
            std::process::exit(1);
        }
    }
}
