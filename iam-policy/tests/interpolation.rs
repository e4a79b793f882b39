//! An inserted value can never widen a policy: for arbitrary strings (wildcards, `${…}`,
//! quotes, backslashes, control characters, non-ASCII), the policy `policy!` writes
//! grants exactly what the literal value names.
//!
//! Each property reads the written JSON back and interprets the string as the evaluator
//! does (`iam_catalog::pattern`, IAM's documented matching rules): `*` any run, `?` one
//! character, `${*}`, `${?}`, `${$}` the literal characters, any other `${…}` a policy
//! variable. The
//! written pattern must be exactly the template's wildcards around the value's literal
//! characters, and a request for another tenant's ARN must match only where the literal
//! value's ARN would.
//!
//! Case counts: proptest's default (256 per property) in `cargo test`;
//! `PROPTEST_CASES=2000` in CI's fuzz smoke step.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use iam_policy::catalog::pattern::{Case, NoVariables, Pattern, Piece, Syntax};
use iam_policy::{AccountId, Literal, Policy, policy};
use proptest::prelude::*;
use serde_json::Value;

/// A policy string as the evaluator reads it where IAM evaluates wildcards and policy
/// variables (`Resource`, `…Like` values; IAM User Guide: "IAM JSON policy elements:
/// Resource" — `*` and `?`; "IAM policy elements: Variables and tags" — `${key}`,
/// `${key, 'default'}`, and the special characters `${*}`, `${?}`, `${$}`).
/// An ARN is read as a `Resource` (variables from its region field on), anything else as
/// a condition value.
fn iam_pattern(s: &str) -> Vec<Piece> {
    compile(s).pieces().to_vec()
}

fn compile(s: &str) -> Pattern {
    if s.starts_with("arn:") {
        Pattern::parse_resource(s, Syntax::GLOB)
    } else {
        Pattern::parse(s, Syntax::GLOB)
    }
}

/// The pieces of a template: its fixed parts as IAM reads them, the value's characters
/// as literals.
fn expected(before: &str, value: &str, after: &str) -> Vec<Piece> {
    let mut out = iam_pattern(before);
    out.extend(value.chars().map(Piece::Char));
    out.extend(iam_pattern(after));
    out
}

/// Whether the evaluator matches `value` against the written `pattern` (no variables
/// have values: an unresolved variable never matches).
fn matches(pattern: &str, value: &str) -> bool {
    compile(pattern).matches(value, Case::Sensitive, &NoVariables) == Some(true)
}

/// The first statement of a written policy.
fn statement(policy: &Policy) -> Value {
    let json: Value = serde_json::from_str(&policy.to_json()).expect("the policy is JSON");
    json["Statement"][0].clone()
}

/// Strings rich in what IAM and JSON treat specially, and arbitrary Unicode.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[*?${}'\",\\\\/:a-z0-9 \\x00-\\x1f\u{e9}\u{1F600}]{0,16}",
        any::<String>(),
        Just("*".to_owned()),
        Just("${aws:username}".to_owned()),
        Just("${*}".to_owned()),
    ]
}

proptest! {
    /// The multi-tenant session policy: a tenant id from a request reaches only
    /// that tenant's prefix.
    #[test]
    fn a_tenant_in_a_resource_reaches_only_its_own_prefix(tenant in value(), other in value()) {
        let id = tenant.as_str();
        let session = policy!(session {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:PutObject"],
                "Resource": "arn:aws:s3:::saas-data/tenants/{id}/*"
            }]
        });
        let written = statement(&session)["Resource"].as_str().unwrap().to_owned();
        prop_assert_eq!(iam_pattern(&written), expected("arn:aws:s3:::saas-data/tenants/", id, "/*"));
        let prefix = format!("arn:aws:s3:::saas-data/tenants/{tenant}/");
        for target in [&tenant, &other, &"victim".to_owned()] {
            let arn = format!("arn:aws:s3:::saas-data/tenants/{target}/report.csv");
            prop_assert_eq!(matches(&written, &arn), arn.starts_with(&prefix), "{}", arn);
        }
    }

    /// `…Like` condition values: wildcards of the template stay, the value's do not.
    #[test]
    fn a_value_in_a_like_condition_is_literal(user in value()) {
        let p = policy!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": "s3:ListBucket",
                "Resource": "arn:aws:s3:::home",
                "Condition": { "StringLike": { "s3:prefix": ["home/{user}/*"] } }
            }]
        });
        let written = statement(&p)["Condition"]["StringLike"]["s3:prefix"][0]
            .as_str().unwrap().to_owned();
        prop_assert_eq!(iam_pattern(&written), expected("home/", &user, "/*"));
    }

    /// `StringEquals` replaces policy variables (version `2012-10-17`): a `${…}` in the
    /// value stays text, and the compared value is exactly the input.
    #[test]
    fn a_value_in_an_equals_condition_compares_as_itself(account in value()) {
        let p = policy!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": "sqs:SendMessage",
                "Resource": "*",
                "Condition": { "StringEquals": { "aws:ResourceAccount": "{account}" } }
            }]
        });
        let written = statement(&p)["Condition"]["StringEquals"]["aws:ResourceAccount"]
            .as_str().unwrap().to_owned();
        // `StringEquals` reads no wildcard: every piece must be a literal character.
        let pieces = Pattern::parse(&written, Syntax::EXACT).pieces().to_vec();
        let compared: Option<String> = pieces
            .iter()
            .map(|p| match p {
                Piece::Char(c) => Some(*c),
                _ => None,
            })
            .collect();
        prop_assert!(compared.is_some(), "{:?}", pieces);
        let compared = compared.unwrap();
        prop_assert_eq!(compared, account);
    }

    /// Where IAM reads no wildcard and no variable (`Numeric…`), the value is written as it
    /// is; JSON escaping keeps it whole.
    #[test]
    fn a_value_in_a_numeric_condition_is_written_as_is(age in value()) {
        let p = policy!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": "sqs:SendMessage",
                "Resource": "*",
                "Condition": { "NumericLessThan": { "aws:MultiFactorAuthAge": "{age}" } }
            }]
        });
        let written = statement(&p)["Condition"]["NumericLessThan"]["aws:MultiFactorAuthAge"]
            .as_str().unwrap().to_owned();
        prop_assert_eq!(written, age);
    }

    /// Where IAM has no escape (`Action`, `Principal`), only a checked `Literal` goes in:
    /// it exists exactly for the strings without `*`, `?` and `$`, and is written as is.
    #[test]
    fn a_literal_is_checked_and_written_as_is(name in value()) {
        let checked = Literal::new(name.clone());
        prop_assert_eq!(checked.is_ok(), !name.contains(['*', '?', '$']));
        if let Ok(action) = checked {
            let p = policy!({
                "Version": "2012-10-17",
                "Statement": [{ "Effect": "Allow", "Action": "s3:{action}", "Resource": "*" }]
            });
            let written = statement(&p)["Action"].as_str().unwrap().to_owned();
            let pieces = Pattern::parse(&written, Syntax::GLOB_LITERAL).pieces().to_vec();
            prop_assert!(pieces.iter().all(|p| matches!(p, Piece::Char(_))), "{:?}", pieces);
            prop_assert_eq!(written, format!("s3:{name}"));
        }
    }

    /// A whole `(expr)` list in `Resource` is data too: each string is escaped.
    #[test]
    fn a_list_of_resources_is_escaped_item_by_item(keys in proptest::collection::vec(value(), 0..4)) {
        let arns: Vec<String> = keys.iter().map(|k| format!("arn:aws:s3:::b/{k}")).collect();
        let p = policy!({
            "Version": "2012-10-17",
            "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": (arns) }]
        });
        let written = statement(&p)["Resource"].as_array().unwrap().clone();
        prop_assert_eq!(written.len(), keys.len());
        for (item, key) in written.iter().zip(&keys) {
            prop_assert_eq!(
                iam_pattern(item.as_str().unwrap()),
                expected("", &format!("arn:aws:s3:::b/{key}"), "")
            );
        }
    }
}

#[test]
fn a_pattern_keeps_its_wildcards_and_variables() {
    let logs = iam_policy::Pattern("app-*");
    let home = iam_policy::Pattern("${aws:username}");
    let p = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["logs:PutLogEvents", "s3:GetObject"],
            "Resource": [
                "arn:aws:logs:us-east-1:111122223333:log-group:{logs}:*",
                "arn:aws:s3:::home/{home}/*"
            ]
        }]
    });
    let resources = statement(&p)["Resource"].clone();
    assert_eq!(
        resources,
        serde_json::json!([
            "arn:aws:logs:us-east-1:111122223333:log-group:app-*:*",
            "arn:aws:s3:::home/${aws:username}/*"
        ])
    );
}

#[test]
fn without_a_pattern_the_same_values_are_literal() {
    let logs = "app-*";
    let home = "${aws:username}";
    let p = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["logs:PutLogEvents", "s3:GetObject"],
            "Resource": [
                "arn:aws:logs:us-east-1:111122223333:log-group:{logs}:*",
                "arn:aws:s3:::home/{home}/*"
            ]
        }]
    });
    assert_eq!(
        statement(&p)["Resource"],
        serde_json::json!([
            "arn:aws:logs:us-east-1:111122223333:log-group:app-${*}:*",
            "arn:aws:s3:::home/${$}{aws:username}/*"
        ])
    );
}

/// A value in an ARN's account field is checked in its place at run time: `validate`
/// reports one that is no account id, also after escaping (`*` is written `${*}`, which
/// IAM reads as a literal `*`).
#[test]
fn validate_checks_inserted_values_in_their_arn_field() {
    let check = |account: &str| {
        let p = policy!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": "sqs:SendMessage",
                "Resource": "arn:aws:sqs:us-east-1:{account}:jobs"
            }]
        });
        p.validate(p.kind())
            .into_iter()
            .filter(iam_policy::Diagnostic::is_error)
            .map(|d| d.code.name())
            .collect::<Vec<_>>()
    };
    assert!(check("111122223333").is_empty());
    assert_eq!(check("*"), ["invalid-account"]);
    assert_eq!(check("1111-2222-3333"), ["invalid-account"]);
    // A checked type refuses the value before it reaches the policy.
    assert!(AccountId::new("*").is_err());
}

/// The same for the region and partition fields.
#[test]
fn validate_checks_inserted_regions_and_partitions() {
    let check = |partition: &str, region: &str| {
        let p = policy!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": "sqs:SendMessage",
                "Resource": "arn:{partition}:sqs:{region}:111122223333:jobs"
            }]
        });
        p.validate(p.kind())
            .into_iter()
            .filter(iam_policy::Diagnostic::is_error)
            .map(|d| d.code.name())
            .collect::<Vec<_>>()
    };
    assert!(check("aws", "eu-west-1").is_empty());
    assert_eq!(check("aws", "*"), ["invalid-region"]);
    assert_eq!(check("aws", "Europe"), ["invalid-region"]);
    assert_eq!(check("aws-gov", "eu-west-1"), ["invalid-partition"]);
    assert!(!check("*", "eu-west-1").is_empty());
}
