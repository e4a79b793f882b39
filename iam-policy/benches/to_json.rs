//! `Policy::to_json()` of a static `policy!` against `serde_json::to_string` of the same
//! document built with `serde_json::json!`. Run with `cargo bench -p iam-policy`.
#![allow(missing_docs, reason = "a benchmark binary")]

use criterion::{Criterion, criterion_group, criterion_main};
use iam_policy::policy;

/// The benchmark document, built with `json!`.
fn document() -> serde_json::Value {
    serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ListTheBucket",
                "Effect": "Allow",
                "Action": ["s3:ListBucket", "s3:GetBucketLocation"],
                "Resource": "arn:aws:s3:::example-bucket"
            },
            {
                "Sid": "ReadWriteObjects",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                "Resource": "arn:aws:s3:::example-bucket/*",
                "Condition": { "Bool": { "aws:SecureTransport": "true" } }
            }
        ]
    })
}

fn to_json(c: &mut Criterion) {
    let ours = policy!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ListTheBucket",
                "Effect": "Allow",
                "Action": ["s3:ListBucket", "s3:GetBucketLocation"],
                "Resource": "arn:aws:s3:::example-bucket"
            },
            {
                "Sid": "ReadWriteObjects",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                "Resource": "arn:aws:s3:::example-bucket/*",
                "Condition": { "Bool": { "aws:SecureTransport": "true" } }
            }
        ]
    });
    let theirs = document();
    // The same document.
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&ours.to_json()).ok(),
        Some(theirs.clone())
    );
    c.bench_function("policy_to_json", |b| {
        b.iter(|| std::hint::black_box(&ours).to_json());
    });
    c.bench_function("serde_json_to_string", |b| {
        b.iter(|| serde_json::to_string(std::hint::black_box(&theirs)));
    });
    // For reference: building the `json!` value is part of what a program using it pays.
    c.bench_function("serde_json_build_and_to_string", |b| {
        b.iter(|| serde_json::to_string(&std::hint::black_box(document())));
    });
}

criterion_group!(benches, to_json);
criterion_main!(benches);
