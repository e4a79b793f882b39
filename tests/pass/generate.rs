//! `generate!` compiles under pedantic clippy lints, with values, every policy type it
//! takes, and a split result.
#![deny(clippy::pedantic, warnings)]

use iam_policy::{PolicyKind, generate};

fn main() {
    let bucket = "reports";
    let account = 123_456_789_012_u64;
    let identity = generate!({
        "read": ["arn:aws:s3:::{bucket}/*"],
        "list": ["arn:aws:s3:::{bucket}"],
        "sts": {"assume-role": ["arn:aws:iam::{account}:role/path/deployer"]},
        "wildcard-only": {"single-actions": ["s3:ListAllMyBuckets"]}
    });
    assert_eq!(identity.policies().len(), 1);
    assert!(identity.policies()[0].validate(PolicyKind::Identity).is_empty());

    let deny = generate!(boundary {
        "effect": "Deny",
        "write": ["arn:aws:s3:::{bucket}/*"]
    });
    assert!(deny.to_json().contains(r#""Effect":"Deny""#));

    let split = generate!(session {
        "read": ["arn:aws:s3:::a/*", "arn:aws:s3:::a"],
        "write": ["arn:aws:s3:::a/*", "arn:aws:s3:::a"],
        "list": ["arn:aws:s3:::a/*", "arn:aws:s3:::a"],
        "tagging": ["arn:aws:s3:::a/*", "arn:aws:s3:::a"]
    });
    assert!(split.policies().len() > 1);
    for policy in split.policies() {
        assert!(policy.validate(PolicyKind::Session).is_empty());
    }
}
