//! Robustness: `validate` ends in findings, never a panic, on any input — random text,
//! random policy-shaped documents built from IAM's vocabulary, deep nesting, huge
//! documents. proptest runs 256 cases per property by default; set `PROPTEST_CASES` for
//! a longer run (`.ci/run` runs a short smoke run with more cases).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use std::time::{Duration, Instant};

use iam_policy::{Code, PolicyKind, validate};
use proptest::prelude::*;
use serde_json::{Map, Value};

const KEYS: &[&str] = &[
    "Version",
    "Id",
    "Statement",
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
    "AWS",
    "Service",
    "Federated",
    "CanonicalUser",
    "StringEquals",
    "StringLike",
    "ForAnyValue:StringLike",
    "NumericLessThan",
    "DateGreaterThan",
    "Bool",
    "IpAddress",
    "ArnLike",
    "Null",
    "StringEqualsIfExists",
    "aws:SourceIp",
    "aws:PrincipalTag/team",
    "aws:TagKeys",
    "s3:prefix",
    "kms:ViaService",
    "iam:AWSServiceName",
    "aws:CurrentTime",
    "x",
];

const STRINGS: &[&str] = &[
    "2012-10-17",
    "2008-10-17",
    "Allow",
    "Deny",
    "*",
    "s3:GetObject",
    "s3:Get*",
    "ec2:Describe*",
    "iam:PassRole",
    "kms:Decrypt",
    "sts:AssumeRole",
    "iam:CreateServiceLinkedRole",
    "nosuch:Thing",
    "s3:",
    ":",
    "arn:aws:s3:::b",
    "arn:aws:s3:::b/*",
    "arn:aws:s3:::${aws:username}/*",
    "arn:aws:iam::123456789012:root",
    "arn:aws:iam::*:role/${aws:PrincipalTag/x}",
    "arn:aws",
    "arn:aws:logs:*:*:log-group:/a:*",
    "lambda.amazonaws.com",
    "10.0.0.0/8",
    "::1/129",
    "2020-01-01T00:00:00Z",
    "true",
    "false",
    "${",
    "${aws:username",
    "${*}",
    "}",
    "",
    "é",
    "o-abc123",
    "arn:*:*:*:*:*",
    "?",
    "**",
];

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        proptest::sample::select(STRINGS).prop_map(|s| Value::String(s.to_owned())),
        any::<bool>().prop_map(Value::Bool),
        (-5i64..5000).prop_map(Value::from),
        Just(Value::Null),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((proptest::sample::select(KEYS), inner), 0..7).prop_map(
                |members| {
                    let mut map = Map::new();
                    for (k, v) in members {
                        map.insert(k.to_owned(), v);
                    }
                    Value::Object(map)
                }
            ),
        ]
    })
}

proptest! {
    #[test]
    fn any_text_ends_in_findings(text in "\\PC{0,200}") {
        let _ = validate(&text, PolicyKind::Identity);
    }

    #[test]
    fn policy_shaped_documents_never_panic(
        doc in value(),
        kind in proptest::sample::select(PolicyKind::ALL.to_vec()),
    ) {
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let _ = validate(&text, kind);
    }

    #[test]
    fn statements_from_the_vocabulary_never_panic(
        statements in proptest::collection::vec(value(), 1..4),
        kind in proptest::sample::select(PolicyKind::ALL.to_vec()),
    ) {
        let doc = serde_json::json!({"Version": "2012-10-17", "Statement": statements});
        let _ = validate(&doc.to_string(), kind);
    }
}

#[test]
fn deep_nesting_is_a_finding() {
    for text in ["[".repeat(100_000), "{\"a\":".repeat(100_000)] {
        let found = validate(&text, PolicyKind::Identity);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::InvalidJson);
    }
}

#[test]
fn a_five_megabyte_policy_is_checked_in_bounded_time() {
    let statement = r#"{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::bucket/*"}"#;
    let count = 5_000_000 / statement.len();
    let text = format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        vec![statement; count].join(",")
    );
    let start = Instant::now();
    let found = validate(&text, PolicyKind::Identity);
    let elapsed = start.elapsed();
    assert_eq!(found.len(), 1, "only the size quota");
    assert_eq!(found[0].code, Code::PolicyTooLarge);
    assert!(
        elapsed < Duration::from_secs(20),
        "{elapsed:?} for {} bytes",
        text.len()
    );
}
