//! How a value known only at run time is written into a policy, so that it can never
//! widen what the policy grants.
//!
//! A front end that inserts run-time text into a policy string (the macro's `{var}`, its
//! `(expr)` values) asks [`modes`] how each inserted value must be written, and writes it
//! with [`escape_literal`] where IAM has escapes. The rule, from the IAM User Guide:
//!
//! - IAM reads `*` and `?` as wildcards in `Resource`/`NotResource` and in the values of
//!   `...Like` and `Arn...` conditions, and replaces `${...}` policy variables in
//!   `Resource`/`NotResource` and in the values of string and ARN conditions, in policies
//!   of version `2012-10-17` ("IAM JSON policy elements: Resource"; "Condition operators";
//!   "IAM policy elements: Variables and tags", "Where you can use policy variables").
//! - Where it replaces variables it has escapes for the three characters: "`${*}`
//!   represents the `*` (asterisk) character, `${?}` ... the `?` (question mark)
//!   character, `${$}` ... the `$` (dollar sign) character. These special policy
//!   variables can be used in any string where you can use regular policy variables"
//!   (variables page, "Special characters"). There an inserted value is written with
//!   them: [`InsertMode::Escape`].
//! - Where IAM gives the three characters no meaning (the values of `Numeric`, `Date`,
//!   `Bool`, `Binary`, `IpAddress` and `Null` conditions; `StringEquals` and the other
//!   non-`Like` string operators in a `2008-10-17` policy; `Id`), a value is written as
//!   it is: [`InsertMode::Verbatim`].
//! - Where IAM reads wildcards and has no escape (`Action`/`NotAction`, whose `*` and `?`
//!   match action names; `Principal`/`NotPrincipal`, where `"*"` means everyone; `Sid`,
//!   `Version`, `Effect`; `Resource` and `...Like`/`Arn...` values in a policy without
//!   version `2012-10-17`, where wildcards work and variables do not; a value inside a
//!   `${...}` policy variable; a whole statement or condition block), no arbitrary text
//!   can be written as a literal: [`InsertMode::Refuse`]. The front end must take only
//!   values that cannot hold `*`, `?` or `$` there (the macro asks for them by type) and
//!   never write an unchecked value.
//!
//! When unsure, the rule refuses: an unknown operator, a run-time `Version`, an element
//! the grammar does not know.

use std::borrow::Cow;

use super::conditions::Family;
use super::place::{self, Place, Visited};
use super::{Ctx, structure};
use crate::{NodeKind, PolicyKind, PolicyView, Segment};

/// How a run-time value is written at its place in the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InsertMode {
    /// IAM reads `*`, `?` and `${` here and has escapes for them: write the value with
    /// [`escape_literal`], so that it matches only itself.
    Escape,
    /// IAM gives `*`, `?` and `$` no meaning here: write the value as it is.
    Verbatim,
    /// IAM reads wildcards here (or the value would stand inside a policy variable) and
    /// has no escape: only a value that cannot hold `*`, `?`, `$`, `{` or `}` may be
    /// written, or one its author marks as a pattern.
    Refuse,
}

/// A run-time value of a [`PolicyView`]: a [`Segment::Hole`] of a string, or a whole
/// [`NodeKind::Opaque`] value, by the id the front end gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Insertion {
    /// A hole of a string.
    Hole(u32),
    /// A whole value.
    Value(u32),
}

/// How each run-time value of `view` must be written. Every hole and opaque value of the
/// tree gets a mode; one the grammar cannot place (inside a malformed document) gets
/// [`InsertMode::Refuse`].
pub fn modes(view: &PolicyView) -> Vec<(Insertion, InsertMode)> {
    let mut out = Vec::new();
    // The structure is read only to find the statements and the version; its findings
    // are the checker's business and are dropped here.
    let mut ctx = Ctx::new(PolicyKind::Identity);
    if let Some(policy) = structure::check_structure(&mut ctx, &view.root) {
        let variables = policy.is_2012();
        place::visit(&policy, |_, visited, place| {
            let Visited::Node(node) = visited else {
                return; // condition keys are literal in every front end
            };
            let mode = mode_at(place, variables);
            match &node.kind {
                NodeKind::String(text) => {
                    let mut open = false;
                    for segment in text.segments() {
                        match segment {
                            Segment::Literal(literal) => open = ends_inside_variable(open, literal),
                            Segment::Hole(id) => out.push((
                                Insertion::Hole(*id),
                                if open { InsertMode::Refuse } else { mode },
                            )),
                        }
                    }
                }
                NodeKind::Opaque(id) => out.push((Insertion::Value(*id), mode)),
                _ => {}
            }
        });
    }
    // Anything the walk did not reach (a malformed document, the root itself given at
    // run time) is refused.
    let mut stack = vec![&view.root];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::String(text) => {
                for segment in text.segments() {
                    if let Segment::Hole(id) = segment {
                        add_refused(&mut out, Insertion::Hole(*id));
                    }
                }
            }
            NodeKind::Opaque(id) => add_refused(&mut out, Insertion::Value(*id)),
            NodeKind::Array(items) => stack.extend(items),
            NodeKind::Object(members) => stack.extend(members.iter().map(|m| &m.value)),
            _ => {}
        }
    }
    out.sort_unstable_by_key(|(insertion, _)| *insertion);
    out
}

fn add_refused(out: &mut Vec<(Insertion, InsertMode)>, insertion: Insertion) {
    if !out.iter().any(|(i, _)| *i == insertion) {
        out.push((insertion, InsertMode::Refuse));
    }
}

/// The mode of a place, in a policy with (`variables`) or without version `2012-10-17`.
fn mode_at(place: Place<'_>, variables: bool) -> InsertMode {
    match place {
        Place::Element("Id") => InsertMode::Verbatim,
        Place::Element(_) | Place::ConditionKey | Place::ConditionValue(None) => InsertMode::Refuse,
        Place::Resource => {
            if variables {
                InsertMode::Escape
            } else {
                InsertMode::Refuse
            }
        }
        Place::ConditionValue(Some(operator)) => match operator.family {
            Family::String | Family::Arn if variables => InsertMode::Escape,
            // `ArnEquals` matches wildcards like `ArnLike` ("Condition operators", ARN
            // condition operators: "each can include multi-character match wildcards").
            Family::Arn => InsertMode::Refuse,
            Family::String if operator.base.ends_with("Like") => InsertMode::Refuse,
            Family::String
            | Family::Numeric
            | Family::Date
            | Family::Bool
            | Family::Binary
            | Family::IpAddress
            | Family::Null => InsertMode::Verbatim,
        },
    }
}

/// Whether, after `literal`, the text stands inside an unclosed `${` (`open`: it did
/// before `literal`).
pub(crate) fn ends_inside_variable(open: bool, literal: &str) -> bool {
    let mut open = open;
    let mut rest = literal;
    loop {
        if open {
            match rest.find('}') {
                Some(end) => {
                    open = false;
                    rest = rest.get(end + 1..).unwrap_or_default();
                }
                None => return true,
            }
        } else {
            match rest.find("${") {
                Some(start) => {
                    open = true;
                    rest = rest.get(start + 2..).unwrap_or_default();
                }
                None => return false,
            }
        }
    }
}

/// `value` with IAM's escapes for the characters IAM reads in a [`InsertMode::Escape`]
/// place: `*` as `${*}`, `?` as `${?}`, `$` as `${$}`. The result matches, and is
/// replaced by, exactly `value` (IAM User Guide, policy variables, "Special characters").
pub fn escape_literal(value: &str) -> Cow<'_, str> {
    // One writer of IAM's escapes: the pattern module's, which also reads them.
    crate::pattern::escape(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::test_util::parse;
    use InsertMode::{Escape, Refuse, Verbatim};

    /// The modes of the holes (`{}` in the test JSON), in hole order.
    fn modes_of(json: &str) -> Vec<InsertMode> {
        modes(&PolicyView::new(parse(json)))
            .into_iter()
            .map(|(_, mode)| mode)
            .collect()
    }

    fn statement(version: &str, body: &str) -> String {
        format!(r#"{{"Version":"{version}","Statement":[{{"Effect":"Allow",{body}}}]}}"#)
    }

    #[test]
    fn resources_and_string_conditions_escape_in_2012() {
        let json = statement(
            "2012-10-17",
            r#""Action":"s3:GetObject","Resource":["arn:aws:s3:::b/{}/*","{}"],
               "NotResource":"arn:aws:s3:::{}",
               "Condition":{"StringLike":{"s3:prefix":["home/{}/*"]},
                            "StringEquals":{"aws:SourceAccount":"{}"},
                            "ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:{}:t"},
                            "ForAnyValue:StringLikeIfExists":{"aws:TagKeys":"{}"}}"#,
        );
        assert_eq!(modes_of(&json), [Escape; 7]);
    }

    #[test]
    fn other_condition_values_are_verbatim() {
        let json = statement(
            "2012-10-17",
            r#""Action":"s3:GetObject","Resource":"*",
               "Condition":{"NumericLessThan":{"s3:max-keys":"{}"},
                            "DateGreaterThan":{"aws:CurrentTime":"{}"},
                            "Bool":{"aws:SecureTransport":"{}"},
                            "IpAddress":{"aws:SourceIp":["{}"]},
                            "Null":{"aws:TokenIssueTime":"{}"},
                            "BinaryEquals":{"aws:x":"{}"}}"#,
        );
        assert_eq!(modes_of(&json), [Verbatim; 6]);
    }

    #[test]
    fn places_without_escapes_refuse() {
        let json = r#"{"Version":"2012-10-17","Id":"{}","Statement":[{"Sid":"S{}","Effect":"Allow",
            "Principal":{"AWS":"arn:aws:iam::{}:root"},"Action":["s3:{}"],"NotAction":"{}",
            "Resource":"*","Condition":{"StringBogus":{"k":"{}"}}}]}"#;
        assert_eq!(
            modes_of(json),
            [Verbatim, Refuse, Refuse, Refuse, Refuse, Refuse]
        );
    }

    #[test]
    fn without_2012_wildcards_have_no_escape() {
        for version in ["2008-10-17", "{}"] {
            let json = statement(
                version,
                r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::b/{}",
                   "Condition":{"StringEquals":{"s3:prefix":"{}"},"StringNotLike":{"s3:prefix":"{}"},
                                "ArnEquals":{"aws:SourceArn":"{}"}}"#,
            );
            let found = modes_of(&json);
            let found = if version == "{}" {
                assert_eq!(found.first(), Some(&Refuse), "the version itself");
                found.get(1..).unwrap_or_default().to_vec()
            } else {
                found
            };
            assert_eq!(found, [Refuse, Verbatim, Refuse, Refuse], "{version}");
        }
        let without = r#"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::{}"}]}"#;
        assert_eq!(modes_of(without), [Refuse]);
    }

    #[test]
    fn a_value_inside_a_policy_variable_is_refused() {
        let json = statement(
            "2012-10-17",
            r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:PrincipalTag/{}}/{}""#,
        );
        assert_eq!(modes_of(&json), [Refuse, Escape]);
    }

    #[test]
    fn malformed_documents_refuse_everything() {
        assert_eq!(modes_of(r#"["{}", {"Resource": "{}"}]"#), [Refuse, Refuse]);
        assert_eq!(modes_of(r#""{}""#), [Refuse]);
    }

    #[test]
    fn escapes_the_three_characters_and_nothing_else() {
        assert_eq!(escape_literal("a*b?c$d"), "a${*}b${?}c${$}d");
        assert_eq!(escape_literal("${aws:username}"), "${$}{aws:username}");
        assert!(matches!(escape_literal("plain/é\"\\"), Cow::Borrowed(_)));
    }

    #[test]
    fn inside_a_variable_is_tracked_across_literals() {
        assert!(ends_inside_variable(false, "arn:${aws:PrincipalTag/"));
        assert!(!ends_inside_variable(false, "arn:${aws:username}/x"));
        assert!(!ends_inside_variable(true, "}/x"));
        assert!(ends_inside_variable(true, "a"));
        assert!(!ends_inside_variable(false, "$ { }"));
    }
}
