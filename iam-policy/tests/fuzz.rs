//! Robustness: `validate` ends in findings, never a panic, on any input — random text,
//! random JSON, random policy-shaped documents built from IAM's vocabulary, deep nesting,
//! huge documents — and its findings are well formed: each pointer resolves in the
//! document, each has a line and column inside the text and a message, and they come in
//! source order.
//!
//! proptest runs 256 cases per property by default (a few seconds in debug); set
//! `PROPTEST_CASES` for a longer run, e.g. `PROPTEST_CASES=20000 cargo test -p iam-policy
//! --test fuzz --release`. The huge-input tests must each finish in under a minute in a
//! debug build (a bound far above their time on an idle machine, so a busy one passes).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use std::time::{Duration, Instant};

use iam_policy::{Code, Diagnostic, PolicyKind, validate};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Value, json};

/// Element names, operators and condition keys: object keys of the random documents.
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
    "action",
    "Statements",
    "StringEquals",
    "StringLike",
    "ForAnyValue:StringLike",
    "ForAllValues:StringEquals",
    "NumericLessThan",
    "DateGreaterThan",
    "Bool",
    "IpAddress",
    "ArnLike",
    "Null",
    "NullIfExists",
    "StringEqualsIfExists",
    "BinaryEquals",
    "aws:SourceIp",
    "aws:PrincipalTag/team",
    "aws:TagKeys",
    "aws:CurrentTime",
    "aws:EpochTime",
    "aws:SecureTransport",
    "s3:prefix",
    "s3:max-keys",
    "kms:ViaService",
    "iam:AWSServiceName",
    "ec2:ResourceTag/${TagKey}",
    "x",
    "",
];

/// Values: versions, effects, actions, ARNs, principals, condition values, broken pieces.
const STRINGS: &[&str] = &[
    "2012-10-17",
    "2008-10-17",
    "Allow",
    "Deny",
    "*",
    "s3:GetObject",
    "s3:Get*",
    "s3:ListAllMyBuckets",
    "ec2:Describe*",
    "ec2:*Instance?",
    "iam:PassRole",
    "iam:CreateServiceLinkedRole",
    "kms:Decrypt",
    "sts:AssumeRole",
    "sts:AssumeRoleWithWebIdentity",
    "logs:DescribeLogGroups",
    "nosuch:Thing",
    "s3:GetObjekt",
    "S3:getobject",
    "s3:",
    ":",
    "*:*",
    "arn:aws:s3:::b",
    "arn:aws:s3:::b/*",
    "arn:aws:s3:::*/x/*",
    "arn:aws:s3:::${aws:username}/*",
    "arn:aws:s3:us-east-1::b",
    "arn:aws:iam::123456789012:root",
    "arn:aws:iam::123456789012:role/r",
    "arn:aws:iam::*:role/${aws:PrincipalTag/x}",
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
    "arn:aws:sqs:us-east-1:123456789012:q",
    "arn:aws:logs:*:*:log-group:/a:*",
    "arn:aws-cn:ec2:*:*:instance/*",
    "arn:aws:ec2:us-east-1:12345:instance/*",
    "arn:*:*:*:*:*",
    "arn:aws",
    "arn:",
    "123456789012",
    "lambda.amazonaws.com",
    "iam.amazonaws.com",
    "accounts.google.com",
    "o-abc123",
    "10.0.0.0/8",
    "::1/129",
    "300.1.1.1",
    "2020-01-01T00:00:00Z",
    "2020-13-45",
    "1700000000",
    "-1.5",
    "1e400",
    "true",
    "false",
    "TRUE",
    "aGVsbG8=",
    "${",
    "${aws:username",
    "${aws:username}",
    "${aws:usrname}",
    "${*}",
    "${?}",
    "${$}",
    "${aws:username, 'x'}",
    "${ }",
    "}",
    "{",
    "",
    "é",
    "\u{0}",
    "\u{feff}",
    "?",
    "**",
    "a\"b\\c",
];

/// A string: from the vocabulary, two of them joined, one with a character changed, or
/// arbitrary.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(STRINGS).prop_map(str::to_owned),
        1 => (select(STRINGS), select(STRINGS)).prop_map(|(a, b)| format!("{a}{b}")),
        1 => (select(STRINGS), any::<char>(), any::<prop::sample::Index>()).prop_map(
            |(s, c, at)| {
                let mut chars: Vec<char> = s.chars().collect();
                let at = at.index(chars.len() + 1);
                chars.insert(at, c);
                chars.into_iter().collect()
            }
        ),
        1 => "\\PC{0,40}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![4 => select(KEYS).prop_map(str::to_owned), 1 => text()]
}

/// A JSON leaf.
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => text().prop_map(Value::String),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        1 => Just(Value::Null),
    ]
}

fn object(members: Vec<(String, Value)>) -> Value {
    Value::Object(members.into_iter().collect::<Map<String, Value>>())
}

/// Any JSON value, nested up to 6 levels, with keys from the vocabulary.
fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..7).prop_map(object),
        ]
    })
}

/// A string or an array of strings, as `Action` and `Resource` take them, or sometimes
/// any value.
fn strings() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => text().prop_map(Value::String),
        4 => prop::collection::vec(text().prop_map(Value::String), 0..5).prop_map(Value::Array),
        1 => value(),
    ]
}

/// A condition block: operators to keys to values, mostly well shaped.
fn condition() -> impl Strategy<Value = Value> {
    let values = prop_oneof![
        3 => leaf(),
        2 => prop::collection::vec(leaf(), 0..4).prop_map(Value::Array),
    ];
    let block = prop::collection::vec((key(), values), 0..3).prop_map(object);
    prop_oneof![
        6 => prop::collection::vec((key(), block), 0..3).prop_map(object),
        1 => value(),
    ]
}

/// A principal: `*`, a map of principal types to strings, or anything.
fn principal() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("*")),
        prop::collection::vec((key(), strings()), 0..3).prop_map(object),
        value(),
    ]
}

/// A statement: a random subset of the statement elements, mostly well typed, sometimes
/// an element twice-removed or an unknown one.
fn statement() -> impl Strategy<Value = Value> {
    let element = prop_oneof![
        1 => text().prop_map(|s| ("Sid".to_owned(), Value::String(s))),
        3 => prop_oneof![Just(json!("Allow")), Just(json!("Deny")), leaf()]
            .prop_map(|v| ("Effect".to_owned(), v)),
        3 => (select(&["Action", "NotAction"][..]), strings()).prop_map(|(k, v)| (k.to_owned(), v)),
        3 => (select(&["Resource", "NotResource"][..]), strings()).prop_map(|(k, v)| (k.to_owned(), v)),
        1 => (select(&["Principal", "NotPrincipal"][..]), principal()).prop_map(|(k, v)| (k.to_owned(), v)),
        2 => condition().prop_map(|v| ("Condition".to_owned(), v)),
        1 => (key(), value()),
    ];
    prop::collection::vec(element, 0..8).prop_map(object)
}

/// A policy: `Version`, maybe `Id`, and `Statement` as one object or an array.
fn policy() -> impl Strategy<Value = Value> {
    let statements = prop_oneof![
        4 => prop::collection::vec(statement(), 0..5).prop_map(Value::Array),
        1 => statement(),
        1 => value(),
    ];
    (
        prop_oneof![
            Just(json!("2012-10-17")),
            Just(json!("2008-10-17")),
            Just(Value::Null),
            leaf()
        ],
        prop::option::of(text()),
        statements,
    )
        .prop_map(|(version, id, statements)| {
            let mut doc = Map::new();
            if !version.is_null() {
                doc.insert("Version".to_owned(), version);
            }
            if let Some(id) = id {
                doc.insert("Id".to_owned(), Value::String(id));
            }
            doc.insert("Statement".to_owned(), statements);
            Value::Object(doc)
        })
}

/// Checks the findings on `text`: each has a message and a line and column inside the
/// text, they come in source order, and — where the text is JSON without repeated keys —
/// each pointer resolves in the document.
fn assert_well_formed(text: &str, found: &[Diagnostic]) {
    let lines = text.lines().count().max(1);
    let document: Option<Value> = serde_json::from_str(text).ok();
    for d in found {
        assert!(!d.message.is_empty(), "{} has no message", d.code);
        assert!(
            d.loc.line >= 1 && d.loc.line <= lines + 1 && d.loc.column >= 1,
            "{} at {}:{} outside a text of {lines} lines",
            d.code,
            d.loc.line,
            d.loc.column
        );
        if d.code != Code::InvalidJson
            && let Some(document) = &document
        {
            assert!(
                d.loc.pointer.is_empty() || document.pointer(&d.loc.pointer).is_some(),
                "{} at `{}`, which is not in the document",
                d.code,
                d.loc.pointer
            );
        }
    }
    for pair in found.windows(2) {
        let (a, b) = (&pair[0].loc, &pair[1].loc);
        assert!(
            (a.line, a.column) <= (b.line, b.column),
            "findings out of source order: {}:{} ({}) before {}:{} ({})",
            a.line,
            a.column,
            pair[0].code,
            b.line,
            b.column,
            pair[1].code
        );
    }
}

fn kinds() -> impl Strategy<Value = PolicyKind> {
    select(PolicyKind::ALL.to_vec())
}

proptest! {
    // Cases from `PROPTEST_CASES` (default 256); a failing case is printed, shrunk, not
    // written to a regressions file.
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_ends_in_findings(text in "\\PC{0,200}", kind in kinds()) {
        let found = validate(&text, kind);
        assert_well_formed(&text, &found);
    }

    #[test]
    fn any_characters_end_in_findings(text in ".{0,200}", kind in kinds()) {
        let found = validate(&text, kind);
        assert_well_formed(&text, &found);
    }

    #[test]
    fn random_json_ends_in_findings(doc in value(), kind in kinds(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&doc).unwrap()
        } else {
            doc.to_string()
        };
        let found = validate(&text, kind);
        assert_well_formed(&text, &found);
    }

    #[test]
    fn policy_shaped_documents_end_in_findings(doc in policy(), kind in kinds(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&doc).unwrap()
        } else {
            doc.to_string()
        };
        let found = validate(&text, kind);
        assert_well_formed(&text, &found);
    }

    #[test]
    fn truncated_policies_end_in_invalid_json(doc in policy(), cut in any::<prop::sample::Index>()) {
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let mut end = cut.index(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let found = validate(&text[..end], PolicyKind::Identity);
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(found[0].code, Code::InvalidJson);
        assert_well_formed(&text[..end], &found);
    }
}

#[test]
fn deep_nesting_is_one_finding() {
    for text in [
        "[".repeat(100_000),
        "{\"a\":".repeat(100_000),
        format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000)),
        format!(
            r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Action":"*","Resource":"*","Condition":{}1{}}}}}"#,
            "[".repeat(50_000),
            "]".repeat(50_000)
        ),
    ] {
        let found = validate(&text, PolicyKind::Identity);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code, Code::InvalidJson);
        assert_well_formed(&text, &found);
    }
}

#[test]
fn nesting_below_the_limit_is_checked() {
    let depth = iam_policy::json::MAX_DEPTH - 8;
    let text = format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Action":"*","Resource":"*","Condition":{{"StringEquals":{{"aws:PrincipalTag/x":{}"v"{}}}}}}}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let found = validate(&text, PolicyKind::Identity);
    assert!(
        found.iter().all(|d| d.code != Code::InvalidJson),
        "{found:?}"
    );
    assert!(
        !found.is_empty(),
        "nested arrays in a condition value are not valid"
    );
    assert_well_formed(&text, &found);
}

/// Checks `text` (about 5 MB) and returns the findings, failing past a minute.
///
/// The bound guards against a hang or a blow-up, not a slowdown: on an idle machine each
/// 5 MB case takes under 2 s in a debug build (the whole file's 13 tests: 4.5 s), so the
/// bound is over 10 times that, and a busy machine (CI, parallel builds) cannot fail it.
/// Speed itself is measured in the benchmarks (`bench/run.py`), never asserted here.
fn check_huge(what: &str, text: &str) -> Vec<Diagnostic> {
    assert!(text.len() >= 5_000_000, "{what}: only {} bytes", text.len());
    let start = Instant::now();
    let found = validate(text, PolicyKind::Identity);
    let elapsed = start.elapsed();
    eprintln!(
        "{what}: {} bytes, {} findings, {elapsed:?}",
        text.len(),
        found.len()
    );
    assert!(
        elapsed < Duration::from_mins(1),
        "{what}: {elapsed:?} for {} bytes",
        text.len()
    );
    found
}

fn policy_of(statements: &str) -> String {
    format!(r#"{{"Version":"2012-10-17","Statement":[{statements}]}}"#)
}

fn repeated(item: &str, separator: &str, bytes: usize) -> String {
    vec![item; bytes / item.len() + 1].join(separator)
}

#[test]
fn a_five_megabyte_policy_of_statements_is_checked_in_bounded_time() {
    let statement = r#"{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::bucket/*"}"#;
    let text = policy_of(&repeated(statement, ",", 5_000_000));
    let found = check_huge("5 MB of statements", &text);
    assert_eq!(found.len(), 1, "only the size quota");
    assert_eq!(found[0].code, Code::PolicyTooLarge);
}

#[test]
fn a_five_megabyte_one_line_document_of_whitespace_is_checked_in_bounded_time() {
    let text = format!(
        "{}{}{}",
        " ".repeat(2_500_000),
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}}"#,
        "\n".repeat(2_500_000)
    );
    let found = check_huge("5 MB of whitespace", &text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, Code::UnknownAction);
    assert_eq!(found[0].loc.line, 1);
}

#[test]
fn a_five_megabyte_action_list_is_checked_in_bounded_time() {
    let actions = repeated(r#""s3:GetObject","ec2:DescribeInstances""#, ",", 5_000_000);
    let text = policy_of(&format!(
        r#"{{"Effect":"Allow","Action":[{actions}],"Resource":"*"}}"#
    ));
    let found = check_huge("5 MB action list", &text);
    assert!(found.iter().any(|d| d.code == Code::PolicyTooLarge));
}

#[test]
fn a_five_megabyte_resource_list_is_checked_in_bounded_time() {
    let resources = repeated(
        r#""arn:aws:s3:::bucket/*","arn:aws:s3:::*/x/*""#,
        ",",
        5_000_000,
    );
    let text = policy_of(&format!(
        r#"{{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":[{resources}]}}"#
    ));
    let found = check_huge("5 MB resource list", &text);
    assert!(found.iter().any(|d| d.code == Code::PolicyTooLarge));
}

#[test]
fn a_five_megabyte_string_is_checked_in_bounded_time() {
    let text = policy_of(&format!(
        r#"{{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/{}*"}}"#,
        "a/?".repeat(1_700_000)
    ));
    let found = check_huge("5 MB resource string", &text);
    assert!(found.iter().any(|d| d.code == Code::PolicyTooLarge));
}

#[test]
fn five_megabytes_of_errors_are_checked_in_bounded_time() {
    // A repeated Sid, a lowercase Effect, an object action on a bucket ARN, a bad date.
    let statement = r#"{"Sid":"S","Effect":"allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2020-13-45"}}}"#;
    let text = policy_of(&repeated(statement, ",", 5_000_000));
    let found = check_huge("5 MB of erroneous statements", &text);
    assert!(found.len() > 100_000, "{} findings", found.len());
    assert_well_formed(&text, &found);
}

/// Every unknown name gets a did-you-mean from an edit-distance search over the catalog
/// (about 0.35 ms per unknown action and 1.6 ms per unknown condition key in a debug
/// build). Searches are made once per name and for at most 64 names per policy, so 5 MB
/// of misspelled names are checked in bounded time (71 s before the bound).
#[test]
fn five_megabytes_of_misspelled_names_are_checked_in_bounded_time() {
    let statement = r#"{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*","Condition":{"StringEquals":{"aws:SourceAcount":"1"}}}"#;
    let text = policy_of(&repeated(statement, ",", 5_000_000));
    let found = check_huge("5 MB of misspelled names", &text);
    assert!(found.len() > 50_000, "{} findings", found.len());
}
