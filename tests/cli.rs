//! The `estimate` CLI as a shell script uses it: exit codes as the README says, and no
//! panic whatever happens to its input or output.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

const EXE: &str = env!("CARGO_BIN_EXE_estimate");

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(EXE)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_household_on_stdin_is_estimated() {
    let o = run(
        &["--region", "hebei", "--date", "2020-06-01", "-"],
        br#"{"members":[{"age":70}]}"#,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["date"], "2020-06-01");
}

/// `estimate … | head -c 10`: the reader goes away before the output is written. The
/// CLI used to panic on the broken pipe (exit 101, "failed printing to stdout").
#[test]
fn a_closed_pipe_ends_it_quietly() {
    for args in [
        &["--region", "hebei", "-"][..],
        &["--region", "hebei", "--format", "table", "-"][..],
        &["--regions"][..],
    ] {
        let mut child = Command::new(EXE)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The read end is closed before the household is even sent: every write fails.
        drop(child.stdout.take());
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(br#"{"members": [{"age": 70}, {"age": 14}]}"#);
        drop(stdin);
        let o = child.wait_with_output().unwrap();
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
    }
}

#[test]
fn bad_input_exits_1_and_bad_arguments_2() {
    // Not UTF-8: bad input, like bad JSON (it was 2, as if the file could not be read).
    let o = run(
        &["--region", "hebei", "-"],
        b"{\"members\": [{\"age\": \xff}]}",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("not UTF-8"), "{}", stderr(&o));
    let o = run(&["--region", "hebei", "-"], b"{\"members\": [");
    assert_eq!(o.status.code(), Some(1));
    let o = run(
        &["--region", "hebei", "-"],
        br#"{"members": [{"age": 7, "age": 70}]}"#,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("members[0].age"), "{}", stderr(&o));
    let o = run(
        &["--region", "hebei", "-"],
        br#"{"members": [{"age": -1}]}"#,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("members[0].age"));
    let o = run(
        &["--region", "hebei", "--date", "2020-6-1", "-"],
        b"{\"members\": [{}]}",
    );
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["--bogus"], b"");
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["--region", "hebei", "/nonexistent/household.json"], b"");
    assert_eq!(o.status.code(), Some(2));
    for o in [run(&["--bogus"], b""), run(&["-"], b"\xff")] {
        assert!(!stderr(&o).contains("panicked"));
    }
}

/// `--verify CODE`: a printed estimate recomputed from its answers on the code's date.
/// The same answers match; other answers, a mistyped code and an altered printed
/// amount are each told apart (issue 23, point 2).
#[test]
fn a_printed_estimate_is_verified() {
    use estimator::domain::verify::ResultCode;
    use estimator::domain::{Date, Household, evaluate};
    let cat = estimator::catalog::embedded().unwrap();
    let region = cat.region("haidong").unwrap();
    let text = r#"{"household":{"economic_hardship":false},"members":[{"age":85,"relation":"self","hukou_local":true,"incapacity_level":"none"}]}"#;
    let h = Household::from_json_str(text).unwrap();
    let date = Date::parse("2024-03-01").unwrap();
    let report = evaluate(cat, region, &h, date);
    let code = ResultCode::new(
        estimator::catalog::version::RULE_SET_HASH,
        date,
        "haidong",
        &h,
        &report.total,
    )
    .to_string();
    let total = report.total.yearly.min.to_string();
    assert!(report.total.yearly.max == Some(report.total.yearly.min) && !total.is_empty());

    let o = run(
        &["--region", "haidong", "--verify", &code, "-"],
        text.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("一致"), "{out}");
    assert!(out.contains("2024-03-01"), "the code's date is used: {out}");

    // The paper's amount as printed: the true one matches, one digit changed does not.
    let o = run(
        &[
            "--region",
            "haidong",
            "--verify",
            &code,
            "--printed-total",
            &total,
            "-",
        ],
        text.as_bytes(),
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let tampered = format!("1{total}");
    let o = run(
        &[
            "--region",
            "haidong",
            "--verify",
            &code,
            "--printed-total",
            &tampered,
            "-",
        ],
        text.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(4));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains(&format!(
            "打印件上的每年现金 {tampered} 元与计算所得 {total} 元不一致"
        )),
        "{out}"
    );

    // Other answers: the same code no longer matches, and says why.
    let o = run(
        &[
            "--region", "haidong", "--verify", &code, "--lang", "en", "-",
        ],
        br#"{"household":{"economic_hardship":false},"members":[{"age":86,"relation":"self","hukou_local":true,"incapacity_level":"none"}]}"#,
    );
    assert_eq!(o.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&o.stdout).contains("these answers are not the ones"));

    // A mistyped character is caught by the check character.
    let mut typo: Vec<char> = code.chars().collect();
    typo[1] = if typo[1] == 'A' { 'B' } else { 'A' };
    let typo: String = typo.into_iter().collect();
    let o = run(
        &["--region", "haidong", "--verify", &typo, "-"],
        text.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("校验位"), "{}", stderr(&o));
}
