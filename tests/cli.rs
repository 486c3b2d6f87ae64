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
