//! The engine's time in the browser (issue 24: the wasm build not more than 2× the
//! native time): the bench's synthetic 500 rules for 1, 4 and 8 members, evaluated in
//! headless Chromium. Report-only (a timing is never asserted); run with
//!
//! ```text
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=$(command -v chromedriver) \
//! cargo test --target wasm32-unknown-unknown --release --test wasm_bench -- --nocapture
//! ```
//!
//! `--release` measures what ships (`opt-level = "z"`); `--profile bench` the same code
//! at `opt-level = 3`. Compare with `cargo bench --bench evaluate` on the same machine.
#![cfg(target_arch = "wasm32")]

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

use estimator::domain::{Date, evaluate};
use std::hint::black_box;
use synthetic::{household, synthetic};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Median microseconds per run of `f`, over batches of `batch` runs (the browser's
/// clock counts milliseconds, and coarsely: a batch takes tens of them).
fn median_us(batch: usize, mut f: impl FnMut()) -> f64 {
    f();
    let mut samples: Vec<f64> = (0..15)
        .map(|_| {
            let t = js_sys::Date::now();
            for _ in 0..batch {
                f();
            }
            (js_sys::Date::now() - t) * 1000.0 / batch as f64
        })
        .collect();
    samples.sort_by(|a, b| a.total_cmp(b));
    samples[samples.len() / 2]
}

#[wasm_bindgen_test]
fn engine_time_in_the_browser() {
    let date = Date::new(2019, 6, 1).unwrap();
    let cat = synthetic(500);
    let region = &cat.regions[0];
    for m in [1, 4, 8] {
        let h = household(m);
        let us = median_us(4000 / m, || {
            black_box(evaluate(&cat, region, black_box(&h), date));
        });
        console_log!("wasm: synthetic 500 rules, {m} members: {us:.1} µs per evaluate");
    }
}
