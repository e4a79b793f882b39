//! What `policy!`'s expansion calls. Not public API: it may change in any release, and
//! `iam-policy` pins the exact version of `iam-policy-macros` that uses it.

use std::fmt::{Display, Write as _};

pub use iam_catalog::PolicyKind;
pub use iam_policy_macros::policy_impl;

use crate::Policy;

/// A policy whose JSON is known at compile time.
pub const fn from_static(kind: PolicyKind, json: &'static str) -> Policy {
    Policy::from_static(kind, json)
}

/// Pieces of a policy with run-time values, in output order.
pub enum Part<'a> {
    /// Literal JSON text, already minified and escaped by the macro.
    Json(&'static str),
    /// A `{name}` inside a JSON string: written with `Display`, then escaped.
    Str(&'a dyn Insert),
    /// A `(expr)` whole value, written as JSON with serde.
    Value(&'a dyn ValuePart),
}

/// A value that `{name}` can insert into a policy string.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be inserted into a policy string: it does not implement `Display`",
    label = "inserted here",
    note = "`{{name}}` in a `policy!` string writes the value with `Display`"
)]
pub trait Insert {
    /// Writes the value, escaped as JSON string content.
    fn write_escaped(&self, out: &mut String);
}

impl<T: Display + ?Sized> Insert for T {
    fn write_escaped(&self, out: &mut String) {
        escape_into(&self.to_string(), out);
    }
}

/// A value that `(expr)` can insert as a whole JSON value.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be inserted into a policy: it does not implement `serde::Serialize`",
    label = "inserted here"
)]
pub trait ValuePart {
    /// Writes the value as JSON (`null` if it cannot be serialized, e.g. a map with
    /// non-string keys; `Policy::validate` reports the resulting document).
    fn write_json(&self, out: &mut String);
}

impl<T: serde::Serialize + ?Sized> ValuePart for T {
    fn write_json(&self, out: &mut String) {
        match serde_json::to_string(self) {
            Ok(json) => out.push_str(&json),
            Err(_) => out.push_str("null"),
        }
    }
}

/// Writes `s` as the content of a JSON string (without the quotes), escaping as
/// `serde_json` does.
fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

/// Joins the pieces of a policy with run-time values.
pub fn render(kind: PolicyKind, parts: &[Part<'_>]) -> Policy {
    let mut json = String::new();
    for part in parts {
        match part {
            Part::Json(text) => json.push_str(text),
            Part::Str(value) => value.write_escaped(&mut json),
            Part::Value(value) => value.write_json(&mut json),
        }
    }
    Policy::from_owned(kind, json)
}

/// The value a failed `policy!` expands to after its errors, so no secondary errors follow.
pub fn placeholder() -> Policy {
    Policy::from_static(PolicyKind::Identity, "{}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_text_is_escaped() {
        let name = "a\"b\\c\nd\u{1}é";
        let policy = render(
            PolicyKind::Identity,
            &[
                Part::Json("[\""),
                Part::Str(&name),
                Part::Json("\","),
                Part::Value(&vec![1, 2]),
                Part::Json("]"),
            ],
        );
        assert_eq!(policy.as_json(), r#"["a\"b\\c\nd\u0001é",[1,2]]"#);
        let parsed: Vec<serde_json::Value> = serde_json::from_str(policy.as_json()).unwrap();
        assert_eq!(parsed[0], serde_json::Value::String(name.to_owned()));
    }

    #[test]
    fn static_policies_are_const() {
        const P: Policy = from_static(PolicyKind::Trust, "{\"Statement\":[]}");
        assert_eq!(P.kind(), PolicyKind::Trust);
        assert_eq!(P.to_json(), "{\"Statement\":[]}");
        assert_eq!(placeholder().as_json(), "{}");
    }
}
