//! Values for `policy!`'s `{name}` and `(expr)`: what may be inserted where.
//!
//! An inserted value is a literal: it can never widen the policy. `policy!` writes each
//! value by its place in the document:
//!
//! | place | how a value is written | what it takes |
//! | --- | --- | --- |
//! | `Resource`, `NotResource`; values of `String…` and `Arn…` conditions (version `2012-10-17`) | `*`, `?`, `$` as IAM's escapes `${*}`, `${?}`, `${$}` | any `Display` (`{name}`) or `Serialize` (`(expr)`) value |
//! | values of `Numeric…`, `Date…`, `Bool`, `BinaryEquals`, `IpAddress`, `Null` conditions; `StringEquals`-style values in a `2008-10-17` policy; `Id` | as it is (IAM reads no wildcard there) | any `Display` / `Serialize` value |
//! | `Action`, `NotAction`, `Principal`, `NotPrincipal`, `Sid`, `Version`, `Effect`; `Resource` and `…Like`/`Arn…` values without version `2012-10-17`; a whole statement or condition block | IAM reads wildcards there and has no escape | only a value that cannot hold `*`, `?` or `$`: an integer, [`Literal`], [`AccountId`], [`Region`], [`Partition`]; or a [`Pattern`] |
//!
//! Any other type in the last row is a compile error at the string. A value meant as a
//! pattern says so with [`Pattern`]: it is written as it is, wildcards and policy
//! variables included, in every place.
//!
//! Sources: IAM User Guide, "IAM policy elements: Variables and tags" ("Special
//! characters": `${*}`, `${?}`, `${$}` "can be used in any string where you can use
//! regular policy variables"; variables work "in the `Resource` element and in string
//! comparisons in the `Condition` element", from version `2012-10-17`); "IAM JSON policy
//! elements: Action" and "Principal" (wildcards, no escapes). The rule itself lives in the
//! engine, `iam_catalog::check::interpolation`.

use std::fmt;

/// A value written into a policy as it is: `*` and `?` stay wildcards and `${...}` stays
/// a policy variable. Use it only for a value you mean as a pattern and trust, never for
/// data from a request.
///
/// ```
/// use iam_policy::{Pattern, policy};
///
/// let logs = Pattern("app-*");
/// let p = policy!({
///     "Version": "2012-10-17",
///     "Statement": [{
///         "Effect": "Allow",
///         "Action": "logs:PutLogEvents",
///         "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:{logs}:*"
///     }]
/// });
/// assert!(p.to_json().contains("log-group:app-*:*"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Pattern<T>(pub T);

/// Why a value cannot be a [`Literal`] or one of the typed ARN fields.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InsertError {
    /// The value holds a character IAM reads as a wildcard or a variable.
    Special {
        /// The value.
        value: String,
        /// The first such character.
        character: char,
    },
    /// Not a 12-digit account id.
    Account(String),
    /// Not a region name.
    Region(String),
    /// Not a partition.
    Partition(String),
}

impl fmt::Display for InsertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InsertError::Special { value, character } => write!(
                f,
                "`{value}` holds `{character}`, which IAM reads as policy syntax where it has no escape"
            ),
            InsertError::Account(value) => {
                write!(f, "`{value}` is not a 12-digit AWS account id")
            }
            InsertError::Region(value) => {
                write!(f, "`{value}` is not an AWS Region name such as `us-east-1`")
            }
            InsertError::Partition(value) => write!(
                f,
                "`{value}` is not an AWS partition (`aws`, `aws-cn`, `aws-us-gov`, ...)"
            ),
        }
    }
}

impl std::error::Error for InsertError {}

/// Text checked to hold none of `*`, `?` and `$`, so it can be inserted anywhere, also
/// where IAM has no escape (`Action`, `Principal`, `Sid`, ...).
///
/// ```
/// use iam_policy::{Literal, policy};
///
/// # fn main() -> Result<(), iam_policy::InsertError> {
/// let role = Literal::new("deploy")?;
/// let trust = policy!(resource {
///     "Version": "2012-10-17",
///     "Statement": [{
///         "Effect": "Allow",
///         "Principal": { "AWS": "arn:aws:iam::111122223333:role/{role}" },
///         "Action": "s3:GetObject",
///         "Resource": "arn:aws:s3:::reports/*"
///     }]
/// });
/// assert!(Literal::new("*").is_err());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Literal(String);

impl Literal {
    /// Checks `value`: an error names the first `*`, `?` or `$` in it.
    pub fn new(value: impl Into<String>) -> Result<Self, InsertError> {
        let value = value.into();
        match value.chars().find(|c| matches!(c, '*' | '?' | '$')) {
            Some(character) => Err(InsertError::Special { value, character }),
            None => Ok(Self(value)),
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A 12-digit AWS account id ("Your AWS account ID": a 12-digit number; IAM User Guide,
/// "View AWS account identifiers").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AccountId(String);

impl AccountId {
    /// Checks `value`: exactly 12 ASCII digits.
    pub fn new(value: impl Into<String>) -> Result<Self, InsertError> {
        let value = value.into();
        if value.len() == 12 && value.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(value))
        } else {
            Err(InsertError::Account(value))
        }
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An AWS Region name: lowercase words joined by `-`, ending in a number (`us-east-1`,
/// `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`; AWS General Reference, "AWS Regions").
/// Only the shape is checked, so Regions newer than this crate are accepted.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Region(String);

impl Region {
    /// Checks `value`'s shape: at least three `-`-separated parts, lowercase ASCII
    /// letters, the last one digits (the engine's rule for a region field).
    pub fn new(value: impl Into<String>) -> Result<Self, InsertError> {
        let value = value.into();
        if iam_catalog::check::resources::is_region_name(&value) {
            Ok(Self(value))
        } else {
            Err(InsertError::Region(value))
        }
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An AWS partition, one of those the catalog knows (`aws`, `aws-cn`, `aws-us-gov`, the
/// ISO partitions, `aws-eusc`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Partition(&'static str);

impl Partition {
    /// Checks `value` against the catalog's partitions.
    pub fn new(value: &str) -> Result<Self, InsertError> {
        iam_catalog::query::PARTITIONS
            .iter()
            .find(|p| **p == value)
            .map(|p| Self(p))
            .ok_or_else(|| InsertError::Partition(value.to_owned()))
    }

    /// The partition.
    pub fn as_str(&self) -> &'static str {
        self.0
    }
}

macro_rules! display_as_str {
    ($($ty:ty),*) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde_core::Serialize for $ty {
            fn serialize<S: serde_core::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
    )*};
}

display_as_str!(Literal, AccountId, Region, Partition);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_refuses_iam_syntax() {
        assert_eq!(Literal::new("a-b_c.d@e").unwrap().as_str(), "a-b_c.d@e");
        for (value, character) in [("a*", '*'), ("?", '?'), ("${aws:username}", '$')] {
            let error = Literal::new(value).unwrap_err();
            assert_eq!(
                error,
                InsertError::Special {
                    value: value.to_owned(),
                    character
                }
            );
            assert!(error.to_string().contains(&format!("`{character}`")));
        }
    }

    #[test]
    fn typed_fields_check_their_shape() {
        assert!(AccountId::new("111122223333").is_ok());
        for bad in ["11112222333", "1111222233334", "11112222333a", "*", ""] {
            assert_eq!(
                AccountId::new(bad),
                Err(InsertError::Account(bad.to_owned()))
            );
        }
        for good in ["us-east-1", "us-gov-west-1", "cn-north-1", "eusc-de-east-1"] {
            assert_eq!(Region::new(good).unwrap().to_string(), good);
        }
        for bad in [
            "us-east",
            "US-EAST-1",
            "us--1",
            "us-east-1a",
            "*",
            "us-east-*",
        ] {
            assert!(Region::new(bad).is_err(), "{bad}");
        }
        assert_eq!(Partition::new("aws-us-gov").unwrap().as_str(), "aws-us-gov");
        assert!(Partition::new("aws-gov").is_err());
        assert!(Partition::new("*").is_err());
    }
}
