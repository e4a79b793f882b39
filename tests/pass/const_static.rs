//! A policy without inserted values is built at compile time: `policy!` works in `const`
//! and `static` initializers, and `to_json()` copies the JSON out.

use iam_policy::{Policy, PolicyKind, policy};

const LIST_BUCKETS: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": ["s3:ListAllMyBuckets", "s3:GetBucketLocation"],
        "Resource": "*"
    }]
});

static LAMBDA_TRUST: Policy = policy!(trust {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": { "Service": "lambda.amazonaws.com" },
        "Action": "sts:AssumeRole"
    }]
});

// A warning-level finding in a `const` (the warning's function is `const` too), allowed
// here so the build stays quiet.
#[allow(deprecated)]
const OLD_STYLE: Policy = policy!({
    "Statement": [{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*" }]
});

fn main() {
    assert_eq!(
        LIST_BUCKETS.to_json(),
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListAllMyBuckets","s3:GetBucketLocation"],"Resource":"*"}]}"#
    );
    assert_eq!(LIST_BUCKETS.kind(), PolicyKind::Identity);
    assert_eq!(LAMBDA_TRUST.kind(), PolicyKind::Trust);
    assert_eq!(
        LAMBDA_TRUST.as_json(),
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
    );
    assert!(OLD_STYLE.as_json().starts_with(r#"{"Statement""#));
}
