//! The `Condition` element, compiled once and evaluated against a request.
//!
//! Sources (IAM User Guide):
//! - "IAM JSON policy elements: Condition operators": what each operator compares;
//!   "If the key that you specify in a policy condition is not present in the request
//!   context, the values do not match and the condition is *false*. If the policy
//!   condition requires that the key is *not* matched, such as `StringNotLike` or
//!   `ArnNotLike`, and the right key is not present, the condition is *true*. This logic
//!   applies to all condition operators except `...IfExists` and `Null` check";
//!   `...IfExists`: "If the policy key is present in the context of the request, process
//!   the key as specified in the policy. If the key is not present, evaluate the
//!   condition element as true"; `Null`: `true` when the key is absent, `false` when it
//!   is present.
//! - "IAM JSON policy elements: Condition" / "Evaluation logic for conditions": several
//!   operators in a block, and several keys under one operator, are AND'd; several
//!   values of one key are OR'd (for negated operators, the request value must match
//!   none: "NOR").
//! - "Creating a condition with multiple context keys or values" (single- vs
//!   multivalued): `ForAllValues` is true when every request value matches a policy
//!   value, "and also returns true if there are no context keys in the request, or if the
//!   context key value resolves to a null data set, such as an empty string";
//!   `ForAnyValue` is true when at least one request value matches, and false when the
//!   key is absent or its set is empty.
//!
//! Decisions where the sources are silent (also in the crate's docs):
//! - A plain operator (no set qualifier) on a request key with several values matches
//!   when any value matches (negated: when none matches the base operator), as
//!   `ForAnyValue` does; on an empty set it is false (negated: true).
//! - A value that does not read as the operator's type (`NumericEquals` with `abc`, on
//!   either side) matches nothing; the checker reports the policy side.
//! - A policy variable without a value makes the condition false (not true, even for a
//!   negated operator), and its key is reported as missing.

use iam_catalog::check::conditions::{Family, Operator, SetQualifier, parse_operator};
use iam_catalog::pattern::{Case, Pattern, Syntax};
use iam_catalog::value::{self, IpRange};
use iam_catalog::view::{Node, NodeKind};

use super::request::{ContextValue, Request};

/// A policy value, read once for its operator.
#[derive(Debug, Clone)]
enum PolicyValue {
    Text(Pattern),
    Number(Option<f64>),
    Date(Option<i64>),
    Bool(Option<bool>),
    Ip(Option<IpRange>),
    Binary(String),
}

/// What an operator does with one pair of values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compare {
    StringEquals,
    StringEqualsIgnoreCase,
    StringLike,
    Arn,
    NumEq,
    NumLt,
    NumLe,
    NumGt,
    NumGe,
    Bool,
    Binary,
    Ip,
    Null,
}

/// One `operator: { key: values }` entry.
#[derive(Debug, Clone)]
pub(crate) struct KeyCondition {
    /// The operator as written (for explanations).
    pub(crate) operator: String,
    /// The condition key as written.
    pub(crate) key: String,
    set: Option<SetQualifier>,
    if_exists: bool,
    negated: bool,
    compare: Compare,
    values: Vec<PolicyValue>,
}

/// Why a condition did not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure<'c> {
    /// The values did not match (the key name).
    Mismatch(&'c str),
    /// The key (or a policy variable's key) is not in the request.
    Missing(&'c str),
}

/// Reads `Condition`: `Err` with a message when a part cannot be evaluated (an unknown
/// operator, a value known only at run time).
pub(crate) fn compile(node: &Node, variables: bool) -> Result<Vec<KeyCondition>, String> {
    let Some(blocks) = node.as_object() else {
        return Err(format!(
            "`Condition` is {}, not an object",
            node.type_name()
        ));
    };
    let mut out = Vec::new();
    for block in blocks {
        let operator =
            parse_operator(&block.key).map_err(|_| format!("unknown operator `{}`", block.key))?;
        let Some(keys) = block.value.as_object() else {
            return Err(format!("operator `{}` is not an object", block.key));
        };
        let (compare, negated) = compare_of(operator);
        for key in keys {
            let nodes: Vec<&Node> = match &key.value.kind {
                NodeKind::Array(items) => items.iter().collect(),
                _ => vec![&key.value],
            };
            let mut values = Vec::with_capacity(nodes.len());
            for node in nodes {
                let text = match &node.kind {
                    NodeKind::String(t) => t
                        .as_literal()
                        .ok_or_else(|| format!("a value of `{}` is inserted at run time", key.key))?
                        .to_owned(),
                    NodeKind::Number(n) => n.to_string(),
                    NodeKind::Bool(b) => b.to_string(),
                    _ => {
                        return Err(format!(
                            "a value of `{}` is {}, not a string, number or Boolean",
                            key.key,
                            node.type_name()
                        ));
                    }
                };
                values.push(policy_value(compare, operator.family, &text, variables));
            }
            out.push(KeyCondition {
                operator: block.key.to_string(),
                key: key.key.to_string(),
                set: operator.set,
                if_exists: operator.if_exists,
                negated,
                compare,
                values,
            });
        }
    }
    Ok(out)
}

/// The comparison and whether the operator negates it.
fn compare_of(op: Operator) -> (Compare, bool) {
    match op.base {
        "StringEquals" => (Compare::StringEquals, false),
        "StringNotEquals" => (Compare::StringEquals, true),
        "StringEqualsIgnoreCase" => (Compare::StringEqualsIgnoreCase, false),
        "StringNotEqualsIgnoreCase" => (Compare::StringEqualsIgnoreCase, true),
        "StringLike" => (Compare::StringLike, false),
        "StringNotLike" => (Compare::StringLike, true),
        "NumericEquals" | "DateEquals" => (Compare::NumEq, false),
        "NumericNotEquals" | "DateNotEquals" => (Compare::NumEq, true),
        "NumericLessThan" | "DateLessThan" => (Compare::NumLt, false),
        "NumericLessThanEquals" | "DateLessThanEquals" => (Compare::NumLe, false),
        "NumericGreaterThan" | "DateGreaterThan" => (Compare::NumGt, false),
        "NumericGreaterThanEquals" | "DateGreaterThanEquals" => (Compare::NumGe, false),
        "Bool" => (Compare::Bool, false),
        "BinaryEquals" => (Compare::Binary, false),
        "IpAddress" => (Compare::Ip, false),
        "NotIpAddress" => (Compare::Ip, true),
        "ArnEquals" | "ArnLike" => (Compare::Arn, false),
        "ArnNotEquals" | "ArnNotLike" => (Compare::Arn, true),
        _ => (Compare::Null, false),
    }
}

fn policy_value(compare: Compare, family: Family, text: &str, variables: bool) -> PolicyValue {
    // Variables only in string and ARN values (variables page; Access Analyzer
    // "Invalid variable for operator").
    let variables = variables && family.takes_policy_variables();
    match (compare, family) {
        (Compare::StringLike | Compare::Arn, _) => PolicyValue::Text(Pattern::parse(
            text,
            Syntax {
                wildcards: true,
                variables,
            },
        )),
        (Compare::StringEquals | Compare::StringEqualsIgnoreCase, _) => {
            PolicyValue::Text(Pattern::parse(
                text,
                Syntax {
                    wildcards: false,
                    variables,
                },
            ))
        }
        (_, Family::Date) => PolicyValue::Date(value::parse_date(text)),
        (Compare::NumEq | Compare::NumLt | Compare::NumLe | Compare::NumGt | Compare::NumGe, _) => {
            PolicyValue::Number(value::parse_number(text))
        }
        (Compare::Bool | Compare::Null, _) => PolicyValue::Bool(value::parse_bool(text)),
        (Compare::Ip, _) => PolicyValue::Ip(value::parse_ip_range(text)),
        (Compare::Binary, _) => PolicyValue::Binary(text.to_owned()),
    }
}

impl KeyCondition {
    /// Evaluates the condition against the request.
    pub(crate) fn eval<'c>(&'c self, request: &Request) -> Result<(), Failure<'c>> {
        let entry = request.entry(&self.key);
        if self.compare == Compare::Null {
            // `Null: true` holds when the key is absent; `false` when present.
            let present = entry.is_some();
            let holds = self.values.iter().any(|v| match v {
                PolicyValue::Bool(Some(b)) => *b != present,
                _ => false,
            });
            return if holds {
                Ok(())
            } else {
                Err(Failure::Mismatch(&self.key))
            };
        }
        let Some(entry) = entry else {
            return match self.set {
                _ if self.if_exists => Ok(()),
                Some(SetQualifier::ForAllValues) => Ok(()),
                None if self.negated => Ok(()),
                Some(SetQualifier::ForAnyValue) | None => Err(Failure::Missing(&self.key)),
            };
        };
        let mut missing = None;
        // Whether one request value matches a policy value (the base, un-negated
        // operator); a variable without a value makes the pair fail and is remembered.
        let mut base = |v: &ContextValue| -> bool {
            self.values.iter().any(|p| match self.pair(p, v, request) {
                Ok(m) => m,
                Err(name) => {
                    missing = Some(name);
                    false
                }
            })
        };
        let values = &entry.values;
        let holds = match self.set {
            Some(SetQualifier::ForAllValues) => values.iter().all(|v| base(v) != self.negated),
            Some(SetQualifier::ForAnyValue) => values.iter().any(|v| base(v) != self.negated),
            None if self.negated => !values.iter().any(&mut base),
            None => values.iter().any(&mut base),
        };
        if let Some(name) = missing {
            return Err(Failure::Missing(name));
        }
        if holds {
            Ok(())
        } else {
            Err(Failure::Mismatch(&self.key))
        }
    }

    /// The base comparison of one policy value with one request value; `Err` with the
    /// variable's name when the policy value needs a variable the request lacks.
    fn pair<'c>(
        &'c self,
        p: &'c PolicyValue,
        v: &ContextValue,
        request: &Request,
    ) -> Result<bool, &'c str> {
        let unset = |pattern: &'c Pattern| {
            pattern
                .variables()
                .find(|var| {
                    var.default.is_none()
                        && iam_catalog::pattern::Variables::value(request, &var.name).is_none()
                })
                .map_or("", |var| var.name.as_str())
        };
        Ok(match (self.compare, p) {
            (Compare::StringEquals | Compare::StringLike, PolicyValue::Text(pattern)) => pattern
                .matches(&v.text, Case::Sensitive, request)
                .ok_or_else(|| unset(pattern))?,
            (Compare::StringEqualsIgnoreCase, PolicyValue::Text(pattern)) => pattern
                .matches(&v.text, Case::Insensitive, request)
                .ok_or_else(|| unset(pattern))?,
            (Compare::Arn, PolicyValue::Text(pattern)) => pattern
                .matches_arn(&v.text, request)
                .ok_or_else(|| unset(pattern))?,
            (c, PolicyValue::Number(Some(n))) => v.number.is_some_and(|x| order(c, x, *n)),
            #[expect(clippy::cast_precision_loss, reason = "dates compare as milliseconds")]
            (c, PolicyValue::Date(Some(d))) => {
                v.date.is_some_and(|x| order(c, x as f64, *d as f64))
            }
            (Compare::Bool, PolicyValue::Bool(Some(b))) => v.boolean == Some(*b),
            (Compare::Ip, PolicyValue::Ip(Some(range))) => {
                v.ip.is_some_and(|ip| range.contains(ip))
            }
            (Compare::Binary, PolicyValue::Binary(b)) => v.text == *b,
            _ => false,
        })
    }
}

/// `request <op> policy` for the ordered comparisons.
fn order(c: Compare, x: f64, p: f64) -> bool {
    match c {
        #[expect(clippy::float_cmp, reason = "IAM compares the values as written")]
        Compare::NumEq => x == p,
        Compare::NumLt => x < p,
        Compare::NumLe => x <= p,
        Compare::NumGt => x > p,
        Compare::NumGe => x >= p,
        _ => false,
    }
}
