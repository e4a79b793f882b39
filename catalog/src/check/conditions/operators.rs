//! Condition operators: the names IAM takes (`OPERATORS`), their families, the set
//! qualifiers and `...IfExists` (IAM User Guide, "IAM JSON policy elements: Condition
//! operators"), read once by `parse_operator` for the rules and the evaluator.

#[allow(
    clippy::wildcard_imports,
    reason = "a part of the parent module, split for size"
)]
use super::*;

/// The condition operators, without `IfExists` and set qualifiers (IAM User Guide,
/// "IAM JSON policy elements: Condition operators").
pub(crate) const OPERATORS: &[&str] = &[
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
    "Bool",
    "BinaryEquals",
    "IpAddress",
    "NotIpAddress",
    "ArnEquals",
    "ArnLike",
    "ArnNotEquals",
    "ArnNotLike",
    "Null",
];

/// The set qualifiers, as written before the `:`.
pub(crate) const SET_QUALIFIERS: &[&str] = &["ForAllValues", "ForAnyValue"];

/// What a condition operator compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Family {
    /// `String...`.
    String,
    /// `Numeric...`.
    Numeric,
    /// `Date...`.
    Date,
    /// `Bool`.
    Bool,
    /// `BinaryEquals`.
    Binary,
    /// `IpAddress`, `NotIpAddress`.
    IpAddress,
    /// `Arn...`.
    Arn,
    /// `Null`.
    Null,
}

impl Family {
    fn of(base: &str) -> Family {
        if base.starts_with("String") {
            Family::String
        } else if base.starts_with("Numeric") {
            Family::Numeric
        } else if base.starts_with("Date") {
            Family::Date
        } else if base == "Bool" {
            Family::Bool
        } else if base == "BinaryEquals" {
            Family::Binary
        } else if base.ends_with("IpAddress") {
            Family::IpAddress
        } else if base.starts_with("Arn") {
            Family::Arn
        } else {
            Family::Null
        }
    }

    /// Whether IAM replaces policy variables in values of this family: only string and
    /// ARN operators (IAM User Guide, "Where you can use policy variables"; Access
    /// Analyzer "Invalid variable for operator").
    pub fn takes_policy_variables(self) -> bool {
        matches!(self, Family::String | Family::Arn)
    }
}

/// A set qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetQualifier {
    /// `ForAllValues:`.
    ForAllValues,
    /// `ForAnyValue:`.
    ForAnyValue,
}

impl SetQualifier {
    /// `ForAllValues` or `ForAnyValue`.
    pub fn as_str(self) -> &'static str {
        match self {
            SetQualifier::ForAllValues => "ForAllValues",
            SetQualifier::ForAnyValue => "ForAnyValue",
        }
    }
}

/// A condition operator as written, split into its parts ([`parse_operator`] reads one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Operator {
    /// The operator without qualifier and `IfExists` (`StringLike`).
    pub base: &'static str,
    /// What it compares.
    pub family: Family,
    /// `ForAllValues:`/`ForAnyValue:`, when present.
    pub set: Option<SetQualifier>,
    /// Whether it ends in `IfExists`.
    pub if_exists: bool,
}

/// Why a condition operator is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum OperatorError {
    /// `NullIfExists` (with or without a qualifier).
    NullIfExists,
    /// Not an operator; the closest operator, when one is close.
    Unknown(Option<String>),
}

/// Reads a condition operator. Operator names are case-sensitive: IAM rejects
/// `stringEquals` with `MalformedPolicyDocument: Invalid Condition type : stringEquals`
/// (observed in `ministryofjustice/modernisation-platform-environments#8893`); the AWS
/// documentation itself is silent on case. Set qualifiers are taken as AWS writes them
/// (`ForAllValues:`, `ForAnyValue:`), for the same reason.
pub fn parse_operator(name: &str) -> Result<Operator, OperatorError> {
    let (set, rest) = match name.split_once(':') {
        Some(("ForAllValues", rest)) => (Some(SetQualifier::ForAllValues), rest),
        Some(("ForAnyValue", rest)) => (Some(SetQualifier::ForAnyValue), rest),
        Some(_) => return Err(OperatorError::Unknown(suggest_operator(name))),
        None => (None, name),
    };
    let (base, if_exists) = match rest.strip_suffix("IfExists") {
        Some(base) => (base, true),
        None => (rest, false),
    };
    let Some(&base) = OPERATORS.iter().find(|&&op| op == base) else {
        return Err(OperatorError::Unknown(suggest_operator(name)));
    };
    if base == "Null" && if_exists {
        return Err(OperatorError::NullIfExists);
    }
    Ok(Operator {
        base,
        family: Family::of(base),
        set,
        if_exists,
    })
}

/// The operator closest to a misspelt one, over every operator with and without
/// `IfExists`, keeping a (corrected) set qualifier.
pub(super) fn suggest_operator(name: &str) -> Option<String> {
    let (qualifier, rest) = match name.split_once(':') {
        Some((q, rest)) => (Some(suggest(q, SET_QUALIFIERS.iter().copied())?), rest),
        None => (None, name),
    };
    let candidates: Vec<String> = OPERATORS
        .iter()
        .map(|op| (*op).to_owned())
        .chain(
            OPERATORS
                .iter()
                .filter(|op| **op != "Null")
                .map(|op| format!("{op}IfExists")),
        )
        .collect();
    let body = suggest(rest, candidates.iter().map(String::as_str))?;
    let out = match qualifier {
        Some(q) => format!("{q}:{body}"),
        None => body.to_owned(),
    };
    (out != name).then_some(out)
}

/// Help naming the operators for a key type.
pub(super) fn operators_for(key_type: ConditionType) -> &'static str {
    match key_type {
        ConditionType::String => {
            "use a string operator: `StringEquals`, `StringNotEquals`, `StringLike`, `StringNotLike`, ..."
        }
        ConditionType::Arn => {
            "use an ARN operator (`ArnEquals`, `ArnLike`, `ArnNotEquals`, `ArnNotLike`) or a string operator"
        }
        ConditionType::Numeric => {
            "use a numeric operator: `NumericEquals`, `NumericLessThan`, `NumericGreaterThan`, ..."
        }
        ConditionType::Date => {
            "use a date operator: `DateEquals`, `DateLessThan`, `DateGreaterThan`, ..."
        }
        ConditionType::Bool => "use `Bool`",
        ConditionType::IpAddress => "use `IpAddress` or `NotIpAddress`",
        ConditionType::Binary => "use `BinaryEquals`",
    }
}
