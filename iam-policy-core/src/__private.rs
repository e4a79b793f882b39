//! What `policy!`'s expansion calls (through `iam_policy::__private`). Not public API: it
//! may change in any release, and `iam-policy` pins the exact versions of
//! `iam-policy-core` and `iam-policy-macros` that use it.

use std::fmt::Display;

pub use iam_catalog::PolicyKind;

use iam_catalog::check::interpolation::escape_literal;
use iam_catalog::view::escape_json_into;

use crate::Policy;
use crate::insert::{AccountId, Literal, Partition, Pattern, Region};
use crate::ordered::Ordered;

/// A policy whose JSON is known at compile time.
pub const fn from_static(kind: PolicyKind, json: &'static str) -> Policy {
    Policy::from_static(kind, json)
}

/// Pieces of a policy with run-time values, in output order. The macro picks each
/// value's variant by its place (`iam_catalog::check::interpolation`).
pub enum Part<'a> {
    /// Literal JSON text, already minified and escaped (by the macro, or by
    /// `iam_catalog::view::json_chunks` at run time).
    Json(&'a str),
    /// A `{name}` where IAM has escapes for `*`, `?` and `$`: written with them.
    Escaped(&'a dyn Insert),
    /// A `{name}` where IAM gives `*`, `?` and `$` no meaning: written as it is.
    Verbatim(&'a dyn Insert),
    /// A `{name}` where IAM reads wildcards and has no escape: the type vouches for it.
    Unescapable(&'a dyn InsertUnescapable),
    /// A `(expr)` where IAM has escapes: its strings written with them.
    EscapedValue(&'a dyn ValuePart),
    /// A `(expr)` where IAM gives `*`, `?` and `$` no meaning.
    VerbatimValue(&'a dyn ValuePart),
    /// A `(expr)` where IAM reads wildcards and has no escape: the type vouches for it.
    UnescapableValue(&'a dyn ValueUnescapable),
}

/// A value that `{name}` can insert where IAM has escapes or reads no wildcard.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be inserted into a policy string: it does not implement `Display`",
    label = "inserted here",
    note = "`{{name}}` in a `policy!` string writes the value with `Display`"
)]
pub trait Insert {
    /// Writes the value as JSON string content, with IAM's escapes when `escape`.
    fn write(&self, escape: bool, out: &mut String);
}

impl<T: Display + ?Sized> Insert for T {
    fn write(&self, escape: bool, out: &mut String) {
        let text = self.to_string();
        if escape {
            escape_json_into(out, &escape_literal(&text));
        } else {
            escape_json_into(out, &text);
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T: Display> Insert for Pattern<T> {
    fn write(&self, _escape: bool, out: &mut String) {
        escape_json_into(out, &self.0.to_string());
    }
}

/// A value that `{name}` can insert where IAM reads wildcards and has no escape.
#[diagnostic::on_unimplemented(
    message = "`{Self}` may hold `*`, `?` or `$`, and this place of the policy has no escape for them",
    label = "inserted where IAM reads wildcards",
    note = "IAM reads `*` and `?` as wildcards in `Action`, `Principal` and (without `\"Version\": \"2012-10-17\"`) in `Resource`, with no way to write them literally",
    note = "insert a checked value: `iam_policy::Literal::new(value)?` (or `AccountId`, `Region`, `Partition`, an integer), or mark a pattern you trust: `iam_policy::Pattern(value)`"
)]
pub trait InsertUnescapable {
    /// Writes the value as JSON string content.
    fn write(&self, out: &mut String);
}

impl<T: InsertUnescapable + ?Sized> InsertUnescapable for &T {
    fn write(&self, out: &mut String) {
        (**self).write(out);
    }
}

impl<T: Display> InsertUnescapable for Pattern<T> {
    fn write(&self, out: &mut String) {
        escape_json_into(out, &self.0.to_string());
    }
}

macro_rules! unescapable_display {
    ($($ty:ty),*) => {$(
        impl InsertUnescapable for $ty {
            fn write(&self, out: &mut String) {
                escape_json_into(out, &self.to_string());
            }
        }
    )*};
}

unescapable_display!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, Literal, AccountId, Region,
    Partition
);

/// A value that `(expr)` can insert as a whole JSON value where IAM has escapes or reads no
/// wildcard.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be inserted into a policy: it does not implement `serde::Serialize`",
    label = "inserted here"
)]
pub trait ValuePart {
    /// Writes the value as JSON, its strings with IAM's escapes when `escape` (`null` if
    /// it cannot be serialized, e.g. a map with non-string keys; `Policy::validate`
    /// reports the resulting document).
    fn write_json(&self, escape: bool, out: &mut String);
}

impl<T: serde_core::Serialize + ?Sized> ValuePart for T {
    fn write_json(&self, escape: bool, out: &mut String) {
        let value = match Ordered::of(self) {
            Some(value) if escape => value.map_strings(&|s| escape_literal(&s).into_owned()),
            Some(value) => value,
            None => Ordered::Null,
        };
        out.push_str(&value.to_json());
    }
}

impl<T: serde_core::Serialize> ValuePart for Pattern<T> {
    fn write_json(&self, _escape: bool, out: &mut String) {
        write_serialized(&self.0, out);
    }
}

fn write_serialized<T: serde_core::Serialize + ?Sized>(value: &T, out: &mut String) {
    match Ordered::of(value) {
        Some(value) => out.push_str(&value.to_json()),
        None => out.push_str("null"),
    }
}

/// A value that `(expr)` can insert where IAM reads wildcards and has no escape.
#[diagnostic::on_unimplemented(
    message = "`{Self}` may hold `*`, `?` or `$`, and this place of the policy has no escape for them",
    label = "inserted where IAM reads wildcards",
    note = "insert checked values (`iam_policy::Literal`, `AccountId`, `Region`, `Partition`, or a `Vec` or slice of them), or mark JSON you trust as a pattern: `iam_policy::Pattern(value)`"
)]
pub trait ValueUnescapable {
    /// Writes the value as JSON.
    fn write_json(&self, out: &mut String);
}

impl<T: ValueUnescapable + ?Sized> ValueUnescapable for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: serde_core::Serialize> ValueUnescapable for Pattern<T> {
    fn write_json(&self, out: &mut String) {
        write_serialized(&self.0, out);
    }
}

/// The checked string types, alone or in a list.
#[diagnostic::on_unimplemented(
    message = "`{Self}` may hold `*`, `?` or `$`, and this place of the policy has no escape for them",
    label = "inserted where IAM reads wildcards",
    note = "insert checked values (`iam_policy::Literal`, `AccountId`, `Region`, `Partition`, or a `Vec` or slice of them), or mark JSON you trust as a pattern: `iam_policy::Pattern(value)`"
)]
pub trait CheckedText: serde_core::Serialize {}
impl CheckedText for Literal {}
impl CheckedText for AccountId {}
impl CheckedText for Region {}
impl CheckedText for Partition {}

macro_rules! unescapable_value {
    ($($ty:ty),*) => {$(
        impl ValueUnescapable for $ty {
            fn write_json(&self, out: &mut String) {
                write_serialized(self, out);
            }
        }
    )*};
}

unescapable_value!(Literal, AccountId, Region, Partition);

impl<T: CheckedText> ValueUnescapable for [T] {
    fn write_json(&self, out: &mut String) {
        write_serialized(self, out);
    }
}

impl<T: CheckedText> ValueUnescapable for Vec<T> {
    fn write_json(&self, out: &mut String) {
        write_serialized(self, out);
    }
}

impl<T: CheckedText, const N: usize> ValueUnescapable for [T; N] {
    fn write_json(&self, out: &mut String) {
        write_serialized(self.as_slice(), out);
    }
}

/// Joins the pieces of a policy with run-time values.
pub fn render(kind: PolicyKind, parts: &[Part<'_>]) -> Policy {
    let mut json = String::new();
    for part in parts {
        match part {
            Part::Json(text) => json.push_str(text),
            Part::Escaped(value) => value.write(true, &mut json),
            Part::Verbatim(value) => value.write(false, &mut json),
            Part::Unescapable(value) => value.write(&mut json),
            Part::EscapedValue(value) => value.write_json(true, &mut json),
            Part::VerbatimValue(value) => value.write_json(false, &mut json),
            Part::UnescapableValue(value) => value.write_json(&mut json),
        }
    }
    Policy::from_owned(kind, json)
}

/// The value of a `generate!`: its documents and notes.
pub fn generated(policies: Vec<Policy>, notes: &[&str]) -> crate::Generated {
    crate::Generated::new(policies, notes.iter().map(|n| (*n).to_owned()).collect())
}

/// The value a failed `generate!` expands to after its errors.
pub fn generated_placeholder() -> crate::Generated {
    crate::Generated::new(Vec::new(), Vec::new())
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
                Part::Verbatim(&name),
                Part::Json("\","),
                Part::VerbatimValue(&vec![1, 2]),
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
