//! Errors of the domain layer: a household input that cannot be evaluated.

use super::answer::AnswerError;
use super::facts::Scope;
use std::fmt;

/// Most characters of a piece of input (a key, a code, a region) an error message
/// repeats; anything longer is cut and ends in `…`, so a 200 000-character key makes
/// a short message, not a 200 000-character one.
pub const ECHO_CHARS: usize = 40;

/// A piece of input as an error message repeats it: at most [`ECHO_CHARS`] characters.
pub fn echo(s: &str) -> String {
    let mut out = String::new();
    echo_into(&mut out, s);
    out
}

/// [`echo`], appended to `out` (no string of its own: the JSON parser keeps the path
/// of every key it reads).
pub(crate) fn echo_into(out: &mut String, s: &str) {
    match s.char_indices().nth(ECHO_CHARS) {
        None => out.push_str(s),
        Some((at, _)) => {
            out.push_str(&s[..at]);
            out.push('…');
        }
    }
}

/// Why a household input was refused. Every variant names where the problem is, as a
/// JSON path such as `members[1].age`, so the UI can point at the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The text is not valid JSON (the parser's message, with line and column).
    Syntax(String),
    /// Something other than an object stands where an object is needed.
    NotAnObject { path: String },
    /// A key that names no known fact.
    UnknownFact { path: String },
    /// A member fact given for the household, or the other way round.
    WrongScope { path: String, belongs: Scope },
    /// A computed fact (e.g. `household_size`) was given as input.
    Derived { path: String },
    /// The JSON type does not fit the fact.
    WrongType {
        path: String,
        expected: &'static str,
    },
    /// A choice code that the fact does not allow.
    UnknownChoice {
        path: String,
        got: String,
        allowed: String,
    },
    /// An answer the fact does not accept (negative income, age 200, a third decimal…).
    Answer { path: String, error: AnswerError },
    /// `members` is missing or empty.
    NoMembers,
    /// More than [`super::household::MAX_MEMBERS`] members.
    TooManyMembers { count: usize },
    /// A key given twice in one object of JSON text; `path` names the second one.
    DuplicateKey { path: String },
}

impl InputError {
    /// The JSON path the error is about, if any.
    pub fn path(&self) -> Option<&str> {
        match self {
            InputError::NotAnObject { path }
            | InputError::UnknownFact { path }
            | InputError::WrongScope { path, .. }
            | InputError::Derived { path }
            | InputError::WrongType { path, .. }
            | InputError::UnknownChoice { path, .. }
            | InputError::Answer { path, .. }
            | InputError::DuplicateKey { path } => Some(path),
            InputError::NoMembers | InputError::TooManyMembers { .. } => Some("members"),
            InputError::Syntax(_) => None,
        }
    }

    /// The message in Chinese, for the UI.
    pub fn zh(&self) -> String {
        match self {
            InputError::Syntax(e) => format!("数据格式错误：{e}"),
            InputError::NotAnObject { path } => format!("{path}：应为对象"),
            InputError::UnknownFact { path } => format!("{path}：未知的项目"),
            InputError::WrongScope { path, belongs } => format!(
                "{path}：该项属于{}",
                if *belongs == Scope::Member {
                    "家庭成员"
                } else {
                    "家庭"
                }
            ),
            InputError::Derived { path } => format!("{path}：该项自动计算，不能填写"),
            InputError::WrongType { path, .. } => format!("{path}：类型不正确"),
            InputError::UnknownChoice { path, got, .. } => format!("{path}：不接受的选项“{got}”"),
            InputError::Answer { path, error } => format!("{path}：{}", error.zh()),
            InputError::NoMembers => "至少需要一位家庭成员".into(),
            InputError::TooManyMembers { count } => {
                format!("家庭成员最多 30 人（收到 {count} 人）")
            }
            InputError::DuplicateKey { path } => format!("{path}：同一字段出现了两次"),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Syntax(e) => write!(f, "not valid JSON: {e}"),
            InputError::NotAnObject { path } => write!(f, "{path}: expected an object"),
            InputError::UnknownFact { path } => write!(f, "{path}: no such fact"),
            InputError::WrongScope { path, belongs } => {
                write!(f, "{path}: this fact belongs to the {belongs:?}, not here")
            }
            InputError::Derived { path } => write!(f, "{path}: computed, cannot be given"),
            InputError::WrongType { path, expected } => write!(f, "{path}: expected {expected}"),
            InputError::UnknownChoice { path, got, allowed } => {
                write!(f, "{path}: `{got}` is not one of {allowed}")
            }
            InputError::Answer { path, error } => write!(f, "{path}: {}", error.en()),
            InputError::NoMembers => write!(f, "members: at least one member is needed"),
            InputError::TooManyMembers { count } => {
                write!(f, "members: at most 30 members, got {count}")
            }
            InputError::DuplicateKey { path } => {
                write!(f, "{path}: given twice (a key may appear only once)")
            }
        }
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_input_is_capped() {
        assert_eq!(echo("age"), "age");
        let forty = "k".repeat(ECHO_CHARS);
        assert_eq!(echo(&forty), forty);
        let long = "键".repeat(200_000);
        let e = echo(&long);
        assert_eq!(e.chars().count(), ECHO_CHARS + 1);
        assert!(e.ends_with('…'));
    }
}
